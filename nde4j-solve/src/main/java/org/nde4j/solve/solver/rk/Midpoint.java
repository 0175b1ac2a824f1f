package org.nde4j.solve.solver.rk;

/**
 * The explicit midpoint method, order 2, with Euler embedded (error order 1); cubic Hermite dense
 * output. Hairer, Nørsett, Wanner, <i>Solving ODEs I</i>, §II.1.
 */
public final class Midpoint extends AbstractExplicitRk {
  private static final ButcherTableau TABLEAU = ButcherTableau.of(new double[] {0, 0.5},
      new double[][] {{}, {0.5}}, new double[] {0, 1}, new double[] {-1, 1});

  public Midpoint() {
    super("midpoint", TABLEAU, RkInterpolant.hermite(TABLEAU), 2, 1);
  }
}
