package org.nde4j.testkit.problems;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * The Arenstorf orbit: a periodic solution of the restricted three-body problem (Earth, Moon and a
 * satellite in the rotating frame).
 *
 * <pre>
 *   y1'' = y1 + 2 y2' − μ' (y1 + μ)/D1 − μ (y1 − μ')/D2
 *   y2'' = y2 − 2 y1' − μ' y2/D1 − μ y2/D2
 *   D1 = ((y1 + μ)² + y2²)^{3/2},  D2 = ((y1 − μ')² + y2²)^{3/2},  μ = 0.012277471,  μ' = 1 − μ
 *   state (y1, y2, y1', y2'),  y(0) = (0.994, 0, 0, −2.00158510637908252240537862224),
 *   0 ≤ t ≤ T = 17.0652165601579625588917206249
 * </pre>
 *
 * <p>R. F. Arenstorf, <i>Periodic solutions of the restricted three body problem representing
 * analytic continuations of Keplerian elliptic motions</i>, Amer. J. Math. 85(1):27–35, 1963;
 * E. Hairer, S. P. Nørsett, G. Wanner, <i>Solving Ordinary Differential Equations I</i>, 2nd ed.,
 * Springer 1993, p. 129; the 30-digit constants are those of {@code ODEProblemLibrary}'s
 * {@code prob_ode_threebody}.
 *
 * <p><b>Reference.</b> With the 30-digit data the orbit is periodic, {@code y(T) = y(0)}: started
 * from those decimals (μ included), {@link TaylorIntegrator} returns to {@code y(0)} within
 * 4.6e−27. The data rounded to double (as {@link #y0()} and {@link #t1()} return them) miss the
 * orbit slightly, and the orbit is sensitive (it passes close to the Moon): from the doubles,
 * {@code y(T)} lies 4.9e−11 from {@code y(0)} (max norm, in {@code y1'}). So {@link #reference()}
 * is not {@code y(0)} but {@code y(T)} for the double data (μ and μ' = 1 − μ as the doubles {@link
 * #rhs} uses), computed by {@link TaylorIntegrator} with 60
 * digits, order 30, adaptive steps at local tolerance 1e−40 against 1e−45: the runs agree to 35
 * significant digits; stored as the nearest doubles. {@link #periodicState()} is {@code y(0)}
 * for tests that want the classical periodicity check at a tolerance above 5e−11. Regenerate with
 * {@link ReferenceGenerator}. Invariant: the Jacobi integral
 * {@code (y1'² + y2'²)/2 − (y1² + y2²)/2 − μ'/r1 − μ/r2}.
 */
public final class Arenstorf implements OdeProblem {
  private static final double[] REFERENCE = {9.9399999999990885e-01, -3.0309430229824185e-13,
      -4.9285365810550526e-11, -2.0015851063932701e+00};
  static final String MU = "0.012277471";
  static final String Y2DOT0 = "-2.00158510637908252240537862224";
  static final String PERIOD = "17.0652165601579625588917206249";
  static final double M = Double.parseDouble(MU);
  static final double M1 = 1 - M;

  @Override public String name() {
    return "arenstorf";
  }

  @Override public String citation() {
    return "R. F. Arenstorf, Amer. J. Math. 85(1):27-35, 1963; Hairer, Norsett, Wanner, Solving"
        + " ODEs I, 2nd ed., Springer 1993, p. 129";
  }

  @Override public int dim() {
    return 4;
  }

  @Override public double t0() {
    return 0;
  }

  /** The period T, rounded to double. */
  @Override public double t1() {
    return Double.parseDouble(PERIOD);
  }

  @Override public double[] y0() {
    return new double[] {0.994, 0, 0, Double.parseDouble(Y2DOT0)};
  }

  @Override public void rhs(double t, double[] y, double[] dy) {
    double a = y[0] + M;
    double b = y[0] - M1;
    double r1 = a * a + y[1] * y[1];
    double r2 = b * b + y[1] * y[1];
    double d1 = r1 * Math.sqrt(r1);
    double d2 = r2 * Math.sqrt(r2);
    dy[0] = y[2];
    dy[1] = y[3];
    dy[2] = y[0] + 2 * y[3] - M1 * a / d1 - M * b / d2;
    dy[3] = y[1] - 2 * y[2] - M1 * y[1] / d1 - M * y[1] / d2;
  }

  @Override public Optional<double[]> exact(double t) {
    return Optional.empty();
  }

  /** {@code y(T)} for the double data (see the class comment); within 4.9e−11 of {@code y(0)}. */
  @Override public double[] reference() {
    return REFERENCE.clone();
  }

  /**
   * The state the exact orbit returns to after each period, {@code y(0)}: the classical
   * periodicity reference, trustworthy to about 4.9e−11 for the double data.
   */
  public double[] periodicState() {
    return y0();
  }

  /** The Jacobi integral {@code (y1'² + y2'²)/2 − (y1² + y2²)/2 − μ'/r1 − μ/r2}. */
  @Override public double[] invariants(double[] y) {
    double a = y[0] + M;
    double b = y[0] - M1;
    double r1 = Math.sqrt(a * a + y[1] * y[1]);
    double r2 = Math.sqrt(b * b + y[1] * y[1]);
    return new double[] {0.5 * (y[2] * y[2] + y[3] * y[3]) - 0.5 * (y[0] * y[0] + y[1] * y[1])
        - M1 / r1 - M / r2};
  }

  /**
   * The vector field in Taylor-coefficient form with masses {@code mu}, {@code mu1} (the doubles
   * {@link #rhs} uses, or the decimals). Auxiliary series:
   * {@code s1 = (y1 + μ)² + y2²}, {@code p1 = s1^{−3/2}}, {@code s2}, {@code p2} likewise; powers
   * by {@code k s_0 p_k = Σ_{j<k} (α(k − j) − j) s_{k−j} p_j} with α = −3/2.
   */
  static TaylorSystem taylorSystem(BigDecimal mu, BigDecimal mu1) {
    return new TaylorSystem() {
      @Override public int dim() {
        return 4;
      }

      @Override public int auxiliaries() {
        return 4;
      }

      @Override public void coefficient(int k, BigDecimal t, BigDecimal[][] y, BigDecimal[][] aux,
          BigDecimal[] f, MathContext mc) {
        BigDecimal[] s1 = aux[0];
        BigDecimal[] p1 = aux[1];
        BigDecimal[] s2 = aux[2];
        BigDecimal[] p2 = aux[3];
        BigDecimal yy = TaylorSystem.cauchy(y[1], y[1], k, mc);
        s1[k] = shiftedSquare(y[0], mu, k, mc).add(yy, mc);
        s2[k] = shiftedSquare(y[0], mu1.negate(), k, mc).add(yy, mc);
        p1[k] = power(s1, p1, k, mc);
        p2[k] = power(s2, p2, k, mc);
        BigDecimal xp1 = TaylorSystem.cauchy(y[0], p1, k, mc).add(mu.multiply(p1[k], mc), mc);
        BigDecimal xp2 = TaylorSystem.cauchy(y[0], p2, k, mc).subtract(mu1.multiply(p2[k], mc), mc);
        f[0] = y[2][k];
        f[1] = y[3][k];
        f[2] = y[0][k].add(y[3][k].multiply(BigDecimal.valueOf(2), mc), mc)
            .subtract(mu1.multiply(xp1, mc), mc).subtract(mu.multiply(xp2, mc), mc);
        f[3] = y[1][k].subtract(y[2][k].multiply(BigDecimal.valueOf(2), mc), mc)
            .subtract(mu1.multiply(TaylorSystem.cauchy(y[1], p1, k, mc), mc), mc)
            .subtract(mu.multiply(TaylorSystem.cauchy(y[1], p2, k, mc), mc), mc);
      }

      /** Coefficient k of {@code (x + c)² = x² + 2c x + c²}. */
      private BigDecimal shiftedSquare(BigDecimal[] x, BigDecimal c, int k, MathContext mc) {
        BigDecimal r = TaylorSystem.cauchy(x, x, k, mc)
            .add(c.multiply(x[k], mc).multiply(BigDecimal.valueOf(2), mc), mc);
        return k == 0 ? r.add(c.multiply(c, mc), mc) : r;
      }

      /** Coefficient k of {@code s^{−3/2}} given the lower ones. */
      private BigDecimal power(BigDecimal[] s, BigDecimal[] p, int k, MathContext mc) {
        if (k == 0) {
          return BigDecimal.ONE.divide(s[0].multiply(s[0].sqrt(mc), mc), mc);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int j = 0; j < k; j++) {
          // 2 (α(k − j) − j) = −3(k − j) − 2j with α = −3/2
          long w = -3L * (k - j) - 2L * j;
          sum = sum.add(BigDecimal.valueOf(w).multiply(s[k - j], mc).multiply(p[j], mc), mc);
        }
        return sum.divide(BigDecimal.valueOf(2L * k).multiply(s[0], mc), mc);
      }
    };
  }
}
