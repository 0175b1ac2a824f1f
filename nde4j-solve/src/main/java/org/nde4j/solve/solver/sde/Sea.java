package org.nde4j.solve.solver.sde;

import java.util.EnumSet;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.term.SdeTerm;
import org.nde4j.solve.term.SdeType;

/**
 * SEA, the shifted Euler method for additive noise of J. Foster, G. dos Reis, C. Strange,
 * <i>High order splitting methods for SDEs satisfying a commutativity condition</i>,
 * arXiv:2210.17543, 2023, equation (5.8), in the tableau form of
 * {@link AdditiveTableau} (coefficients as tabulated in Diffrax). Additive noise only (Itô and
 * Stratonovich coincide there); needs the space-time Lévy area. Strong order 1.0, weak order 1. One drift evaluation per step
 * at {@code z = y0 + g0 (½ W + H)}: a better error constant than Euler–Maruyama; no error
 * estimate.
 */
public final class Sea extends AbstractSdeSolver implements AdditiveRungeKutta {
  private static final AdditiveTableau TABLEAU = new AdditiveTableau(new double[] {0}, new double[][] {{}}, new double[] {0.5},
      new double[] {1}, new double[] {1}, 1, 0, null);

  public Sea() {
    super("sea", EnumSet.allOf(SdeType.class), LevyArea.SPACE_TIME,
        new NoiseOrders(Double.NaN, Double.NaN, 1.0),
        new NoiseOrders(Double.NaN, Double.NaN, 1), 0);
  }

  @Override
  public AdditiveTableau tableau() {
    return TABLEAU;
  }

  @Override
  protected Stepper newStepper(SdeTerm term) {
    return new AdditiveSrkStepper(term, TABLEAU);
  }
}
