package org.nde4j.testkit.problems;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * The two-body problem in the plane with eccentricity 0.9 (Hipparchus test problem 3), in closed
 * form through Kepler's equation.
 *
 * <pre>
 *   x'' = −x / r³,   y'' = −y / r³,   r = √(x² + y²),   state (x, y, x', y'),
 *   x(0) = 1 − e,  y(0) = 0,  x'(0) = 0,  y'(0) = √((1 + e)/(1 − e)),   e = 0.9,   0 ≤ t ≤ 20
 * </pre>
 *
 * <p>E. Hairer, S. P. Nørsett, G. Wanner, <i>Solving Ordinary Differential Equations I</i>,
 * 2nd ed., Springer 1993, §II.10 (Kepler problem); Hipparchus {@code TestProblem3} with e = 0.9.
 * With exact data the orbit has semi-major axis 1 and period 2π; {@link #exact} is the closed form
 * <i>for the double initial values returned by {@link #y0()}</i> (whose {@code y'(0)} is rounded),
 * so solvers are judged against the problem they were actually given: from the state at t = 0 the
 * energy {@code ε = v²/2 − 1/r} gives {@code a = −1/(2ε)}, {@code e' = 1 − r0/a}, {@code n =
 * a^{−3/2}}; then {@code E − e' sin E = n t} is solved by bisection in double and Newton in
 * 50-digit {@link BigDecimal}, and
 * {@code x = a(cos E − e')}, {@code y = a√(1−e'²) sin E},
 * {@code x' = −a n sin E/(1 − e' cos E)}, {@code y' = a n √(1−e'²) cos E/(1 − e' cos E)},
 * each rounded once to double.
 *
 * <p>Invariants: energy {@code (x'² + y'²)/2 − 1/r} and angular momentum {@code x y' − y x'}.
 */
public final class Kepler implements OdeProblem {
  private static final double E = 0.9;
  private static final MathContext MC = new MathContext(50);

  private final double[] y0 = {1 - E, 0, 0, Math.sqrt((1 + E) / (1 - E))};
  private final BigDecimal a;
  private final BigDecimal ecc;
  private final BigDecimal meanMotion;
  private final BigDecimal minorFactor;

  /** The problem with e = 0.9. */
  public Kepler() {
    BigDecimal r0 = new BigDecimal(y0[0]);
    BigDecimal v0 = new BigDecimal(y0[3]);
    BigDecimal energy = v0.multiply(v0, MC).divide(BigDecimal.valueOf(2), MC)
        .subtract(BigDecimal.ONE.divide(r0, MC), MC);
    a = BigDecimal.ONE.divide(energy.multiply(BigDecimal.valueOf(-2), MC), MC);
    ecc = BigDecimal.ONE.subtract(r0.divide(a, MC), MC);
    meanMotion = BigDecimal.ONE.divide(a.pow(3, MC).sqrt(MC), MC);
    minorFactor = BigDecimal.ONE.subtract(ecc.multiply(ecc, MC), MC).sqrt(MC);
  }

  @Override public String name() {
    return "kepler-e0.9";
  }

  @Override public String citation() {
    return "Hairer, Norsett, Wanner, Solving ODEs I, 2nd ed., Springer 1993, sec. II.10;"
        + " Hipparchus TestProblem3 (e = 0.9)";
  }

  @Override public int dim() {
    return 4;
  }

  @Override public double t0() {
    return 0;
  }

  @Override public double t1() {
    return 20;
  }

  @Override public double[] y0() {
    return y0.clone();
  }

  @Override public void rhs(double t, double[] y, double[] dy) {
    double r2 = y[0] * y[0] + y[1] * y[1];
    double invR3 = 1 / (r2 * Math.sqrt(r2));
    dy[0] = y[2];
    dy[1] = y[3];
    dy[2] = -invR3 * y[0];
    dy[3] = -invR3 * y[1];
  }

  @Override public Optional<double[]> exact(double t) {
    BigDecimal m = meanMotion.multiply(new BigDecimal(t), MC);
    BigDecimal anomaly = eccentricAnomaly(m);
    BigDecimal sin = BigMath.sin(anomaly, MC);
    BigDecimal cos = BigMath.cos(anomaly, MC);
    BigDecimal denominator = BigDecimal.ONE.subtract(ecc.multiply(cos, MC), MC);
    BigDecimal an = a.multiply(meanMotion, MC);
    return Optional.of(new double[] {
        a.multiply(cos.subtract(ecc, MC), MC).doubleValue(),
        a.multiply(minorFactor, MC).multiply(sin, MC).doubleValue(),
        an.multiply(sin, MC).divide(denominator, MC).negate().doubleValue(),
        an.multiply(minorFactor, MC).multiply(cos, MC).divide(denominator, MC).doubleValue()});
  }

  /** Solves {@code E − e' sin E = M}: bisection in double on {@code [M − 1, M + 1]}, Newton. */
  private BigDecimal eccentricAnomaly(BigDecimal m) {
    double md = m.doubleValue();
    double e = ecc.doubleValue();
    double lo = md - 1;
    double hi = md + 1;
    for (int i = 0; i < 200 && lo < hi; i++) {
      double mid = 0.5 * (lo + hi);
      if (mid == lo || mid == hi) {
        break;
      }
      if (mid - e * Math.sin(mid) < md) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    BigDecimal anomaly = new BigDecimal(0.5 * (lo + hi));
    BigDecimal eps = BigDecimal.ONE.movePointLeft(MC.getPrecision() - 3);
    for (int i = 0; i < 20; i++) {
      BigDecimal residual = anomaly.subtract(ecc.multiply(BigMath.sin(anomaly, MC), MC), MC)
          .subtract(m, MC);
      BigDecimal slope = BigDecimal.ONE.subtract(ecc.multiply(BigMath.cos(anomaly, MC), MC), MC);
      BigDecimal step = residual.divide(slope, MC);
      anomaly = anomaly.subtract(step, MC);
      if (step.abs().compareTo(eps) < 0) {
        break;
      }
    }
    return anomaly;
  }

  @Override public double[] reference() {
    return exact(20).orElseThrow();
  }

  /** {@code (energy (x'² + y'²)/2 − 1/r, angular momentum x y' − y x')}. */
  @Override public double[] invariants(double[] y) {
    double r = Math.sqrt(y[0] * y[0] + y[1] * y[1]);
    return new double[] {
        0.5 * (y[2] * y[2] + y[3] * y[3]) - 1 / r, y[0] * y[3] - y[1] * y[2]};
  }
}
