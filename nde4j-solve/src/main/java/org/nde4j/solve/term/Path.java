package org.nde4j.solve.term;

/**
 * A control path {@code X : [t0, t1] → R^d}: an interpolated data series (for neural CDEs), a
 * Brownian motion (for SDEs), or any user function. All methods write into {@code out} (length
 * {@link #dim()}) and must not allocate.
 */
public interface Path {
  /** Number of channels {@code d}. */
  int dim();

  /** First time the path is defined at. */
  double t0();

  /** Last time the path is defined at. */
  double t1();

  /** {@code out = X(t)}. */
  void evaluate(double t, double[] out);

  /** {@code out = X(tb) − X(ta)}; the default evaluates twice. */
  default void increment(double ta, double tb, double[] out, double[] scratch) {
    evaluate(tb, out);
    evaluate(ta, scratch);
    for (int i = 0; i < out.length; i++) {
      out[i] -= scratch[i];
    }
  }

  /**
   * {@code out = dX/dt(t)}. Where the path is only piecewise smooth, the derivative from the right
   * (from the left at {@link #t1()}).
   */
  void derivative(double t, double[] out);
}
