package org.nde4j.solve.solver.rk;

/**
 * Ralston's second-order method (minimal truncation-error bound among two-stage methods), with
 * Euler embedded (error order 1); cubic Hermite dense output. A. Ralston, <i>Runge–Kutta methods
 * with minimum error bounds</i>, Math. Comp. 16(80):431–437, 1962.
 */
public final class Ralston extends AbstractExplicitRk {
  private static final ButcherTableau TABLEAU = ButcherTableau.of(new double[] {0, 2.0 / 3},
      new double[][] {{}, {2.0 / 3}}, new double[] {0.25, 0.75}, new double[] {-0.75, 0.75});

  public Ralston() {
    super("ralston", TABLEAU, RkInterpolant.hermite(TABLEAU), 2, 1);
  }
}
