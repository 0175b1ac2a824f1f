package org.nde4j.solve.solver.sde;

import java.util.EnumSet;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.term.SdeTerm;
import org.nde4j.solve.term.SdeType;

/**
 * The Euler–Maruyama method for Itô SDEs, {@code y1 = y0 + h f(t, y0) + g(t, y0) W} (Maruyama,
 * <i>Continuous Markov processes and stochastic equations</i>, Rend. Circ. Mat. Palermo 4, 1955;
 * Kloeden &amp; Platen, <i>Numerical Solution of SDEs</i>, 1992, §10.2). Strong order 0.5 (1.0
 * with additive noise), weak order 1; one drift and one diffusion evaluation per step; no error
 * estimate (use a constant step size).
 */
public final class EulerMaruyama extends AbstractSdeSolver
    implements StochasticRungeKutta {
  private static final SrkTableau TABLEAU = new SrkTableau(new double[] {0}, new double[][] {{}},
      new double[][] {{}}, null, new double[] {1}, new double[] {1}, null, null, null, null);

  public EulerMaruyama() {
    super("euler_maruyama", EnumSet.of(SdeType.ITO), LevyArea.NONE,
        new NoiseOrders(0.5, 0.5, 1.0), new NoiseOrders(1, 1, 1), 0);
  }

  @Override
  public SrkTableau tableau() {
    return TABLEAU;
  }

  @Override
  protected Stepper newStepper(SdeTerm term) {
    return new SrkStepper(term, TABLEAU);
  }
}
