package org.nde4j.testkit.problems;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * Euler's equations of a free rigid body (angular momentum in body coordinates).
 *
 * <pre>
 *   y1' = I1 y2 y3,   y2' = I2 y1 y3,   y3' = I3 y1 y2,
 *   I = (−2, 1.25, −0.5),   y(0) = (1, 0, 0.9),   0 ≤ t ≤ 20
 * </pre>
 *
 * <p>E. Hairer, S. P. Nørsett, G. Wanner, <i>Solving Ordinary Differential Equations I</i>,
 * 2nd ed., Springer 1993, p. 244; the same parameters as {@code
 * ODEProblemLibrary.prob_ode_rigidbody}. Invariants (since {@code d/dt Σ c_i y_i² = 2 y1 y2 y3 Σ
 * c_i I_i}): {@code 5 y1² + 8 y2²} and {@code y1² − 4 y3²}. The solution is periodic (Jacobi
 * elliptic functions); no closed form is used.
 *
 * <p><b>Reference provenance.</b> {@link TaylorIntegrator} in {@link BigDecimal} with 60 working
 * digits, series order 40, 2000 fixed steps (h = 0.01) against 4000 steps: the runs agree to
 * {@value #AGREEMENT_DIGITS} significant digits or better in every component; each stored value is
 * the double nearest the 60-digit result, printed with 17 significant digits. The reference is for
 * the data exactly as {@link #y0()} returns them (0.9 rounded to double); with the decimal 0.9 the
 * solution at t = 20 differs by about 1e−15 relative (the runs agree to 15 digits). Regenerate with
 * {@link ReferenceGenerator}.
 */
public final class RigidBody implements OdeProblem {
  private static final int AGREEMENT_DIGITS = 57;
  private static final double I1 = -2;
  private static final double I2 = 1.25;
  private static final double I3 = -0.5;
  private static final double[] REFERENCE =
      {6.0620385396481158e-01, 6.2874721045017834e-01, 8.0738514857560251e-01};

  @Override public String name() {
    return "rigid-body";
  }

  @Override public String citation() {
    return "Hairer, Norsett, Wanner, Solving ODEs I, 2nd ed., Springer 1993, p. 244";
  }

  @Override public int dim() {
    return 3;
  }

  @Override public double t0() {
    return 0;
  }

  @Override public double t1() {
    return 20;
  }

  @Override public double[] y0() {
    return new double[] {1, 0, 0.9};
  }

  @Override public void rhs(double t, double[] y, double[] dy) {
    dy[0] = I1 * y[1] * y[2];
    dy[1] = I2 * y[0] * y[2];
    dy[2] = I3 * y[0] * y[1];
  }

  @Override public Optional<double[]> exact(double t) {
    return Optional.empty();
  }

  @Override public double[] reference() {
    return REFERENCE.clone();
  }

  /** {@code (5 y1² + 8 y2², y1² − 4 y3²)}. */
  @Override public double[] invariants(double[] y) {
    return new double[] {5 * y[0] * y[0] + 8 * y[1] * y[1], y[0] * y[0] - 4 * y[2] * y[2]};
  }

  /** The exact decimal initial value (the double data are {@link #y0()}). */
  static BigDecimal[] y0Exact() {
    return new BigDecimal[] {BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("0.9")};
  }

  static TaylorSystem taylorSystem() {
    return new TaylorSystem() {
      @Override public int dim() {
        return 3;
      }

      @Override public void coefficient(int k, BigDecimal t, BigDecimal[][] y, BigDecimal[][] aux,
          BigDecimal[] f, MathContext mc) {
        f[0] = new BigDecimal(I1).multiply(TaylorSystem.cauchy(y[1], y[2], k, mc), mc);
        f[1] = new BigDecimal(I2).multiply(TaylorSystem.cauchy(y[0], y[2], k, mc), mc);
        f[2] = new BigDecimal(I3).multiply(TaylorSystem.cauchy(y[0], y[1], k, mc), mc);
      }
    };
  }
}
