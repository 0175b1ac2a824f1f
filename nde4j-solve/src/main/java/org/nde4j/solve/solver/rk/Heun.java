package org.nde4j.solve.solver.rk;

/**
 * Heun's method (explicit trapezoidal rule), order 2, with Euler embedded for an error estimate of
 * order 1; cubic Hermite dense output. Heun, <i>Neue Methoden zur approximativen Integration der
 * Differentialgleichungen einer unabhängigen Veränderlichen</i>, Z. Math. Phys. 45:23–38, 1900.
 */
public final class Heun extends AbstractExplicitRk {
  private static final ButcherTableau TABLEAU = ButcherTableau.of(new double[] {0, 1},
      new double[][] {{}, {1}}, new double[] {0.5, 0.5}, new double[] {-0.5, 0.5});

  public Heun() {
    super("heun", TABLEAU, RkInterpolant.hermite(TABLEAU), 2, 1);
  }
}
