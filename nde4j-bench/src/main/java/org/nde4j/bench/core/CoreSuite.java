package org.nde4j.bench.core;

import java.util.List;
import org.nde4j.bench.BenchCase;
import org.nde4j.bench.Mlp;
import org.nde4j.bench.Suite;
import org.nde4j.tensor.Tensor;

/**
 * The {@code core} suite: compiled and eager MLP forward/VJP, eager per-op overhead, a traced
 * versus a hand-written small vector field, and the matrix-product kernel at the MLP's shapes.
 * Case names follow {@code reference/workloads.md}.
 */
public final class CoreSuite implements Suite {

  /** The tiny MLP of workload W3: 2→50→tanh→2. */
  public static Mlp tinyMlp() {
    return Mlp.of(Tensor::tanh, "tanh", 2, 50, 2);
  }

  /** The larger MLP of workload W4: 32→128→softplus→128→softplus→32. */
  public static Mlp w4Mlp() {
    return Mlp.of(Tensor::softplus, "softplus", 32, 128, 128, 32);
  }

  @Override
  public String name() {
    return "core";
  }

  @Override
  public List<BenchCase> cases() {
    Mlp tiny = tinyMlp();
    Mlp w4 = w4Mlp();
    return List.of(
        new MlpCompiledCase("mlp_tiny_b1_fwd_vjp", tiny, 1, true),
        new MlpCompiledCase("mlp_tiny_b20_fwd_vjp", tiny, 20, true),
        new MlpCompiledCase("mlp_w4_fwd", w4, 256, false),
        new MlpCompiledCase("mlp_w4_fwd_vjp", w4, 256, true),
        new MlpEagerVjpCase("mlp_w4_fwd_vjp_eager", w4, 256),
        new EagerAddCase("op_overhead_eager_scalar", 1),
        new EagerAddCase("op_overhead_eager_256x128", 256, 128),
        new LorenzTracedCase(),
        new LorenzJavaCase(),
        // every product of W4's MLP at batch 256: the forward layers, then the VJP's input
        // (_tb) and weight (_ta) gradients
        new GemmCase(256, 32, 128, false, false),
        new GemmCase(256, 128, 128, false, false),
        new GemmCase(256, 128, 32, false, false),
        new GemmCase(256, 32, 128, false, true),
        new GemmCase(256, 128, 128, false, true),
        new GemmCase(256, 128, 32, false, true),
        new GemmCase(32, 256, 128, true, false),
        new GemmCase(128, 256, 128, true, false),
        new GemmCase(128, 256, 32, true, false),
        // and of W5's drift and diffusion (16→64→16 at batch 512)
        new GemmCase(512, 16, 64, false, false),
        new GemmCase(512, 64, 16, false, false),
        new GemmCase(512, 16, 64, false, true),
        new GemmCase(512, 64, 16, false, true),
        new GemmCase(16, 512, 64, true, false),
        new GemmCase(64, 512, 16, true, false),
        // the large square product of shared/peers/peak_gemm.py: the BLAS's achievable peak
        new GemmCase(1024, 1024, 1024, false, false),
        // the elementwise kernels of those MLPs at one layer's size, and W5's noise per step
        new KernelCase(KernelCase.Fn.TANH, 32768),
        new KernelCase(KernelCase.Fn.SIGMOID, 8192),
        new KernelCase(KernelCase.Fn.SOFTPLUS, 32768),
        new KernelCase(KernelCase.Fn.SOFTPLUS_SLOPE, 32768),
        new KernelCase(KernelCase.Fn.NORMAL, 8192));
  }
}
