package org.nde4j.testkit.problems;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Hipparchus test problem 6: a linear equation whose solution is a quintic polynomial, so that
 * methods of order ≥ 5 integrate it exactly up to round-off.
 *
 * <pre>
 *   y' = 3t⁵ − y,   y(0) = −360,   0 ≤ t ≤ 1;
 *   y = 3t⁵ − 15t⁴ + 60t³ − 180t² + 360t − 360
 * </pre>
 *
 * <p>Hipparchus, {@code hipparchus-ode/src/test/java/org/hipparchus/ode/TestProblem6.java}. The
 * closed form is evaluated exactly in {@link BigDecimal} and rounded once (the double Horner form
 * loses digits to cancellation).
 */
public final class HipparchusP6 implements OdeProblem {
  private static final long[] COEFFICIENTS = {-360, 360, -180, 60, -15, 3};

  @Override public String name() {
    return "hipparchus-p6";
  }

  @Override public String citation() {
    return "Hipparchus hipparchus-ode TestProblem6 (y' = 3t^5 - y)";
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
    return new double[] {-360};
  }

  @Override public void rhs(double t, double[] y, double[] dy) {
    double t2 = t * t;
    dy[0] = 3 * t2 * t2 * t - y[0];
  }

  @Override public Optional<double[]> exact(double t) {
    return Optional.of(new double[] {solution(t)});
  }

  @Override public double[] reference() {
    return new double[] {solution(1)};
  }

  private static double solution(double t) {
    BigDecimal x = new BigDecimal(t);
    BigDecimal acc = BigDecimal.valueOf(COEFFICIENTS[5]);
    for (int k = 4; k >= 0; k--) {
      acc = acc.multiply(x).add(BigDecimal.valueOf(COEFFICIENTS[k]));
    }
    return acc.doubleValue();
  }
}
