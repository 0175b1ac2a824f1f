package org.nde4j.solve.adjoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nde4j.random.Key;
import org.nde4j.solve.brownian.BrownianGrid;
import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.solve.brownian.VirtualBrownianTree;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.solver.sde.EulerHeun;
import org.nde4j.solve.solver.sde.EulerMaruyama;
import org.nde4j.solve.solver.sde.ItoMilstein;
import org.nde4j.solve.solver.sde.SdeSolver;
import org.nde4j.solve.solver.sde.Sra1;
import org.nde4j.solve.solver.sde.StochasticHeun;
import org.nde4j.solve.solver.sde.StochasticMidpoint;
import org.nde4j.solve.solver.sde.StochasticReversibleHeun;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.DifferentiableSdeTerm;
import org.nde4j.solve.term.NoiseType;
import org.nde4j.solve.term.SdeType;

/**
 * The stochastic backsolve adjoint ({@code Adjoint.backsolve()} on an SDE solve; Li, Wong, Chen,
 * Duvenaud, AISTATS 2020) on fixed Brownian paths: its gradients converge at order 1 in the step
 * to the closed-form pathwise gradients of GBM (Stratonovich, and Itô through its Stratonovich
 * form) and to the discrete adjoint of a fine forward solve of a neural SDE with commutative noise
 * (four backward solvers), and approach central finite differences of the forward solve at the
 * same step; adaptive backward solves converge with the tolerance; the states it holds do not grow
 * with the number of steps; unsupported problems are refused before solving.
 */
class SdeBacksolveAdjointTest {
  private static final int[] STEPS = {16, 32, 64, 128, 256, 512};
  private static final int PATHS = 4;

  private static BrownianMotion path(int key, int dim) {
    return VirtualBrownianTree.of(Key.of(key), 0, 1, dim, 1.0 / (1 << 14));
  }

  private static double[] cotangent(int n) {
    double[] c = new double[n];
    for (int i = 0; i < c.length; i++) {
      c[i] = 0.4 + 0.3 * Math.cos(i);
    }
    return c;
  }

  /** {@code [∂L/∂y0, ∂L/∂θ]} of {@code L = c · y(1)} after {@code steps} constant steps. */
  private static double[] gradient(DifferentiableSdeTerm term, BrownianMotion bm,
      SdeSolver solver, Adjoint adjoint, int steps, double[] y0, double[] theta) {
    Recording r = GradientSolve.of(term, bm, solver, 0, 1, y0, theta).dt0(1.0 / steps)
        .controller(ConstantStepSize.create()).adjoint(adjoint).forward();
    Gradients g = r.backward(new double[][] {cotangent(y0.length)});
    return concat(g.y0(), g.theta());
  }

  private static double[] concat(double[] a, double[] b) {
    double[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  /** {@code |a − b|₂ / |b|₂}. */
  private static double relative(double[] a, double[] b) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < b.length; i++) {
      num += (a[i] - b[i]) * (a[i] - b[i]);
      den += b[i] * b[i];
    }
    return Math.sqrt(num / den);
  }

  /** The least-squares slope of {@code log2 err} against {@code −log2 steps}. */
  private static double order(double[] err) {
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int k = err.length;
    for (int i = 0; i < k; i++) {
      double x = -Math.log(STEPS[i]) / Math.log(2);
      double y = Math.log(err[i]) / Math.log(2);
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    return (k * sxy - sx * sy) / (k * sxx - sx * sx);
  }

  /**
   * GBM {@code dy = μ y dt + σ y dW} on two states ({@code a = 0}): {@code y(1) = y0 exp(μ − κσ²/2 +
   * σ W(1))} with {@code κ = 1} (Itô) or 0 (Stratonovich), so {@code ∂y/∂y0 = y(1)/y0}, {@code
   * ∂y/∂μ = y(1)}, {@code ∂y/∂σ = (W(1) − κσ) y(1)}; returns the mean relative error of the
   * backsolve gradients in {@code (y0, μ, σ)} per number of steps.
   */
  private static double[] gbmErrors(SdeType type, SdeSolver forward) {
    DifferentiableSdeTerm gbm = SdeGradFields.gbm(type, NoiseType.DIAGONAL);
    double[] theta = {0.3, 0.0, 0.5};
    double kappa = type == SdeType.ITO ? 1 : 0;
    double[] y0 = SdeGradFields.GBM_Y0;
    double[] c = cotangent(2);
    double[] err = new double[STEPS.length];
    int paths = 2 * PATHS;
    for (int key = 0; key < paths; key++) {
      BrownianMotion bm = path(100 + key, 2);
      double[] w = new double[2];
      bm.evaluate(1, w);
      double[] exact = new double[4];   // y0 (2), μ, σ
      for (int i = 0; i < 2; i++) {
        double e = Math.exp(theta[0] - kappa * theta[2] * theta[2] / 2 + theta[2] * w[i]);
        exact[i] = c[i] * e;
        exact[2] += c[i] * y0[i] * e;
        exact[3] += c[i] * (w[i] - kappa * theta[2]) * y0[i] * e;
      }
      for (int s = 0; s < STEPS.length; s++) {
        double[] g = gradient(gbm, bm, forward, Adjoint.backsolve(), STEPS[s], y0, theta);
        double[] got = {g[0], g[1], g[2], g[4]};
        err[s] += relative(got, exact) / paths;
      }
    }
    return err;
  }

  @Test
  void gbmGradientsConvergeAtOrderOneToTheClosedForm() {
    double[] err = gbmErrors(SdeType.STRATONOVICH, new StochasticHeun());
    assertThat(order(err)).as("order, errors %s", java.util.Arrays.toString(err))
        .isCloseTo(1.0, within(0.3));
  }

  @Test
  void itoSdesAreDifferentiatedThroughTheirStratonovichForm() {
    // Itô–Milstein forward (strong order 1); the adjoint SDE of the Stratonovich form, whose
    // drift μy − σ²y/2 carries the second derivative of g, solved by stochastic_heun (default)
    double[] err = gbmErrors(SdeType.ITO, new ItoMilstein());
    assertThat(order(err)).as("order, errors %s", java.util.Arrays.toString(err))
        .isCloseTo(1.0, within(0.3));
  }

  static Stream<SdeSolver> backwardSolvers() {
    return Stream.of(new StochasticHeun(), new EulerHeun(), new StochasticMidpoint(),
        new StochasticReversibleHeun());
  }

  /** Per path: the exact gradient of a solve at 1/8192, within O(1/8192) of the pathwise one. */
  private static final java.util.Map<Integer, double[]> FINE = new java.util.HashMap<>();

  private static synchronized double[] fine(int key) {
    return FINE.computeIfAbsent(key, k -> {
      DifferentiableSdeTerm term = SdeGradFields.elementwiseNoise(SdeType.STRATONOVICH);
      return gradient(term, path(200 + k, term.noiseDim()), new StochasticHeun(),
          Adjoint.discrete(), 8192, SdeGradFields.NEURAL_Y0, SdeGradFields.elementwiseTheta());
    });
  }

  @ParameterizedTest
  @MethodSource("backwardSolvers")
  void neuralSdeGradientsConvergeAtOrderOneToTheFineDiscreteAdjoint(SdeSolver backward) {
    DifferentiableSdeTerm term = SdeGradFields.elementwiseNoise(SdeType.STRATONOVICH);
    double[] theta = SdeGradFields.elementwiseTheta();
    double[] y0 = SdeGradFields.NEURAL_Y0;
    double[] err = new double[STEPS.length];
    for (int key = 0; key < PATHS; key++) {
      BrownianMotion bm = path(200 + key, term.noiseDim());
      double[] fine = fine(key);
      for (int s = 0; s < STEPS.length; s++) {
        double[] g = gradient(term, bm, new StochasticHeun(),
            Adjoint.backsolve().withSolver(backward), STEPS[s], y0, theta);
        err[s] += relative(g, fine) / PATHS;
      }
    }
    assertThat(order(err)).as("%s: order, errors %s", backward.name(),
        java.util.Arrays.toString(err)).isCloseTo(1.0, within(0.3));
  }

  @Test
  void gradientsApproachFiniteDifferencesOfTheSameForwardSolve() {
    DifferentiableSdeTerm term = SdeGradFields.elementwiseNoise(SdeType.STRATONOVICH);
    double[] theta = SdeGradFields.elementwiseTheta();
    double[] y0 = SdeGradFields.NEURAL_Y0;
    double[] c = cotangent(y0.length);
    SdeSolver heun = new StochasticHeun();
    int[] steps = {32, 64, 128};
    double[] err = new double[steps.length];
    for (int key = 0; key < PATHS; key++) {
      BrownianMotion bm = path(300 + key, term.noiseDim());
      for (int s = 0; s < steps.length; s++) {
        int k = steps[s];
        double[] fd = concat(
            SdeGradFields.differences(x -> SdeGradFields.loss(term, bm, heun, x, theta, k, c),
                y0),
            SdeGradFields.differences(x -> SdeGradFields.loss(term, bm, heun, y0, x, k, c),
                theta));
        double[] g = gradient(term, bm, heun, Adjoint.backsolve(), k, y0, theta);
        err[s] += relative(g, fd) / PATHS;
      }
    }
    // The backward solve on the forward grid shrinks the difference at least at order 1 (with
    // stochastic Heun, whose trapezoidal steps nearly undo each other, at about order 2).
    double slope = Math.log(err[0] / err[2]) / Math.log(4);
    assertThat(slope).as("errors %s", java.util.Arrays.toString(err)).isGreaterThan(0.8);
  }

  @Test
  void storedStatesDoNotGrowWithTheNumberOfSteps() {
    DifferentiableSdeTerm term = SdeGradFields.elementwiseNoise(SdeType.STRATONOVICH);
    double[] theta = SdeGradFields.elementwiseTheta();
    long[] peak = new long[2];
    int[] steps = {100, 1000};
    for (int s = 0; s < 2; s++) {
      BrownianMotion bm = BrownianGrid.of(Key.of(9), 0, 1, term.noiseDim(), 1.0 / steps[s]);
      Recording r = GradientSolve.of(term, bm, new StochasticHeun(), 0, 1,
          SdeGradFields.NEURAL_Y0, theta).dt0(1.0 / steps[s])
          .controller(ConstantStepSize.create()).adjoint(Adjoint.backsolve()).forward();
      r.backward(new double[][] {cotangent(6)});
      peak[s] = r.peakStoredStates();
    }
    assertThat(peak[1]).isEqualTo(peak[0]);
    // t0 and t1 as knots, the backward y and a
    assertThat(peak[0]).isEqualTo(4);
  }

  @Test
  void adaptiveBackwardSolvesConvergeWithTheTolerance() {
    DifferentiableSdeTerm term = SdeGradFields.elementwiseNoise(SdeType.STRATONOVICH);
    double[] theta = SdeGradFields.elementwiseTheta();
    double[] y0 = SdeGradFields.NEURAL_Y0;
    BrownianMotion bm = path(400, term.noiseDim());
    double[] fine = gradient(term, bm, new StochasticHeun(), Adjoint.discrete(), 2048, y0, theta);
    double[] err = new double[2];
    double[] tol = {1e-2, 1e-4};
    for (int i = 0; i < 2; i++) {
      double[] g = gradient(term, bm, new StochasticHeun(), Adjoint.backsolve()
          .withController(PidController.of(tol[i], tol[i])).withSeminorm(), 2048, y0, theta);
      err[i] = relative(g, fine);
    }
    assertThat(err[1]).as("errors %s", java.util.Arrays.toString(err))
        .isLessThan(err[0] / 4);
  }

  @Test
  void unsupportedProblemsAreRefusedBeforeSolving() {
    DifferentiableSdeTerm strat = SdeGradFields.gbm(SdeType.STRATONOVICH, NoiseType.SCALAR);
    BrownianMotion scalar = BrownianGrid.of(Key.of(5), 0, 1, 1, 1.0 / 32);
    double[] theta = SdeGradFields.GBM_THETA;
    double[] y0 = SdeGradFields.GBM_Y0;
    GradientSolve p = GradientSolve.of(strat, scalar, new StochasticHeun(), 0, 1, y0, theta)
        .dt0(1.0 / 32);
    assertThatThrownBy(() -> p.adjoint(Adjoint.backsolve().withSolver(new Tsit5())).forward())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tsit5")
        .hasMessageContaining("stochastic_heun");
    assertThatThrownBy(() -> p.adjoint(Adjoint.backsolve().withSolver(new EulerMaruyama()))
        .forward()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("euler_maruyama").hasMessageContaining("euler_heun");
    assertThatThrownBy(() -> p.adjoint(Adjoint.backsolve().withSolver(new Sra1())).forward())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("additive");
    assertThatThrownBy(() -> p.adjoint(Adjoint.quadrature()).forward())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Adjoint.backsolve()");
  }
}
