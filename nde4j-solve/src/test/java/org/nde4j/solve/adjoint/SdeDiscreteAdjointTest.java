package org.nde4j.solve.adjoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nde4j.solve.adjoint.SdeGradFields.assertRelative;
import static org.nde4j.solve.adjoint.SdeGradFields.differences;
import static org.nde4j.solve.adjoint.SdeGradFields.loss;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.nde4j.random.Key;
import org.nde4j.solve.brownian.BrownianGrid;
import org.nde4j.solve.brownian.BrownianInterval;
import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.solver.sde.EulerHeun;
import org.nde4j.solve.solver.sde.EulerMaruyama;
import org.nde4j.solve.solver.sde.SdeSolver;
import org.nde4j.solve.solver.sde.Sea;
import org.nde4j.solve.solver.sde.Shark;
import org.nde4j.solve.solver.sde.Spark;
import org.nde4j.solve.solver.sde.Sra1;
import org.nde4j.solve.solver.sde.StochasticHeun;
import org.nde4j.solve.solver.sde.StochasticMidpoint;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.term.DifferentiableSdeTerm;
import org.nde4j.solve.term.NoiseType;
import org.nde4j.solve.term.SdeType;

/**
 * The discrete adjoint through SDE solvers against central finite differences of the forward
 * solve along the same Brownian path (to 1e-6 relative), on a GBM-like SDE and a small tanh-MLP
 * neural SDE with diagonal noise; checkpointing gives the same gradient.
 */
class SdeDiscreteAdjointTest {
  private static final int STEPS = 32;

  static GradientSolve problem(DifferentiableSdeTerm term, BrownianMotion bm, SdeSolver solver,
      double[] y0, double[] theta) {
    return GradientSolve.of(term, bm, solver, 0, 1, y0, theta).dt0(1.0 / STEPS)
        .controller(ConstantStepSize.create());
  }

  /** Checks ∂L/∂y0 and ∂L/∂θ of {@code L = c · y(1)} against finite differences. */
  static Gradients check(DifferentiableSdeTerm term, BrownianMotion bm, SdeSolver solver,
      double[] y0, double[] theta, Adjoint adjoint) {
    double[] c = new double[y0.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = 0.4 + 0.3 * Math.cos(i);
    }
    Recording r = problem(term, bm, solver, y0, theta).adjoint(adjoint).forward();
    Gradients g = r.backward(new double[][] {c});
    assertRelative(g.y0(), differences(x -> loss(term, bm, solver, x, theta, STEPS, c), y0), 1e-6,
        solver.name() + " ∂L/∂y0");
    assertRelative(g.theta(), differences(x -> loss(term, bm, solver, y0, x, STEPS, c), theta),
        1e-6, solver.name() + " ∂L/∂θ");
    assertThat(g.t0()).isNaN();
    return g;
  }

  @Test
  void eulerMaruyamaOnGbmMatchesFiniteDifferences() {
    for (NoiseType noise : new NoiseType[] {NoiseType.DIAGONAL, NoiseType.SCALAR}) {
      DifferentiableSdeTerm gbm = SdeGradFields.gbm(SdeType.ITO, noise);
      BrownianMotion bm = BrownianGrid.of(Key.of(5), 0, 1, gbm.noiseDim(), 1.0 / STEPS);
      check(gbm, bm, new EulerMaruyama(), SdeGradFields.GBM_Y0, SdeGradFields.GBM_THETA,
          Adjoint.discrete());
    }
  }

  static Stream<Arguments> neuralSolvers() {
    return Stream.of(Arguments.of(new EulerMaruyama(), SdeType.ITO),
        Arguments.of(new EulerHeun(), SdeType.STRATONOVICH),
        Arguments.of(new StochasticHeun(), SdeType.STRATONOVICH),
        Arguments.of(new StochasticMidpoint(), SdeType.STRATONOVICH),
        Arguments.of(new Spark(), SdeType.STRATONOVICH));
  }

  @ParameterizedTest
  @MethodSource("neuralSolvers")
  void neuralSdeGradientsMatchFiniteDifferences(SdeSolver solver, SdeType type) {
    DifferentiableSdeTerm term = SdeGradFields.neural(type);
    // A Brownian interval: the backward pass re-queries the increments in reverse order.
    BrownianMotion bm = BrownianInterval.of(Key.of(11), 0, 1, term.noiseDim(),
        solver.levyArea() == LevyArea.SPACE_TIME ? LevyArea.SPACE_TIME : LevyArea.NONE);
    check(term, bm, solver, SdeGradFields.NEURAL_Y0, SdeGradFields.neuralTheta(),
        Adjoint.discrete());
  }

  static Stream<SdeSolver> additiveSolvers() {
    return Stream.of(new Sra1(), new Shark(), new Sea());
  }

  @ParameterizedTest
  @MethodSource("additiveSolvers")
  void additiveNoiseMethodsMatchFiniteDifferences(SdeSolver solver) {
    DifferentiableSdeTerm term = SdeGradFields.additiveNoise();
    // the backward pass replays each step's increment and space-time Lévy area
    BrownianMotion bm = BrownianInterval.of(Key.of(13), 0, 1, term.noiseDim(),
        LevyArea.SPACE_TIME);
    double[] theta = java.util.Arrays.copyOf(SdeGradFields.elementwiseTheta(),
        term.numParams());
    check(term, bm, solver, SdeGradFields.NEURAL_Y0, theta, Adjoint.discrete());
  }

  @Test
  void checkpointingAndSaveTimesGiveTheDiscreteGradient() {
    DifferentiableSdeTerm term = SdeGradFields.neural(SdeType.STRATONOVICH);
    BrownianMotion bm = BrownianGrid.of(Key.of(3), 0, 1, term.noiseDim(), 1.0 / STEPS,
        LevyArea.SPACE_TIME);
    double[] theta = SdeGradFields.neuralTheta();
    double[][] c = {{0.2, -0.1, 0.3, 0.5, -0.4, 0.1}, {1, 0.5, -0.5, 0.25, 0.1, -0.2}};
    GradientSolve p = problem(term, bm, new Spark(), SdeGradFields.NEURAL_Y0, theta)
        .saveAt(0.5, 1);
    Gradients full = p.adjoint(Adjoint.discrete()).forward().backward(c);
    Recording r = p.adjoint(Adjoint.checkpointed(4)).forward();
    Gradients cp = r.backward(c);
    assertThat(r.peakStoredStates()).isLessThanOrEqualTo(4);
    assertRelative(cp.theta(), full.theta(), 1e-12, "checkpointed θ");
    assertRelative(cp.y0(), full.y0(), 1e-12, "checkpointed y0");
    // the two save times by finite differences of c0·y(0.5) + c1·y(1)
    double[] fd = differences(x -> {
      double[][] ys = problem(term, bm, new Spark(), SdeGradFields.NEURAL_Y0, x).saveAt(0.5, 1)
          .adjoint(Adjoint.discrete()).forward().ys();
      double s = 0;
      for (int i = 0; i < 2; i++) {
        for (int q = 0; q < 6; q++) {
          s += c[i][q] * ys[i][q];
        }
      }
      return s;
    }, theta);
    assertRelative(full.theta(), fd, 1e-6, "save times θ");
  }

  /** A Brownian motion that counts its queries. */
  private static final class Counting extends ForwardingBrownian {
    int queries;

    Counting(BrownianMotion inner) {
      super(inner);
    }

    @Override
    public void increment(double s, double t, double[] w) {
      queries++;
      inner.increment(s, t, w);
    }

    @Override
    public void spaceTimeIncrement(double s, double t, double[] w, double[] area) {
      queries++;
      inner.spaceTimeIncrement(s, t, w, area);
    }
  }

  @Test
  void fullStorageReadsTheForwardNoiseBackInsteadOfQueryingAgain() {
    DifferentiableSdeTerm term = SdeGradFields.neural(SdeType.STRATONOVICH);
    double[] theta = SdeGradFields.neuralTheta();
    double[][] c = {{0.2, -0.1, 0.3, 0.5, -0.4, 0.1}};
    for (SdeSolver solver : new SdeSolver[] {new StochasticHeun(), new Spark()}) {
      Counting bm = new Counting(BrownianGrid.of(Key.of(4), 0, 1, term.noiseDim(), 1.0 / STEPS,
          LevyArea.SPACE_TIME));
      Recording r = problem(term, bm, solver, SdeGradFields.NEURAL_Y0, theta)
          .adjoint(Adjoint.discrete()).forward();
      int forward = bm.queries;
      assertThat(forward).as(solver.name()).isGreaterThanOrEqualTo(STEPS);
      Gradients full = r.backward(c);
      assertThat(bm.queries).as(solver.name() + ": queries in the backward pass")
          .isEqualTo(forward);
      // checkpointing keeps no noise: it queries the steps it reverses again, same gradient
      Recording cr = problem(term, bm, solver, SdeGradFields.NEURAL_Y0, theta)
          .adjoint(Adjoint.checkpointed(4)).forward();
      int before = bm.queries;
      Gradients cp = cr.backward(c);
      assertThat(bm.queries - before).as(solver.name()).isGreaterThanOrEqualTo(STEPS);
      assertThat(cp.theta()).as(solver.name()).containsExactly(full.theta());
    }
  }

  @Test
  void fullStorageKeepsTheStagesAndEvaluatesNoFieldInTheBackwardPass() {
    double[][] c = {{0.2, -0.1, 0.3, 0.5, -0.4, 0.1}};
    double[] theta = SdeGradFields.neuralTheta();
    Object[][] cases = {
        {new EulerMaruyama(), SdeType.ITO}, {new StochasticHeun(), SdeType.STRATONOVICH},
        {new Spark(), SdeType.STRATONOVICH}};
    for (Object[] k : cases) {
      SdeSolver solver = (SdeSolver) k[0];
      DifferentiableSdeTerm term = SdeGradFields.neural((SdeType) k[1]);
      BrownianMotion bm = BrownianGrid.of(Key.of(6), 0, 1, term.noiseDim(), 1.0 / STEPS,
          LevyArea.SPACE_TIME);
      Recording r = problem(term, bm, solver, SdeGradFields.NEURAL_Y0, theta)
          .adjoint(Adjoint.discrete()).forward();
      Gradients full = r.backward(c);
      assertThat(full.rateEvaluations()).as(solver.name() + ": drift and diffusion evaluations"
          + " in the backward pass").isZero();
      assertThat(full.vjpEvaluations()).as(solver.name()).isPositive();
      // checkpointing evaluates the stages again, from the same states: the same gradient bits
      Gradients cp = problem(term, bm, solver, SdeGradFields.NEURAL_Y0, theta)
          .adjoint(Adjoint.checkpointed(4)).forward().backward(c);
      assertThat(cp.rateEvaluations()).as(solver.name()).isPositive();
      assertThat(cp.theta()).as(solver.name()).containsExactly(full.theta());
      assertThat(cp.y0()).as(solver.name()).containsExactly(full.y0());
      // a solve that takes over the first one's residual and noise arrays gives the same bits
      // again; on another path, those of a fresh solve on that path (no stale noise is read)
      Recording second = problem(term, bm, solver, SdeGradFields.NEURAL_Y0, theta)
          .adjoint(Adjoint.discrete()).recycling(r).forward();
      assertThat(second.backward(c).theta()).as(solver.name()).containsExactly(full.theta());
      BrownianMotion other = BrownianGrid.of(Key.of(7), 0, 1, term.noiseDim(), 1.0 / STEPS,
          LevyArea.SPACE_TIME);
      Gradients fresh = problem(term, other, solver, SdeGradFields.NEURAL_Y0, theta)
          .adjoint(Adjoint.discrete()).forward().backward(c);
      Gradients reused = problem(term, other, solver, SdeGradFields.NEURAL_Y0, theta)
          .adjoint(Adjoint.discrete()).recycling(second).forward().backward(c);
      assertThat(fresh.theta()).as(solver.name()).isNotEqualTo(full.theta());
      assertThat(reused.theta()).as(solver.name()).containsExactly(fresh.theta());
      assertThat(reused.y0()).as(solver.name()).containsExactly(fresh.y0());
    }
  }

  @Test
  void continuousOdeAdjointsAndNonSdeSolversAreRefused() {
    DifferentiableSdeTerm gbm = SdeGradFields.gbm(SdeType.ITO, NoiseType.DIAGONAL);
    BrownianMotion bm = BrownianGrid.of(Key.of(5), 0, 1, 2, 1.0 / STEPS);
    GradientSolve p = problem(gbm, bm, new EulerMaruyama(), SdeGradFields.GBM_Y0,
        SdeGradFields.GBM_THETA);
    assertThatThrownBy(() -> p.adjoint(Adjoint.interpolating()).forward())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SDE")
        .hasMessageContaining("Adjoint.discrete()");
    assertThatThrownBy(() -> p.adjoint(Adjoint.reversible()).forward())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stochastic_reversible_heun");
    // a Stratonovich-only solver on an Itô term is refused when the solve is built
    assertThatThrownBy(() -> problem(gbm, bm, new StochasticHeun(), SdeGradFields.GBM_Y0,
        SdeGradFields.GBM_THETA)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("euler_maruyama");
  }
}
