"""Makes the PyTorch reference files that SafetensorsPytorchTest reads.

Run once, by hand; the tests never run Python. Made with torch 1.13 and safetensors 0.8.0
(the Hugging Face wheel), from this directory:

    python3 make_reference.py

pytorch_mixed.safetensors   every dtype nde4j reads, one tensor each, two metadata entries
pytorch_f64.safetensors     only F64 tensors and one metadata entry, so that the bytes nde4j
                            writes for the same tensors must be identical (the reference sorts
                            tensors by dtype alignment, then name; one metadata entry keeps the
                            header's key order fixed)
"""
import torch
from safetensors.torch import save_file

mixed = {
    "weight": torch.tensor([[0.1, -2.5, 1e-300], [3.141592653589793, -0.0, 1e300]], dtype=torch.float64),
    "bias": torch.tensor([0.1, -1.5, 65504.0], dtype=torch.float32),
    "half": torch.tensor([1.0, -2.0, 1.0 / 3.0, 65504.0, 2.0 ** -24], dtype=torch.float16),
    "brain": torch.tensor([1.0, -0.5, 3.141592653589793], dtype=torch.bfloat16),
    "steps": torch.tensor([-3, 9007199254740992], dtype=torch.int64),
    "counts": torch.tensor([[-2147483648], [7]], dtype=torch.int32),
    "scalar": torch.tensor(2.0, dtype=torch.float64),
}
save_file(mixed, "pytorch_mixed.safetensors", metadata={"format": "pt", "note": "nde4j reference"})

f64 = {
    "layer.0.weight": torch.tensor([[1.0, -2.0], [0.5, 0.25], [1e-3, 7.0]], dtype=torch.float64),
    "layer.0.bias": torch.tensor([0.1, 0.2, 0.3], dtype=torch.float64),
    "scale": torch.tensor(-4.5, dtype=torch.float64),
}
save_file(f64, "pytorch_f64.safetensors", metadata={"format": "pt"})
