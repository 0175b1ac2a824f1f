package org.nde4j.solve.solver.sde;

import java.util.EnumSet;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.term.SdeTerm;
import org.nde4j.solve.term.SdeType;

/**
 * SRA1, the additive-noise stochastic Runge–Kutta method of A. Rößler, <i>Runge–Kutta methods for
 * the strong approximation of solutions of stochastic differential equations</i>, SIAM J. Numer.
 * Anal. 48(3):922–952, 2010 (doi:10.1137/09076636X), in the tableau form of
 * {@link AdditiveTableau} (coefficients as tabulated in Diffrax). Additive noise only (Itô and
 * Stratonovich coincide there); needs the space-time Lévy area. Strong order 1.5, weak order 2. Two drift evaluations per step;
 * the embedded estimate (weights {@code (−2/3, 2/3)}) is the difference to the Euler drift.
 */
public final class Sra1 extends AbstractSdeSolver implements AdditiveRungeKutta {
  private static final AdditiveTableau TABLEAU = new AdditiveTableau(new double[] {0, 0.75}, new double[][] {{}, {0.75}},
      new double[] {0, 0.75}, new double[] {0, 1.5}, new double[] {1.0 / 3, 2.0 / 3}, 1, 0,
      new double[] {-2.0 / 3, 2.0 / 3});

  public Sra1() {
    super("sra1", EnumSet.allOf(SdeType.class), LevyArea.SPACE_TIME,
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
