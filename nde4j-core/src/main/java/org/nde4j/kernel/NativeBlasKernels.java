package org.nde4j.kernel;

/**
 * Decorator that sends products large enough to pay for a JNI call to the system BLAS and
 * everything else (small products, all elementwise maths) to the wrapped kernels. Routing is a
 * single comparison of {@code m·n·k} against a threshold measured on an AVX2 machine (see
 * {@link #DEFAULT_MIN_WORK}); no per-call logging or allocation.
 */
public final class NativeBlasKernels implements Kernels {
  /**
   * Multiply-adds from which OpenBLAS beat the Vector API kernels on a 2-core AVX2 EPYC (JDK 17
   * and 25): below it the JNI transition and OpenBLAS's own dispatch cost more than they save.
   */
  public static final long DEFAULT_MIN_WORK = 1L << 21;

  private final Kernels fallback;
  private final NativeBlas blas;
  private final long minWork;

  /**
   * @param fallback kernels for small products and all elementwise maths
   * @param blas the loaded native BLAS ({@link NativeBlas#load()})
   * @param minWork smallest {@code m·n·k} sent to the native BLAS
   */
  public NativeBlasKernels(Kernels fallback, NativeBlas blas, long minWork) {
    if (fallback == null || blas == null) {
      throw new IllegalArgumentException("fallback and blas must not be null");
    }
    this.fallback = fallback;
    this.blas = blas;
    this.minWork = minWork;
  }

  /** The kernels small products and elementwise maths go to. */
  public Kernels fallback() {
    return fallback;
  }

  @Override
  public String name() {
    return fallback.name() + "+native-blas(m*n*k>=" + minWork + ")";
  }

  @Override
  public void gemm(boolean ta, boolean tb, int m, int n, int k,
      double[] a, int ao, double[] b, int bo, double[] c, int co) {
    if ((long) m * n * k >= minWork) {
      blas.gemm(ta, tb, m, n, k, a, ao, b, bo, c, co);
    } else {
      fallback.gemm(ta, tb, m, n, k, a, ao, b, bo, c, co);
    }
  }

  @Override
  public void exp(double[] x, int xo, double[] y, int yo, int n) {
    fallback.exp(x, xo, y, yo, n);
  }

  @Override
  public void tanh(double[] x, int xo, double[] y, int yo, int n) {
    fallback.tanh(x, xo, y, yo, n);
  }

  @Override
  public void sigmoid(double[] x, int xo, double[] y, int yo, int n) {
    fallback.sigmoid(x, xo, y, yo, n);
  }

  @Override
  public void softplus(double[] x, int xo, double[] y, int yo, int n) {
    fallback.softplus(x, xo, y, yo, n);
  }

  @Override
  public void addRows(double[] row, int ro, double[] c, int co, int rows, int n) {
    fallback.addRows(row, ro, c, co, rows, n);
  }
}
