package org.nde4j.kernel;

/**
 * The numeric kernels every op runs on: a small dense matrix product and vector maths on
 * contiguous ranges. One implementation is chosen at start-up by {@link KernelSelection}: the
 * Vector API one when {@code jdk.incubator.vector} is present, otherwise the scalar one; products
 * large enough to pay for a native call go to the system BLAS when it is installed.
 *
 * <p>All arrays are row-major; {@code xo}, {@code yo} are offsets; no method allocates.
 */
public interface Kernels {

  /** Short name for logs and benchmark notes, e.g. {@code "vector-api(4 lanes)"}. */
  String name();

  /**
   * {@code C = op(A) · op(B)} (C overwritten), with {@code op(A)} of shape m×k and {@code op(B)}
   * of shape k×n. A is stored m×k, or k×m when {@code ta}; B is stored k×n, or n×k when {@code
   * tb}; C is stored m×n. Arrays are read from the given offsets, densely packed.
   */
  void gemm(boolean ta, boolean tb, int m, int n, int k,
      double[] a, int ao, double[] b, int bo, double[] c, int co);

  /**
   * {@link #gemm} followed by {@link #addRows}{@code (bias, biaso, c, co, m, n)}: a network
   * layer's product and bias, bitwise the two calls. Implementations may add the bias while each
   * tile of C is still in registers instead of in a second pass over C.
   */
  default void gemmBias(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao,
      double[] b, int bo, double[] bias, int biaso, double[] c, int co) {
    gemm(ta, tb, m, n, k, a, ao, b, bo, c, co);
    addRows(bias, biaso, c, co, m, n);
  }

  /** {@code y[i] = exp(x[i])} for {@code n} elements; relative error below 1e-14. */
  void exp(double[] x, int xo, double[] y, int yo, int n);

  /** {@code y[i] = tanh(x[i])}; absolute error below 1e-14. */
  void tanh(double[] x, int xo, double[] y, int yo, int n);

  /** {@code y[i] = 1 / (1 + exp(-x[i]))}, stable for large |x|. */
  void sigmoid(double[] x, int xo, double[] y, int yo, int n);

  /** {@code y[i] = log(1 + exp(x[i]))}, stable for large |x|. */
  void softplus(double[] x, int xo, double[] y, int yo, int n);

  /**
   * {@link #softplus} of {@code x} into {@code y} and {@link #sigmoid} of the same {@code x} into
   * {@code s} (its derivative, which a reverse pass needs), bit for bit the results of the two
   * separate calls; implementations may share the work of both (e^{-|x|}).
   */
  default void softplusSigmoid(double[] x, int xo, double[] y, int yo, double[] s, int so,
      int n) {
    softplus(x, xo, y, yo, n);
    sigmoid(x, xo, s, so, n);
  }

  /**
   * {@code y[i] = 1 − exp(−x[i])} (that is {@code −expm1(−x[i])}), with relative error of a few
   * ulp also for tiny {@code x[i]}. Applied to {@code x = softplus(z)} it gives the slope of
   * softplus, {@code sigmoid(z)}, from the layer's output, so a reverse pass need not keep the
   * sigmoid as well.
   */
  default void softplusSlope(double[] x, int xo, double[] y, int yo, int n) {
    for (int i = 0; i < n; i++) {
      y[yo + i] = -Math.expm1(-x[xo + i]);
    }
  }

  /**
   * {@code c[co + r·n + j] += row[ro + j]} for {@code r < rows}, {@code j < n}: a bias row added to
   * every row of a row-major matrix (the epilogue of a layer's matrix product).
   */
  default void addRows(double[] row, int ro, double[] c, int co, int rows, int n) {
    for (int r = 0; r < rows; r++) {
      int base = co + r * n;
      for (int j = 0; j < n; j++) {
        c[base + j] += row[ro + j];
      }
    }
  }

  /**
   * {@code o[oo + j] = Σ_{r < rows} a[ao + r·n + j]} for {@code j < n}: the sum over the leading
   * rows of a row-major matrix (a bias gradient). Rows are added in groups of four as {@code
   * ((a_r + a_{r+1}) + (a_{r+2} + a_{r+3}))}, groups in order and then the remaining rows one by
   * one, starting from 0.0; every implementation keeps this order, so results are bitwise equal.
   */
  default void sumRows(double[] a, int ao, int rows, int n, double[] o, int oo) {
    for (int j = 0; j < n; j++) {
      o[oo + j] = 0.0;
    }
    int r = 0;
    for (; r + 3 < rows; r += 4) {
      int b = ao + r * n;
      for (int j = 0; j < n; j++) {
        o[oo + j] += (a[b + j] + a[b + n + j]) + (a[b + 2 * n + j] + a[b + 3 * n + j]);
      }
    }
    for (; r < rows; r++) {
      addRows(a, ao + r * n, o, oo, 1, n);
    }
  }

  /** The kernels chosen for this JVM (see {@link KernelSelection}). */
  static Kernels get() {
    return KernelSelection.selected();
  }
}
