package org.nde4j.solve.solver.sde;

import java.util.EnumSet;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.term.SdeTerm;
import org.nde4j.solve.term.SdeType;

/**
 * The Euler–Heun method for Stratonovich SDEs: Euler for the drift, Heun's trapezoid for the
 * diffusion, {@code ỹ = y0 + g(t, y0) W}, {@code y1 = y0 + h f(t, y0) + ½ (g(t, y0) + g(t + h, ỹ))
 * W} (Kloeden &amp; Platen 1992, §11.1; Diffrax's {@code EulerHeun}). Strong order 1 with
 * commutative noise (the trapezoid reproduces the Stratonovich–Milstein term {@code ½ Σ L^j g^k
 * W_j W_k}), 0.5 otherwise; weak order 1. One drift and two diffusion evaluations per step; no
 * error estimate.
 */
public final class EulerHeun extends AbstractSdeSolver
    implements StochasticRungeKutta {
  private static final SrkTableau TABLEAU = new SrkTableau(new double[] {0, 1},
      new double[][] {{}, {0}}, new double[][] {{}, {1}}, null, new double[] {1, 0},
      new double[] {0.5, 0.5}, null, null, null, null);

  public EulerHeun() {
    super("euler_heun", EnumSet.of(SdeType.STRATONOVICH), LevyArea.NONE,
        new NoiseOrders(0.5, 1.0, 1.0), new NoiseOrders(1, 1, 1), 0);
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
