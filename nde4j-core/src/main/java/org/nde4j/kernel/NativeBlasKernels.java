package org.nde4j.kernel;

/**
 * Decorator that sends products large enough to pay for a JNI call to the system BLAS and
 * everything else (small products, products with an inner or output width of at most 2, all
 * elementwise maths) to the wrapped kernels. Routing compares {@code m·n·k} against a threshold
 * measured on an AVX2 machine (see {@link #DEFAULT_MIN_WORK}); no per-call logging or
 * allocation.
 */
public final class NativeBlasKernels implements Kernels {
  /**
   * Multiply-adds from which OpenBLAS (0.3, one thread) beats the Vector API kernels on a 2-core
   * AVX2 EPYC (JDK 17): below it the JNI transition and OpenBLAS's own dispatch cost about what
   * they save. The margin grows when the operands are not in L2, as in a compiled plan whose
   * buffers exceed it (a 256-row layer of width 128 is 256 KB), where OpenBLAS's prefetching
   * made 256×128×32 products about 1.3× faster than the Vector API kernels; timed on operands
   * both in and out of cache.
   */
  public static final long DEFAULT_MIN_WORK = 1L << 18;

  /**
   * Products with {@code k} or {@code n} at most this stay on the wrapped kernels whatever their
   * size: their dedicated loops (a network layer with two inputs or outputs) ran about twice as
   * fast as OpenBLAS at 4096×2×50.
   */
  static final int MAX_SKINNY = 2;

  /**
   * Inner sizes up to which a biased product runs as C = bias rows, then {@code C += A·B} in one
   * BLAS call, on a library whose {@link NativeBlas#addsProductOnce()} holds (OpenBLAS): it then
   * skips its pass that clears C and the separate bias pass is gone (the two were 12 % of a W5
   * forward solve in a profile, k = 16 and 64; the bias rows cost a write pass, and the solve got
   * about 4 % faster). Within one k-block of the BLAS (OpenBLAS: 256 and more) each element is
   * {@code bias + dot} rounded once, the bits of the product followed by the add; {@code
   * BiasAndRowSumTest} checks them on this BLAS. Other libraries take the product, then the add.
   */
  static final int MAX_FUSED_BIAS_K = 128;

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
    return fallback.name() + "+native-blas(" + blas.library() + ", m*n*k>=" + minWork + ")";
  }

  @Override
  public void gemm(boolean ta, boolean tb, int m, int n, int k,
      double[] a, int ao, double[] b, int bo, double[] c, int co) {
    if ((long) m * n * k >= minWork && n > MAX_SKINNY && k > MAX_SKINNY) {
      blas.gemm(ta, tb, m, n, k, a, ao, b, bo, c, co);
    } else {
      fallback.gemm(ta, tb, m, n, k, a, ao, b, bo, c, co);
    }
  }

  @Override
  public void gemmBias(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao,
      double[] b, int bo, double[] bias, int biaso, double[] c, int co) {
    if ((long) m * n * k >= minWork && n > MAX_SKINNY && k > MAX_SKINNY) {
      if (k <= MAX_FUSED_BIAS_K && blas.addsProductOnce()) {
        for (int r = 0; r < m; r++) {
          System.arraycopy(bias, biaso, c, co + r * n, n);
        }
        blas.gemmAdd(ta, tb, m, n, k, a, ao, b, bo, c, co);
      } else {
        blas.gemm(ta, tb, m, n, k, a, ao, b, bo, c, co);
        fallback.addRows(bias, biaso, c, co, m, n);
      }
    } else {
      fallback.gemmBias(ta, tb, m, n, k, a, ao, b, bo, bias, biaso, c, co);
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
  public void softplusSigmoid(double[] x, int xo, double[] y, int yo, double[] s, int so,
      int n) {
    fallback.softplusSigmoid(x, xo, y, yo, s, so, n);
  }

  @Override
  public void softplusSlope(double[] x, int xo, double[] y, int yo, int n) {
    fallback.softplusSlope(x, xo, y, yo, n);
  }

  @Override
  public void addRows(double[] row, int ro, double[] c, int co, int rows, int n) {
    fallback.addRows(row, ro, c, co, rows, n);
  }

  @Override
  public void sumRows(double[] a, int ao, int rows, int n, double[] o, int oo) {
    fallback.sumRows(a, ao, rows, n, o, oo);
  }
}
