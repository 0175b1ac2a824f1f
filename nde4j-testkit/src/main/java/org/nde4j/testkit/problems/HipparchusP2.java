package org.nde4j.testkit.problems;

import java.util.Optional;

/**
 * Hipparchus test problem 2: a scalar linear equation with a time-dependent coefficient.
 *
 * <pre>
 *   y' = t³ − t y,   y(0) = 0,   0 ≤ t ≤ 1;   y = t² + 2(e^{−t²/2} − 1)
 * </pre>
 *
 * <p>Hipparchus, {@code hipparchus-ode/src/test/java/org/hipparchus/ode/TestProblem2.java}
 * (inherited from Apache Commons Math). The closed form is evaluated as
 * {@code 2(e^{−u} − 1 + u)}, {@code u = t²/2}, by its alternating series for {@code u < 1/2} and
 * with {@link Math#expm1} otherwise, so it keeps full relative accuracy near t = 0 where
 * {@code y ≈ t⁴/4}.
 */
public final class HipparchusP2 implements OdeProblem {
  @Override public String name() {
    return "hipparchus-p2";
  }

  @Override public String citation() {
    return "Hipparchus hipparchus-ode TestProblem2 (y' = t^3 - t y)";
  }

  @Override public int dim() {
    return 1;
  }

  @Override public double t0() {
    return 0;
  }

  @Override public double t1() {
    return 1;
  }

  @Override public double[] y0() {
    return new double[] {0};
  }

  @Override public void rhs(double t, double[] y, double[] dy) {
    dy[0] = t * (t * t - y[0]);
  }

  @Override public Optional<double[]> exact(double t) {
    return Optional.of(new double[] {solution(t)});
  }

  @Override public double[] reference() {
    return new double[] {solution(1)};
  }

  private static double solution(double t) {
    double u = 0.5 * t * t;
    if (u >= 0.5) {
      return 2 * (Math.expm1(-u) + u);
    }
    // e^{−u} − 1 + u = Σ_{k≥2} (−u)^k / k!, summed from the small end
    double[] terms = new double[24];
    double term = 1;
    int n = 0;
    for (int k = 1; k < terms.length; k++) {
      term *= -u / k;
      if (k >= 2) {
        terms[n++] = term;
      }
    }
    double s = 0;
    for (int i = n - 1; i >= 0; i--) {
      s += terms[i];
    }
    return 2 * s;
  }
}
