package org.nde4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** Selection picks the Vector API kernels when the module is present and wraps native BLAS. */
class KernelSelectionTest {

  @Test
  void selectsVectorKernelsWhenModulePresent() {
    assumeTrue(KernelSelection.vectorApiPresent());
    assumeTrue(System.getProperty("nde4j.kernels", "").isEmpty());
    Kernels k = KernelSelection.selected();
    Kernels base = k instanceof NativeBlasKernels ? ((NativeBlasKernels) k).fallback() : k;
    assertThat(base.getClass().getName()).isEqualTo("org.nde4j.kernel.simd.VectorKernels");
    assertThat(k.name()).startsWith("vector-api(");
  }

  @Test
  void wrapsNativeBlasExactlyWhenAvailableAndNotDisabled() {
    boolean disabled = BlasChoice.isOff(System.getProperty(BlasChoice.PROPERTY));
    boolean available = NativeBlas.load() != null;
    assertThat(KernelSelection.selected() instanceof NativeBlasKernels)
        .isEqualTo(available && !disabled);
    assertThat(KernelSelection.nativeBlasOrNull() != null).isEqualTo(available && !disabled);
  }

  @Test
  void nativeBlasRoutesOnlyLargeProducts() {
    NativeBlas blas = NativeBlas.load();
    assumeTrue(blas != null, "no native BLAS on this machine");
    // A fallback that records the shapes it is given; the native path must not reach it.
    int[] fallbackCalls = {0};
    Kernels counting = new Kernels() {
      private final ScalarKernels inner = new ScalarKernels();

      @Override
      public String name() {
        return "counting";
      }

      @Override
      public void gemm(boolean ta, boolean tb, int m, int n, int k,
          double[] a, int ao, double[] b, int bo, double[] c, int co) {
        fallbackCalls[0]++;
        inner.gemm(ta, tb, m, n, k, a, ao, b, bo, c, co);
      }

      @Override
      public void exp(double[] x, int xo, double[] y, int yo, int n) {}

      @Override
      public void tanh(double[] x, int xo, double[] y, int yo, int n) {}

      @Override
      public void sigmoid(double[] x, int xo, double[] y, int yo, int n) {}

      @Override
      public void softplus(double[] x, int xo, double[] y, int yo, int n) {}
    };
    Kernels routed = new NativeBlasKernels(counting, blas, 1000);
    double[] a = new double[100];
    double[] b = new double[100];
    double[] c = new double[100];
    java.util.Arrays.fill(a, 1.0);
    java.util.Arrays.fill(b, 2.0);
    routed.gemm(false, false, 9, 10, 10, a, 0, b, 0, c, 0); // 900 < 1000: fallback
    assertThat(fallbackCalls[0]).isEqualTo(1);
    routed.gemm(false, false, 10, 10, 10, a, 0, b, 0, c, 0); // 1000: native
    assertThat(fallbackCalls[0]).isEqualTo(1);
    assertThat(c).containsOnly(20.0); // Σ_p 1·2 over k = 10
  }
}
