package org.nde4j.testkit.problems;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * The Lorenz system with the classical parameters, on a short horizon.
 *
 * <pre>
 *   y1' = σ (y2 − y1)
 *   y2' = y1 (ρ − y3) − y2
 *   y3' = y1 y2 − β y3,      σ = 10, ρ = 28, β = 8/3,   y(0) = (1, 1, 1)
 * </pre>
 *
 * <p>E. N. Lorenz, <i>Deterministic nonperiodic flow</i>, J. Atmos. Sci. 20(2):130–141, 1963. The
 * flow is chaotic (largest Lyapunov exponent ≈ 0.9), so errors grow roughly like {@code e^{0.9 t}}:
 * references are stored only for {@code t1 ∈ {1, 2, 5}} and a solver should be scored on these
 * short horizons. No closed form, no invariant.
 *
 * <p><b>Reference provenance.</b> {@link TaylorIntegrator} in {@link BigDecimal} with 60 working
 * digits, series order 40, fixed steps of 1/200 (chained 0 → 1 → 2 → 5) against steps of 1/400:
 * the two runs agree to 57 significant digits or better in every component at every stored time
 * (about a minute in all). Each stored value is the double nearest the 60-digit result, printed
 * with 17 significant digits. The reference is for the problem exactly as {@link #rhs} codes it, β
 * the double nearest 8/3; with β = 8/3 exactly the solution differs by up to 3e−16 relative at
 * {@code t = 5} (it agrees to 15.6 digits), enough to change the last stored digit. Regenerate with
 * {@link ReferenceGenerator}.
 */
public final class Lorenz implements OdeProblem {
  private static final double SIGMA = 10;
  private static final double RHO = 28;
  static final double BETA = 8.0 / 3.0;

  private static final double[] TIMES = {1, 2, 5};
  private static final double[][] REFERENCES = {
      {-9.3785700109250616e+00, -8.3570337884266461e+00, 2.9362325337363426e+01},
      {-8.1734999322422492e+00, -9.5620236867987973e+00, 2.4620702049679664e+01},
      {-6.5121136994195989e+00, -6.9740427884170746e+00, 2.3924129572103372e+01},
  };

  private final double t1;
  private final double[] reference;

  private Lorenz(double t1, double[] reference) {
    this.t1 = t1;
    this.reference = reference;
  }

  /**
   * The problem on {@code [0, t1]}.
   *
   * @param t1 one of {@link #storedTimes()}: 1, 2 or 5
   * @throws IllegalArgumentException for any other horizon
   */
  public static Lorenz until(double t1) {
    for (int i = 0; i < TIMES.length; i++) {
      if (TIMES[i] == t1) {
        return new Lorenz(t1, REFERENCES[i]);
      }
    }
    throw new IllegalArgumentException("no stored Lorenz reference at t = " + t1
        + " (stored: 1, 2, 5)");
  }

  /** The horizons with a stored reference: {@code {1, 2, 5}}. */
  public static double[] storedTimes() {
    return TIMES.clone();
  }

  @Override public String name() {
    return "lorenz-t" + (int) t1;
  }

  @Override public String citation() {
    return "E. N. Lorenz, Deterministic nonperiodic flow, J. Atmos. Sci. 20(2):130-141, 1963";
  }

  @Override public int dim() {
    return 3;
  }

  @Override public double t0() {
    return 0;
  }

  @Override public double t1() {
    return t1;
  }

  @Override public double[] y0() {
    return new double[] {1, 1, 1};
  }

  @Override public void rhs(double t, double[] y, double[] dy) {
    dy[0] = SIGMA * (y[1] - y[0]);
    dy[1] = y[0] * (RHO - y[2]) - y[1];
    dy[2] = y[0] * y[1] - BETA * y[2];
  }

  @Override public Optional<double[]> exact(double t) {
    return Optional.empty();
  }

  @Override public double[] reference() {
    return reference.clone();
  }

  /** The vector field in Taylor-coefficient form with the given β. */
  static TaylorSystem taylorSystem(BigDecimal beta) {
    return new TaylorSystem() {
      @Override public int dim() {
        return 3;
      }

      @Override public void coefficient(int k, BigDecimal t, BigDecimal[][] y, BigDecimal[][] aux,
          BigDecimal[] f, MathContext mc) {
        BigDecimal sigma = BigDecimal.TEN;
        BigDecimal rho = BigDecimal.valueOf(28);
        f[0] = sigma.multiply(y[1][k].subtract(y[0][k], mc), mc);
        f[1] = rho.multiply(y[0][k], mc).subtract(TaylorSystem.cauchy(y[0], y[2], k, mc), mc)
            .subtract(y[1][k], mc);
        f[2] = TaylorSystem.cauchy(y[0], y[1], k, mc).subtract(beta.multiply(y[2][k], mc), mc);
      }
    };
  }
}
