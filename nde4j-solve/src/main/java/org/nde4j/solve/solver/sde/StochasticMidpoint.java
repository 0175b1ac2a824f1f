package org.nde4j.solve.solver.sde;

import java.util.EnumSet;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.term.SdeTerm;
import org.nde4j.solve.term.SdeType;

/**
 * The explicit midpoint method for Stratonovich SDEs: {@code ỹ = y0 + ½ h f0 + ½ G0 W}, {@code y1
 * = y0 + h f(t + h/2, ỹ) + g(t + h/2, ỹ) W} (Burrage &amp; Burrage, <i>High strong order explicit
 * Runge–Kutta methods for stochastic ordinary differential equations</i>, Appl. Numer. Math. 22,
 * 1996; Diffrax's {@code Midpoint}). Strong order 1 with commutative noise, 0.5 otherwise; weak
 * order 1. Error estimate: the difference to the Euler step from the same stages.
 */
public final class StochasticMidpoint extends AbstractSdeSolver
    implements StochasticRungeKutta {
  private static final SrkTableau TABLEAU = new SrkTableau(new double[] {0, 0.5},
      new double[][] {{}, {0.5}}, new double[][] {{}, {0.5}}, null, new double[] {0, 1},
      new double[] {0, 1}, null, new double[] {-1, 1}, new double[] {-1, 1}, null);

  public StochasticMidpoint() {
    super("stochastic_midpoint", EnumSet.of(SdeType.STRATONOVICH), LevyArea.NONE,
        new NoiseOrders(0.5, 1.0, 1.0), new NoiseOrders(1, 1, 1), 1);
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
