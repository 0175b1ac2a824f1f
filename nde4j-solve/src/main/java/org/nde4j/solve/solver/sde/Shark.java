package org.nde4j.solve.solver.sde;

import java.util.EnumSet;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.term.SdeTerm;
import org.nde4j.solve.term.SdeType;

/**
 * ShARK, the shifted additive-noise Runge–Kutta method of J. Foster, G. dos Reis, C. Strange,
 * <i>High order splitting methods for SDEs satisfying a commutativity condition</i>,
 * arXiv:2210.17543, 2023, equation (6.1), in the tableau form of
 * {@link AdditiveTableau} (coefficients as tabulated in Diffrax). Additive noise only (Itô and
 * Stratonovich coincide there); needs the space-time Lévy area. Strong order 1.5, weak order 2. The first stage is shifted by
 * the Lévy area ({@code z_1 = y0 + g0 H}), which gives a smaller error constant than SRA1 for the
 * same two drift evaluations; the embedded estimate has weights {@code (−0.6, 0.6)}.
 */
public final class Shark extends AbstractSdeSolver implements AdditiveRungeKutta {
  private static final AdditiveTableau TABLEAU = new AdditiveTableau(new double[] {0, 5.0 / 6}, new double[][] {{}, {5.0 / 6}},
      new double[] {0, 5.0 / 6}, new double[] {1, 1}, new double[] {0.4, 0.6}, 1, 0,
      new double[] {-0.6, 0.6});

  public Shark() {
    super("shark", EnumSet.allOf(SdeType.class), LevyArea.SPACE_TIME,
        new NoiseOrders(Double.NaN, Double.NaN, 1.5),
        new NoiseOrders(Double.NaN, Double.NaN, 2), 1);
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
