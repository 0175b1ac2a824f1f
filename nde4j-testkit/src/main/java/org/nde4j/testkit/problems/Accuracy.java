package org.nde4j.testkit.problems;

/**
 * Accuracy scores of a computed solution against a reference, as the Bari test set for IVP solvers
 * reports them (F. Mazzia, C. Magherini, <i>Test Set for Initial Value Problem Solvers</i>, release
 * 2.4, University of Bari, 2008; the same formulae as R's {@code deTestSet}).
 *
 * <p>{@code scd} (significant correct digits) {@code = −log10 max_i |y_i − r_i| / |r_i|}; {@code
 * mescd} (mixed-error scd) {@code = −log10 max_i |y_i − r_i| / (atol/rtol + |r_i|)}, which stays
 * finite and meaningful when a reference component is (nearly) zero. Higher is better; a perfect
 * match scores {@code +∞}.
 */
public final class Accuracy {
  private Accuracy() {}

  /**
   * Significant correct digits, {@code −log10 max_i |y_i − ref_i| / |ref_i|}. A component whose
   * reference is exactly 0 and whose value is not gives {@code −∞}: use {@link #mescd} then.
   *
   * @throws IllegalArgumentException if the lengths differ or are 0
   */
  public static double scd(double[] y, double[] ref) {
    check(y, ref);
    double worst = 0;
    for (int i = 0; i < y.length; i++) {
      double e = Math.abs(y[i] - ref[i]);
      if (e != 0) {
        worst = Math.max(worst, e / Math.abs(ref[i]));
      }
    }
    return -Math.log10(worst);
  }

  /**
   * Mixed-error significant correct digits, {@code −log10 max_i |y_i − ref_i| / (atol/rtol +
   * |ref_i|)}, for a solution computed at relative tolerance {@code rtol} and absolute tolerance
   * {@code atol}.
   *
   * @throws IllegalArgumentException if the lengths differ or are 0, or a tolerance is not positive
   */
  public static double mescd(double[] y, double[] ref, double rtol, double atol) {
    check(y, ref);
    if (!(rtol > 0) || !(atol > 0)) {
      throw new IllegalArgumentException("mescd: tolerances must be positive, got rtol " + rtol
          + ", atol " + atol);
    }
    double floor = atol / rtol;
    double worst = 0;
    for (int i = 0; i < y.length; i++) {
      worst = Math.max(worst, Math.abs(y[i] - ref[i]) / (floor + Math.abs(ref[i])));
    }
    return -Math.log10(worst);
  }

  private static void check(double[] y, double[] ref) {
    if (y.length != ref.length || y.length == 0) {
      throw new IllegalArgumentException("lengths " + y.length + " (solution) and " + ref.length
          + " (reference); both must be equal and non-zero");
    }
  }
}
