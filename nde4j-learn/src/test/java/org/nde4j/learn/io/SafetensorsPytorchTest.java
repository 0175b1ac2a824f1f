package org.nde4j.learn.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nde4j.tensor.Tensor;

/**
 * Files written by PyTorch through the Hugging Face {@code safetensors} package (torch 1.13,
 * safetensors 0.8.0), made once by {@code make_reference.py} beside them; the expected values are
 * the ones that script stores, converted to double as PyTorch's {@code .double()} does.
 */
class SafetensorsPytorchTest {

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(SafetensorsPytorchTest.class.getResource(name).toURI());
  }

  @Test
  void readsEveryDtypePytorchWrote() throws Exception {
    SafetensorsFile f = Safetensors.read(resource("pytorch_mixed.safetensors"));
    assertThat(f.metadata()).containsExactlyInAnyOrderEntriesOf(
        Map.of("format", "pt", "note", "nde4j reference"));
    // The reference writer's order: descending dtype (I64, F64, F32, I32, BF16, F16), then name.
    assertThat(f.tensors().keySet())
        .containsExactly("steps", "scalar", "weight", "bias", "counts", "brain", "half");

    Tensor weight = f.tensor("weight");
    assertThat(weight.shape().dims()).containsExactly(2, 3);
    assertThat(weight.toArray()).containsExactly(0.1, -2.5, 1e-300, 3.141592653589793, -0.0, 1e300);
    assertThat(Double.doubleToRawLongBits(weight.get(1, 1))).isEqualTo(Long.MIN_VALUE);
    assertThat(f.tensor("scalar").rank()).isZero();
    assertThat(f.tensor("scalar").item()).isEqualTo(2.0);
    assertThat(f.tensor("bias").toArray())
        .containsExactly(0.10000000149011612, -1.5, 65504.0);
    // float16(1/3) = 0x3555 = 1365/4096; 2^-24 is the smallest subnormal half.
    assertThat(f.tensor("half").toArray())
        .containsExactly(1.0, -2.0, 0.333251953125, 65504.0, 5.960464477539063e-08);
    // bfloat16(pi) keeps the top 8 bits of float32's significand: 3.140625.
    assertThat(f.tensor("brain").toArray()).containsExactly(1.0, -0.5, 3.140625);
    assertThat(f.tensor("steps").toArray()).containsExactly(-3.0, 9007199254740992.0);
    assertThat(f.tensor("counts").shape().dims()).containsExactly(2, 1);
    assertThat(f.tensor("counts").toArray()).containsExactly(-2147483648.0, 7.0);
    assertThat(f.dtypes()).containsEntry("half", SafetensorsDtype.F16)
        .containsEntry("brain", SafetensorsDtype.BF16).containsEntry("steps", SafetensorsDtype.I64)
        .containsEntry("counts", SafetensorsDtype.I32).containsEntry("bias", SafetensorsDtype.F32);
  }

  @Test
  void writesTheSameBytesAsPytorchForF64() throws Exception {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("layer.0.weight", Tensor.of(new double[] {1.0, -2.0, 0.5, 0.25, 1e-3, 7.0}, 3, 2));
    tensors.put("layer.0.bias", Tensor.vector(0.1, 0.2, 0.3));
    tensors.put("scale", Tensor.scalar(-4.5));
    byte[] ours = Safetensors.toBytes(tensors, Map.of("format", "pt"), SafetensorsDtype.F64);
    assertThat(ours).isEqualTo(Files.readAllBytes(resource("pytorch_f64.safetensors")));
  }

  @Test
  void pytorchFileSurvivesARoundTripThroughNde4j() throws Exception {
    SafetensorsFile f = Safetensors.read(resource("pytorch_f64.safetensors"));
    Path copy = Files.createTempFile("copy", ".safetensors");
    try {
      Safetensors.write(copy, f.tensors(), f.metadata());
      assertThat(Files.readAllBytes(copy))
          .isEqualTo(Files.readAllBytes(resource("pytorch_f64.safetensors")));
    } finally {
      Files.deleteIfExists(copy);
    }
  }
}
