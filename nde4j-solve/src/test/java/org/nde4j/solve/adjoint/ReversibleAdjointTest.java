package org.nde4j.solve.adjoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.solver.reversible.ReversibleHeun;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.stepsize.StepSizeController;
import org.nde4j.solve.term.DifferentiableTerm;

/**
 * The reversible adjoint gives the discrete adjoint's gradient (same solver, same steps) while
 * storing a number of states independent of the number of steps; the discrete adjoint of
 * reversible Heun is checked against finite differences of the discretised solve.
 */
class ReversibleAdjointTest {
  private static final double[] LV_THETA = {1.5, 1.0, 1.0, 3.0};
  private static final double[] LV_Y0 = {1.0, 1.0};
  private static final double[] LV_TS = {0.0, 1.3, 2.9, 4.0};
  private static final double[][] LV_C = {{0.1, 0.3}, {0.2, 0.1}, {-0.3, 0.4}, {0.6, -0.5}};

  private static GradientSolve lotkaVolterra(StepSizeController controller, double dt0) {
    DifferentiableTerm term = DifferentiableTerm.of(GradFields.lotkaVolterra(), 2, 4);
    return GradientSolve.of(term, new ReversibleHeun(), 0, 4.0, LV_Y0, LV_THETA).saveAt(LV_TS)
        .controller(controller).dt0(dt0);
  }

  private static GradientSolve mlp(int steps, double[] ts) {
    int d = 2;
    int h = 8;
    double dt = 1e-4;
    DifferentiableTerm term = DifferentiableTerm.of(GradFields.mlp(d, h), d,
        GradFields.mlpParams(d, h));
    return GradientSolve.of(term, new ReversibleHeun(), 0, steps * dt, new double[] {0.4, -0.7},
        GradFields.mlpTheta(d, h, 3)).saveAt(ts).controller(ConstantStepSize.create()).dt0(dt)
        .maxSteps(10L * steps);
  }

  private static void assertSameGradients(Gradients actual, Gradients expected, double rel) {
    assertClose(actual.y0(), expected.y0(), rel, "y0");
    assertClose(actual.theta(), expected.theta(), rel, "θ");
    assertClose(actual.ts(), expected.ts(), rel, "ts");
    assertClose(new double[] {actual.t0(), actual.t1()},
        new double[] {expected.t0(), expected.t1()}, rel, "t0, t1");
  }

  private static void assertClose(double[] a, double[] e, double rel, String what) {
    for (int i = 0; i < e.length; i++) {
      DiscreteAdjointTest.assertClose(a[i], e[i], rel, what + "[" + i + "]");
    }
  }

  @Test
  void adaptiveStepsGiveTheDiscreteAdjointsGradient() {
    GradientSolve p = lotkaVolterra(PidController.of(1e-6, 1e-8), Double.NaN);
    Recording discrete = p.adjoint(Adjoint.discrete()).forward();
    Recording reversible = p.adjoint(Adjoint.reversible()).forward();
    assertThat(reversible.status()).isEqualTo(Status.SUCCESS);
    assertThat(reversible.stats().accepted()).isEqualTo(discrete.stats().accepted())
        .isGreaterThan(100);
    assertThat(reversible.ys()).isDeepEqualTo(discrete.ys());
    assertSameGradients(reversible.backward(LV_C), discrete.backward(LV_C), 1e-10);
    // Checkpointing reversible Heun's (y, ŷ) pairs gives the same gradient too.
    Recording checkpointed = p.adjoint(Adjoint.checkpointed(4)).forward();
    assertSameGradients(checkpointed.backward(LV_C), discrete.backward(LV_C), 1e-12);
    assertThat(checkpointed.peakStoredStates()).isLessThanOrEqualTo(4);
    // The default picks the reversible adjoint for a reversible solver.
    Recording auto = p.adjoint(Adjoint.auto()).forward();
    assertSameGradients(auto.backward(LV_C), discrete.backward(LV_C), 1e-10);
    assertThat(auto.peakStoredStates()).isEqualTo(reversible.peakStoredStates()).isEqualTo(2);
  }

  @Test
  void constantStepsWithSaveTimesGiveTheDiscreteAdjointsGradient() {
    double[] ts = {0.0123, 0.05, 0.08765, 0.1};
    double[][] c = {{0.3, -0.2}, {0.5, 0.1}, {-0.4, 0.8}, {0.2, 0.2}};
    GradientSolve p = mlp(1000, ts);
    Gradients expected = p.adjoint(Adjoint.discrete()).forward().backward(c);
    Gradients actual = p.adjoint(Adjoint.reversible()).forward().backward(c);
    assertSameGradients(actual, expected, 1e-10);
  }

  /** The step VJP of reversible Heun is the derivative of the discretised solve. */
  @Test
  void reversibleHeunsDiscreteGradientMatchesFiniteDifferences() {
    double[][] c = {{0.2, 0.1}, {-0.3, 0.4}, {0.6, -0.5}};
    for (Adjoint adjoint : new Adjoint[] {Adjoint.discrete(), Adjoint.reversible()}) {
      DiscreteAdjointTest.checkAgainstDifferences(
          new DiscreteAdjointTest.TensorFn3(GradFields.lotkaVolterra()), new ReversibleHeun(),
          ConstantStepSize.create(), 0.01, false, 0, 3.0, LV_Y0, LV_THETA,
          new double[] {1.0, 2.0, 3.0}, c, adjoint);
    }
  }

  /**
   * O(1) memory: the stored states, and every array the recording keeps alive (measured by
   * walking its object graph, not taken from the recording), are the same for 10³ and 10⁵ steps,
   * where the discrete adjoint's grow a hundredfold.
   */
  @Test
  void storageDoesNotGrowWithTheNumberOfSteps() {
    double[][] c = {{1, 0}, {0, 1}, {0.5, 0.5}};
    long[] peak = new long[2];
    long[] retainedAfterForward = new long[2];
    long[] retainedAfterBackward = new long[2];
    int[] steps = {1_000, 100_000};
    for (int i = 0; i < 2; i++) {
      double t1 = steps[i] * 1e-4;
      GradientSolve p = mlp(steps[i], new double[] {0.25 * t1, 0.5 * t1, t1});
      Recording r = p.adjoint(Adjoint.reversible()).forward();
      assertThat(r.stats().accepted()).isEqualTo(steps[i]);
      retainedAfterForward[i] = RetainedBytes.of(r);
      r.backward(c);
      peak[i] = r.peakStoredStates();
      retainedAfterBackward[i] = RetainedBytes.of(r);
      assertThat(((ReversibleRecording) r).storedTimes()).isLessThanOrEqualTo(3 * 8);
    }
    assertThat(peak[1]).isEqualTo(peak[0]).isEqualTo(2);
    assertThat(retainedAfterForward[1]).isEqualTo(retainedAfterForward[0]);
    assertThat(retainedAfterBackward[1]).isEqualTo(retainedAfterBackward[0]);
    // The measurement sees stored trajectories: the discrete adjoint keeps 2n doubles a step.
    long[] discrete = new long[2];
    for (int i = 0; i < 2; i++) {
      double t1 = steps[i] * 1e-4;
      discrete[i] = RetainedBytes.of(mlp(steps[i], new double[] {0.25 * t1, 0.5 * t1, t1})
          .adjoint(Adjoint.discrete()).forward());
    }
    assertThat(discrete[1] - discrete[0]).isGreaterThan(99_000L * 2 * 2 * 8);
  }

  /** With adaptive steps the recording keeps one scalar per step time and nothing else. */
  @Test
  void adaptiveStepsKeepOnlyTheStepTimes() {
    PidController pid = PidController.of(1e-6, 1e-8);
    Recording loose = lotkaVolterra(pid, Double.NaN).adjoint(Adjoint.reversible()).forward();
    Recording tight = lotkaVolterra(PidController.of(1e-8, 1e-10), Double.NaN)
        .adjoint(Adjoint.reversible()).forward();
    long extraSteps = tight.stats().accepted() - loose.stats().accepted();
    assertThat(extraSteps).isGreaterThan(1000);
    assertThat(((ReversibleRecording) tight).storedTimes())
        .isEqualTo(tight.stats().accepted() + 1);
    assertThat(RetainedBytes.of(tight) - RetainedBytes.of(loose)).isEqualTo(8 * extraSteps);
    assertThat(tight.peakStoredStates()).isEqualTo(loose.peakStoredStates());
  }

  @Test
  void nonReversibleSolverIsRejectedBeforeSolving() {
    CountingTerm term = new CountingTerm(DifferentiableTerm.of(GradFields.lotkaVolterra(), 2, 4));
    GradientSolve p = GradientSolve.of(term, new Tsit5(), 0, 1, LV_Y0, LV_THETA)
        .adjoint(Adjoint.reversible());
    assertThatThrownBy(p::forward).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tsit5").hasMessageContaining("reversible_heun")
        .hasMessageContaining("Adjoint.discrete()").hasMessageContaining("checkpointed")
        .hasMessageContaining("backsolve");
    assertThat(term.rates()).isZero();
  }
}
