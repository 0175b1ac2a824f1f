package org.nde4j.solve.solver.rk;

/**
 * The classical fourth-order Runge–Kutta method (Kutta, Z. Math. Phys. 46:435–453, 1901), four
 * stages, no error estimate (constant steps, or {@link StepDoubling}); cubic Hermite dense output
 * (one extra evaluation per step when dense output is used).
 */
public final class Rk4 extends AbstractExplicitRk {
  private static final ButcherTableau TABLEAU = ButcherTableau.of(
      new double[] {0, 0.5, 0.5, 1},
      new double[][] {{}, {0.5}, {0, 0.5}, {0, 0, 1}},
      new double[] {1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6});

  public Rk4() {
    super("rk4", TABLEAU, RkInterpolant.hermite(TABLEAU), 4, 0);
  }
}
