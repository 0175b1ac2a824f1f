package org.nde4j.solve.solver.sde;

import java.util.EnumSet;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.term.NoiseType;
import org.nde4j.solve.term.SdeTerm;
import org.nde4j.solve.term.SdeType;

/**
 * SRIW1, the stochastic Runge–Kutta method of A. Rößler, <i>Runge–Kutta methods for the strong
 * approximation of solutions of stochastic differential equations</i>, SIAM J. Numer. Anal.
 * 48(3):922–952, 2010 (doi:10.1137/09076636X): the member of its strong-order-1.5 SRI family that
 * also has weak order 2 (named SRIW1 in StochasticDiffEq.jl), in the form of {@link SriTableau},
 * for Itô SDEs with scalar or diagonal noise (and additive noise, where Itô and Stratonovich
 * coincide): strong order 1.5 and weak order 2. Four stages; two drift and four diffusion
 * evaluations per step. It needs the space-time Lévy area, from which the iterated integral
 * {@code I_(1,0)} is exact ({@code SriStepper}); no error estimate (wrap it in {@link
 * SdeStepDoubling} to step adaptively).
 *
 * <p>Published coefficients (as also tabulated by StochasticDiffEq.jl): {@code c0 = (0, ¾, 0,
 * 0)}, {@code c1 = (0, ¼, 1, ¼)}, {@code A0_21 = ¾}, {@code B0_21 = 3/2}, {@code A1_21 = ¼},
 * {@code A1_31 = 1}, {@code A1_43 = ¼}, {@code B1 = (½; −1; −5, 3, ½)}, {@code α = (⅓, ⅔, 0,
 * 0)}, {@code β1 = (−1, 4/3, 2/3, 0)}, {@code β2 = (−1, 4/3, −1/3, 0)}, {@code β3 = (2, −4/3,
 * −2/3, 0)}, {@code β4 = (−2, 5/3, −2/3, 1)}. Stage 3's drift is evaluated at {@code (t, y0)}
 * (its {@code c0}, {@code A0} and {@code B0} rows are zero), i.e. it equals stage 1's, so
 * {@code A1_43} is applied to stage 1's drift and stage 3's drift is never evaluated.
 *
 * <p>Refused: Stratonovich SDEs with non-additive noise (convert with {@code toIto()}), general
 * noise with more than one channel (its mixed iterated integrals {@code I_(j,k)} are not
 * available).
 */
public final class Sriw1 extends AbstractSdeSolver {
  private static final SriTableau TABLEAU = new SriTableau(
      new double[] {0, 0.75, 0, 0},
      new double[] {0, 0.25, 1, 0.25},
      new double[][] {{}, {0.75}, {0, 0}, {0, 0, 0}},
      new double[][] {{}, {0.25}, {1, 0}, {0.25, 0, 0}},
      new double[][] {{}, {1.5}, {0, 0}, {0, 0, 0}},
      new double[][] {{}, {0.5}, {-1, 0}, {-5, 3, 0.5}},
      new double[] {1.0 / 3, 2.0 / 3, 0, 0},
      new double[] {-1, 4.0 / 3, 2.0 / 3, 0},
      new double[] {-1, 4.0 / 3, -1.0 / 3, 0},
      new double[] {2, -4.0 / 3, -2.0 / 3, 0},
      new double[] {-2, 5.0 / 3, -2.0 / 3, 1});

  public Sriw1() {
    super("sriw1", EnumSet.of(SdeType.ITO), LevyArea.SPACE_TIME,
        new NoiseOrders(Double.NaN, 1.5, 1.5), new NoiseOrders(Double.NaN, 2, 2), 0);
  }

  @Override
  protected String extraRefusal(SdeTerm term) {
    if (term.noise() == NoiseType.GENERAL && term.noiseDim() > 1) {
      return "it handles scalar, diagonal and additive noise only (general noise with "
          + term.noiseDim() + " channels needs the mixed iterated integrals I_(j,k))";
    }
    return null;
  }

  @Override
  protected Stepper newStepper(SdeTerm term) {
    return new SriStepper(term, TABLEAU);
  }
}
