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

  /** The kernels chosen for this JVM (see {@link KernelSelection}). */
  static Kernels get() {
    return KernelSelection.selected();
  }
}
