package org.nde4j.solve.solver.rk;

/**
 * Dormand–Prince 5(4): seven stages, first same as last, fifth order with a fourth-order embedded
 * estimate, and Shampine's fourth-order continuous extension as in Hairer's {@code dopri5.f}.
 * J. R. Dormand, P. J. Prince, <i>A family of embedded Runge–Kutta formulae</i>, J. Comput. Appl.
 * Math. 6(1):19–26, 1980; L. F. Shampine, <i>Some practical Runge–Kutta formulas</i>, Math. Comp.
 * 46(173):135–150, 1986. MATLAB's {@code ode45}, SciPy's {@code RK45}, Hipparchus's
 * {@code DormandPrince54Integrator}.
 */
public final class Dopri5 extends AbstractExplicitRk {
  private static final double[] B = {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784,
      11.0 / 84, 0};

  private static final ButcherTableau TABLEAU = ButcherTableau.of(
      new double[] {0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1},
      new double[][] {
          {},
          {1.0 / 5},
          {3.0 / 40, 9.0 / 40},
          {44.0 / 45, -56.0 / 15, 32.0 / 9},
          {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
          {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
          java.util.Arrays.copyOf(B, 6)},
      B,
      new double[] {71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525,
          -1.0 / 40});

  /** Hairer's dense-output coefficients {@code d_i} ({@code dopri5.f}, {@code CONTD5}). */
  private static final double[] D = {-12715105075.0 / 11282082432.0, 0,
      87487479700.0 / 32700410799.0, -10690763975.0 / 1880347072.0,
      701980252875.0 / 199316789632.0, -1453857185.0 / 822651844.0, 69997945.0 / 29380423.0};

  public Dopri5() {
    super("dopri5", TABLEAU, denseOutput(), 5, 4);
  }

  /**
   * Hairer's form {@code y0 + θ(Δ + (1−θ)(hk1 − Δ + θ(2Δ − hk1 − hk7 + (1−θ)·hΣd_i k_i)))}, with
   * {@code Δ = hΣb_i k_i}, expanded into weights {@code b_i(θ) = δ_i1 θ + (3b_i − 2δ_i1 − δ_i7 +
   * d_i)θ² + (−2b_i + δ_i1 + δ_i7 − 2d_i)θ³ + d_i θ⁴}.
   */
  private static RkInterpolant denseOutput() {
    double[][] w = new double[7][];
    for (int i = 0; i < 7; i++) {
      double d1 = i == 0 ? 1 : 0;
      double d7 = i == 6 ? 1 : 0;
      w[i] = new double[] {d1, 3 * B[i] - 2 * d1 - d7 + D[i], -2 * B[i] + d1 + d7 - 2 * D[i],
          D[i]};
    }
    return new RkInterpolant(4, new double[0], new double[0][], w);
  }
}
