package org.nde4j.solve.adjoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nde4j.solve.adjoint.DiscreteAdjointTest.TensorFn3;
import org.nde4j.solve.event.Direction;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.implicit.Kvaerno5;
import org.nde4j.solve.solver.reversible.ReversibleHeun;
import org.nde4j.solve.solver.rk.Bosh3;
import org.nde4j.solve.solver.rk.Dop853;
import org.nde4j.solve.solver.rk.Dopri5;
import org.nde4j.solve.solver.rk.Dopri8;
import org.nde4j.solve.solver.rk.Euler;
import org.nde4j.solve.solver.rk.Rk4;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.tensor.Tensor;

/**
 * Saves read from the dense output ({@link SaveMode#INTERPOLATED}): the discrete adjoint's
 * gradients against central differences of the same interpolated solve, checkpointing against
 * full storage, forward mode against the discrete adjoint, fewer evaluations than forced step
 * ends, and refusals before solving.
 */
class InterpolatedSavesTest {
  private static final double[] Y0 = {0.4, -0.7};
  private static final double[] THETA = GradFields.mlpTheta(2, 8, 11);
  private static final TensorFn3 MLP = new TensorFn3(GradFields.mlp(2, 8));
  /** Inside steps of 0.1 (none at a step end); the last inside the last step, none at t1. */
  private static final double[] TS = {0.23, 0.61, 0.95, 1.47};
  private static final double[][] C = {{0.3, -0.2}, {0.5, 0.1}, {-0.4, 0.8}, {0.7, 0.2}};

  static List<Solver> solvers() {
    return List.of(new Dopri5(), new Tsit5(), new Bosh3(), new Dopri8(), new Euler());
  }

  /**
   * With constant steps the steps depend on nothing differentiated, so the discrete gradient is
   * the exact derivative of the computed saves: y0, θ and every save time (the interpolant's
   * slope) against central differences, to 1e-8. The last save lies inside the last step, whose
   * first-same-as-last stage then needs a VJP of its own.
   */
  @ParameterizedTest
  @MethodSource("solvers")
  void fixedStepsGiveTheExactGradientOfTheInterpolatedSaves(Solver solver) {
    for (Adjoint a : List.of(Adjoint.discrete(), Adjoint.checkpointed(3), Adjoint.auto())) {
      Gradients g = DiscreteAdjointTest.gradients(MLP, solver, 0, 1.5, Y0, THETA, TS, C, a,
          ConstantStepSize.create(), 0.1, SaveMode.INTERPOLATED);
      Gradients fd = DiscreteAdjointTest.differences(MLP, solver, ConstantStepSize.create(), 0.1,
          true, a, SaveMode.INTERPOLATED, 0, 1.5, Y0, THETA, TS, C);
      // t0 moves the whole step grid: its gradient is the continuous formula's, not checked here
      DiscreteAdjointTest.assertGradientsClose(g,
          new Gradients(fd.y0(), fd.theta(), Double.NaN, fd.ts(), fd.t1(), 0, 0), 1e-8);
    }
  }

  /** Adaptive steps at rtol = atol = 1e-12: every gradient, t0 and t1 included, to 1e-6. */
  @Test
  void adaptiveNeuralOdeMatchesFiniteDifferences() {
    double[] ts = {0.3, 0.77, 1.5};
    double[][] c = {{0.3, -0.2}, {0.5, 0.1}, {-0.4, 0.8}};
    for (Solver s : List.of(new Dopri5(), new Tsit5())) {
      DiscreteAdjointTest.checkAgainstDifferences(MLP, s, PidController.of(1e-12, 1e-12),
          Double.NaN, true, 0, 1.5, Y0, THETA, ts, c, Adjoint.discrete(), SaveMode.INTERPOLATED,
          1e-6);
    }
  }

  @Test
  void adaptiveLotkaVolterraMatchesFiniteDifferences() {
    double[] ts = {0.5, 1.0, 2.5, 3.3, 4.0};
    double[][] c = {{0.1, 0.3}, {0.2, 0.1}, {-0.3, 0.4}, {0.2, -0.1}, {0.6, -0.5}};
    for (Solver s : List.of(new Dopri5(), new Tsit5())) {
      DiscreteAdjointTest.checkAgainstDifferences(new TensorFn3(GradFields.lotkaVolterra()), s,
          PidController.of(1e-12, 1e-12), Double.NaN, true, 0, 4.0, new double[] {1.0, 1.0},
          new double[] {1.5, 1.0, 1.0, 3.0}, ts, c, Adjoint.checkpointed(4),
          SaveMode.INTERPOLATED, 1e-6);
    }
  }

  /**
   * Checkpointing recomputes the stages and re-derives the interpolation cotangents: its
   * gradients equal full storage's to round-off, whatever the budget.
   */
  @Test
  void checkpointedEqualsFullStorage() {
    double[] ts = {0.1, 0.2, 0.35, 0.5, 0.9, 1.1, 1.3, 1.45};
    double[][] c = new double[ts.length][];
    for (int i = 0; i < ts.length; i++) {
      c[i] = new double[] {Math.sin(i + 1), Math.cos(3 * i)};
    }
    for (Solver s : List.of(new Dopri5(), new Tsit5())) {
      Gradients full = DiscreteAdjointTest.gradients(MLP, s, 0, 1.5, Y0, THETA, ts, c,
          Adjoint.discrete(), PidController.of(1e-6, 1e-8), Double.NaN, SaveMode.INTERPOLATED);
      for (int budget : new int[] {1, 2, 3, 5, 64}) {
        Gradients g = DiscreteAdjointTest.gradients(MLP, s, 0, 1.5, Y0, THETA, ts, c,
            Adjoint.checkpointed(budget), PidController.of(1e-6, 1e-8), Double.NaN,
            SaveMode.INTERPOLATED);
        DiscreteAdjointTest.assertGradientsClose(g, full, 1e-12);
        assertThat(g.t0()).isCloseTo(full.t0(), org.assertj.core.data.Offset.offset(1e-12));
      }
    }
  }

  /**
   * Forward-mode sensitivities with state-only error control take the plain solve's steps and
   * interpolate the augmented dense output, which for an explicit method is the derivative of
   * the interpolated state: the same gradients as the discrete adjoint, computed independently.
   */
  @Test
  void forwardModeAgreesWithTheDiscreteAdjoint() {
    double[] ts = {0.3, 0.77, 1.2, 1.5};
    Gradients discrete = DiscreteAdjointTest.gradients(MLP, new Dopri5(), 0, 1.5, Y0, THETA, ts,
        C, Adjoint.discrete(), PidController.of(1e-6, 1e-8), Double.NaN, SaveMode.INTERPOLATED);
    Gradients forward = DiscreteAdjointTest.gradients(MLP, new Dopri5(), 0, 1.5, Y0, THETA, ts,
        C, Adjoint.forwardMode(false), PidController.of(1e-6, 1e-8), Double.NaN,
        SaveMode.INTERPOLATED);
    DiscreteAdjointTest.assertGradientsClose(forward, discrete, 1e-10);
  }

  /** The continuous adjoints read the interpolated saves: gradients to their tolerance. */
  @Test
  void continuousAdjointsWorkWithInterpolatedSaves() {
    double[] ts = {0.3, 0.77, 1.2, 1.5};
    Gradients fd = DiscreteAdjointTest.differences(MLP, new Tsit5(), PidController.of(1e-12,
        1e-12), Double.NaN, true, Adjoint.discrete(), SaveMode.INTERPOLATED, 0, 1.5, Y0, THETA,
        ts, C);
    for (Adjoint a : List.of(Adjoint.backsolve(), Adjoint.interpolating(),
        Adjoint.quadrature(), Adjoint.interpolating().withCheckpointEvery(3))) {
      Gradients g = DiscreteAdjointTest.gradients(MLP, new Tsit5(), 0, 1.5, Y0, THETA, ts, C, a,
          PidController.of(1e-9, 1e-9), Double.NaN, SaveMode.INTERPOLATED);
      DiscreteAdjointTest.assertGradientsClose(g, fd, 1e-5);
    }
  }

  /**
   * W3's solve (batch 20, ten save times 0.025 apart, dopri5 at rtol 1e-7, atol 1e-9): reading the
   * saves from the dense output takes fewer steps; the saves agree to the tolerance.
   */
  @Test
  void interpolatedSavesTakeFewerEvaluationsOnW3() {
    double[][] data = OdeDemoModel.data();
    double[] grid = OdeDemoModel.grid();
    int batch = 20;
    DifferentiableTerm term = OdeDemoModel.model(batch);
    double[] theta = OdeDemoModel.initialTheta(3);
    java.util.Random random = new java.util.Random(5);
    double[] ts = java.util.Arrays.copyOf(grid, 10);
    long forced = 0;
    long interpolated = 0;
    for (int rep = 0; rep < 5; rep++) {
      double[] y0 = new double[2 * batch];
      for (int b = 0; b < batch; b++) {
        System.arraycopy(data[random.nextInt(990)], 0, y0, 2 * b, 2);
      }
      Recording a = GradientSolve.of(term, new Dopri5(), 0, ts[9], y0, theta).saveAt(ts)
          .controller(PidController.of(1e-7, 1e-9)).adjoint(Adjoint.discrete()).forward();
      Recording b = GradientSolve.of(term, new Dopri5(), 0, ts[9], y0, theta).saveAt(ts)
          .controller(PidController.of(1e-7, 1e-9)).adjoint(Adjoint.discrete())
          .saveMode(SaveMode.INTERPOLATED).forward();
      forced += a.stats().nfe();
      interpolated += b.stats().nfe();
      for (int i = 0; i < ts.length; i++) {
        for (int q = 0; q < 2 * batch; q++) {
          assertThat(Math.abs(a.ys()[i][q] - b.ys()[i][q])).isLessThan(1e-6);
        }
      }
    }
    assertThat(interpolated).as("forward NFE, interpolated vs forced step ends")
        .isLessThan(forced * 3 / 4);
  }

  @Test
  void unsupportedCombinationsAreRefusedBeforeSolving() {
    DifferentiableTerm term = DifferentiableTerm.of(MLP.fn(), 2, THETA.length);
    for (Object[] bad : new Object[][] {
        {new Rk4(), Adjoint.discrete(), "extra stages"},
        {new Dop853(), Adjoint.checkpointed(8), "extra stages"},
        {new Kvaerno5(), Adjoint.discrete(), "not an explicit"},
        {new ReversibleHeun(), Adjoint.reversible(), "reversible"},
        {new ReversibleHeun(), Adjoint.auto(), "reversible"}}) {
      GradientSolve p = GradientSolve.of(term, (Solver) bad[0], 0, 1.5, Y0, THETA).saveAt(TS)
          .dt0(0.1).adjoint((Adjoint) bad[1]).saveMode(SaveMode.INTERPOLATED);
      assertThat(p.supportsInterpolatedSaves()).isFalse();
      assertThatThrownBy(p::forward).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining((String) bad[2]).hasMessageContaining("SaveMode.STEP_ENDS")
          .hasMessageContaining("dopri5");
    }
    GradientSolve withEvent = GradientSolve.of(term, new Dopri5(), 0, 1.5, Y0, THETA)
        .event(DifferentiableEvent.of(in -> new Tensor[] {in[1].slice(0, 0, 1).sub(5)}, 2),
            Direction.RISING).saveMode(SaveMode.INTERPOLATED);
    assertThatThrownBy(withEvent::forward).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("terminal event");
  }

  /** A solve that reuses an earlier recording's storage gives the same bits. */
  @Test
  void recyclingGivesTheSameGradients() {
    DifferentiableTerm term = DifferentiableTerm.of(MLP.fn(), 2, THETA.length);
    java.util.function.Function<Recording, Recording> run = previous -> GradientSolve.of(term,
        new Tsit5(), 0, 1.5, Y0, THETA).saveAt(TS).controller(PidController.of(1e-6, 1e-8))
        .adjoint(Adjoint.discrete()).saveMode(SaveMode.INTERPOLATED).recycling(previous)
        .forward();
    Recording first = run.apply(null);
    Gradients fresh = first.backward(C);
    Recording second = run.apply(first);
    Gradients reused = second.backward(C);
    assertThat(reused.theta()).isEqualTo(fresh.theta());
    assertThat(reused.y0()).isEqualTo(fresh.y0());
    assertThat(reused.ts()).isEqualTo(fresh.ts());
    assertThat(second.ys()).isDeepEqualTo(first.ys());
  }

  /** Where unsupported, INTERPOLATED_WHERE_SUPPORTED falls back to forced step ends. */
  @Test
  void whereSupportedFallsBackToStepEnds() {
    DifferentiableTerm term = DifferentiableTerm.of(MLP.fn(), 2, THETA.length);
    Recording forced = GradientSolve.of(term, new Rk4(), 0, 1.5, Y0, THETA).saveAt(TS).dt0(0.1)
        .adjoint(Adjoint.discrete()).forward();
    Recording fallback = GradientSolve.of(term, new Rk4(), 0, 1.5, Y0, THETA).saveAt(TS)
        .dt0(0.1).adjoint(Adjoint.discrete()).saveMode(SaveMode.INTERPOLATED_WHERE_SUPPORTED)
        .forward();
    assertThat(fallback.ys()).isDeepEqualTo(forced.ys());
    Recording dense = GradientSolve.of(term, new Dopri5(), 0, 1.5, Y0, THETA).saveAt(TS)
        .dt0(0.1).controller(ConstantStepSize.create()).adjoint(Adjoint.discrete())
        .saveMode(SaveMode.INTERPOLATED_WHERE_SUPPORTED).forward();
    assertThat(dense.stats().accepted()).isEqualTo(15);
  }
}
