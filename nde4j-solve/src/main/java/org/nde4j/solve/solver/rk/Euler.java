package org.nde4j.solve.solver.rk;

/**
 * The explicit Euler method, order 1, one stage, no error estimate (use a constant step size or
 * {@link StepDoubling}); linear dense output.
 */
public final class Euler extends AbstractExplicitRk {
  private static final ButcherTableau TABLEAU =
      ButcherTableau.of(new double[] {0}, new double[][] {{}}, new double[] {1});

  public Euler() {
    super("euler", TABLEAU, new RkInterpolant(1, new double[0], new double[0][],
        new double[][] {{1}}), 1, 0);
  }
}
