package org.nde4j.solve.solver.sde;

import java.util.EnumSet;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.term.SdeTerm;
import org.nde4j.solve.term.SdeType;

/**
 * The reversible Heun method for Stratonovich SDEs of Kidger, Foster, Li, Lyons, <i>Efficient
 * and Accurate Gradients for Neural SDEs</i>, NeurIPS 2021 (arXiv:2105.13493), Algorithm 1 — the
 * stochastic form of {@link org.nde4j.solve.solver.reversible.ReversibleHeun}. The state is the
 * pair {@code (y, ŷ)} with {@code ŷ0 = y0}; with {@code W} the step's increment,
 *
 * <pre>
 *   ŷ1 = 2 y0 − ŷ0 + h f(t0, ŷ0) + g(t0, ŷ0) W
 *   y1 = y0 + ½ h (f(t0, ŷ0) + f(t1, ŷ1)) + ½ (g(t0, ŷ0) + g(t1, ŷ1)) W
 * </pre>
 *
 * <p>and {@code f, g} at {@code ŷ1} are carried to the next step: one drift and one diffusion
 * evaluation per step. The step is inverted in closed form from its end ({@link
 * ReversibleHeunSdeStepper#backwardStep}), querying the same Brownian increment. Strong order 1
 * with commutative noise (0.5 otherwise), weak order 1; order 2 on ODEs. Error estimate (order 1):
 * the difference to the Euler–Maruyama step from the same evaluations, {@code ½ h (f1 − f0) + ½
 * (g1 − g0) W}. Not for stiff or strongly dissipative problems (the ODE form's stability remarks
 * apply).
 */
public final class StochasticReversibleHeun extends AbstractSdeSolver {
  public StochasticReversibleHeun() {
    super("stochastic_reversible_heun", EnumSet.of(SdeType.STRATONOVICH), LevyArea.NONE,
        new NoiseOrders(0.5, 1.0, 1.0), new NoiseOrders(1, 1, 1), 1);
  }

  @Override
  protected ReversibleHeunSdeStepper newStepper(SdeTerm term) {
    return new ReversibleHeunSdeStepper(term);
  }
}
