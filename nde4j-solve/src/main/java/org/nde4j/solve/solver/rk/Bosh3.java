package org.nde4j.solve.solver.rk;

/**
 * Bogacki–Shampine 3(2): four stages, first same as last, third order with an embedded second
 * order estimate; cubic Hermite dense output (free, thanks to FSAL). P. Bogacki, L. F. Shampine,
 * <i>A 3(2) pair of Runge–Kutta formulas</i>, Appl. Math. Lett. 2(4):321–325, 1989. MATLAB's
 * {@code ode23}.
 */
public final class Bosh3 extends AbstractExplicitRk {
  private static final ButcherTableau TABLEAU = ButcherTableau.of(
      new double[] {0, 1.0 / 2, 3.0 / 4, 1},
      new double[][] {{}, {1.0 / 2}, {0, 3.0 / 4}, {2.0 / 9, 1.0 / 3, 4.0 / 9}},
      new double[] {2.0 / 9, 1.0 / 3, 4.0 / 9, 0},
      // b − b̂ with b̂ = (7/24, 1/4, 1/3, 1/8)
      new double[] {2.0 / 9 - 7.0 / 24, 1.0 / 3 - 1.0 / 4, 4.0 / 9 - 1.0 / 3, -1.0 / 8});

  public Bosh3() {
    super("bosh3", TABLEAU, RkInterpolant.hermite(TABLEAU), 3, 2);
  }
}
