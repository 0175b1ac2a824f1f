package org.nde4j.random;

/**
 * sin and cos on [-π/4, π/4] by the kernel polynomials of fdlibm ({@code k_sin.c}, {@code
 * k_cos.c}, Sun Microsystems 1993; the same minimax coefficients), within 1 ulp of
 * {@code StrictMath}. The cosine is {@code 1 - (x²/2 - x² r)} on the whole range: fdlibm's
 * extra term for {@code |x| >= 0.3}, which makes {@code 1 - x²/2} exact, is left out, since one
 * path without selections is faster lane by lane and the result stays within 1 ulp. Plain
 * IEEE arithmetic only, so results are identical on every JVM and in every execution mode, and
 * nothing is allocated ({@code StrictMath.sin} on recent JDKs allocates a scratch array per call
 * unless escape analysis removes it).
 */
final class QuarterTrig {
  static final double S1 = -1.66666666666666324348e-01;
  static final double S2 = 8.33333333332248946124e-03;
  static final double S3 = -1.98412698298579493134e-04;
  static final double S4 = 2.75573137070700676789e-06;
  static final double S5 = -2.50507602534068634195e-08;
  static final double S6 = 1.58969099521155010221e-10;
  static final double C1 = 4.16666666666666019037e-02;
  static final double C2 = -1.38888888888741095749e-03;
  static final double C3 = 2.48015872894767294178e-05;
  static final double C4 = -2.75573143513906633035e-07;
  static final double C5 = 2.08757232129817482790e-09;
  static final double C6 = -1.13596475577881948265e-11;

  private QuarterTrig() {}

  /** sin x for |x| ≤ π/4. */
  static double sin(double x) {
    double z = x * x;
    double v = z * x;
    double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
    return x + v * (S1 + z * r);
  }

  /** cos x for |x| ≤ π/4. */
  static double cos(double x) {
    double z = x * x;
    double r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
    return 1.0 - (0.5 * z - z * r);
  }
}
