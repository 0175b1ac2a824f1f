package org.nde4j.solve.stepsize;

/** Validation of tolerance pairs, shared by norms and controllers. */
final class Tolerances {
  private Tolerances() {}

  static void check(double rtol, double atol) {
    if (!(rtol >= 0) || !(atol >= 0) || Double.isInfinite(rtol) || Double.isInfinite(atol)
        || rtol + atol == 0) {
      throw new IllegalArgumentException("tolerances: rtol and atol must be finite, ≥ 0 and not"
          + " both 0, got rtol=" + rtol + ", atol=" + atol);
    }
  }
}
