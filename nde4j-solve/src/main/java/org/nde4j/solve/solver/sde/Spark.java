package org.nde4j.solve.solver.sde;

import java.util.EnumSet;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.term.SdeTerm;
import org.nde4j.solve.term.SdeType;

/**
 * SPaRK, the splitting path Runge–Kutta method (J. Foster, <i>On the convergence of adaptive
 * approximations for stochastic differential equations</i>, arXiv:2311.14201, 2023, Definition
 * 1.6), with the coefficients as tabulated in Diffrax: three stages at {@code c = (0, ½, 1)}
 * using the increment {@code W} and the space-time Lévy area {@code H}, with {@code x1 = (3 −
 * √3)/6}, {@code x2 = √3/3}. Stratonovich; strong order 0.5 / 1.0 / 1.5 for general / commutative
 * / additive noise, weak order 1 / 1 / 2. Its embedded estimate (weights {@code b − (½, 0, ½)}
 * for the drift and increment, the Lévy-area weights unchanged) makes it the SDE method meant for
 * adaptive stepping; three drift and three diffusion evaluations per step.
 */
public final class Spark extends AbstractSdeSolver
    implements StochasticRungeKutta {
  private static final double X1 = (3 - Math.sqrt(3)) / 6;
  private static final double X2 = Math.sqrt(3) / 3;
  private static final SrkTableau TABLEAU = new SrkTableau(new double[] {0, 0.5, 1},
      new double[][] {{}, {0.5}, {0, 1}},
      new double[][] {{}, {0.5}, {0, 1}},
      new double[][] {{}, {Math.sqrt(3)}, {0, 0}},
      new double[] {X1, X2, X1}, new double[] {X1, X2, X1}, new double[] {1, 0, -1},
      new double[] {X1 - 0.5, X2, X1 - 0.5}, new double[] {X1 - 0.5, X2, X1 - 0.5},
      new double[] {1, 0, -1});

  public Spark() {
    super("spark", EnumSet.of(SdeType.STRATONOVICH), LevyArea.SPACE_TIME,
        new NoiseOrders(0.5, 1.0, 1.5), new NoiseOrders(1, 1, 2), 1);
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
