package org.nde4j.solve.solver.sde;

import java.util.EnumSet;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.term.SdeTerm;
import org.nde4j.solve.term.SdeType;

/**
 * Heun's method for Stratonovich SDEs (the stochastic trapezoidal rule; Rümelin, <i>Numerical
 * treatment of stochastic differential equations</i>, SIAM J. Numer. Anal. 19(3), 1982):
 * {@code ỹ = y0 + h f0 + G0 W}, {@code y1 = y0 + ½ h (f0 + f(t + h, ỹ)) + ½ (G0 + g(t + h, ỹ)) W}.
 * Strong order 1 with commutative noise, 0.5 otherwise; weak order 1. Two drift and two diffusion
 * evaluations per step. Error estimate: {@code y1 − ỹ}, the difference to the Euler predictor
 * (Diffrax's {@code Heun}), so it runs adaptively.
 */
public final class StochasticHeun extends AbstractSdeSolver
    implements StochasticRungeKutta {
  private static final SrkTableau TABLEAU = new SrkTableau(new double[] {0, 1},
      new double[][] {{}, {1}}, new double[][] {{}, {1}}, null, new double[] {0.5, 0.5},
      new double[] {0.5, 0.5}, null, new double[] {-0.5, 0.5}, new double[] {-0.5, 0.5}, null);

  public StochasticHeun() {
    super("stochastic_heun", EnumSet.of(SdeType.STRATONOVICH), LevyArea.NONE,
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
