package org.nde4j.solve.adjoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nde4j.solve.adjoint.DiscreteAdjointTest.TensorFn3;
import org.nde4j.solve.solver.implicit.Kvaerno5;
import org.nde4j.solve.solver.rk.Dopri5;
import org.nde4j.solve.solver.rk.Rk4;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.DifferentiableTerm;

/**
 * The continuous adjoints (backsolve, interpolating, quadrature, with their options) against
 * gradients computed another way: the matrix exponential for {@code y' = Ay}, central differences
 * of tightly solved forward solves for a neural ODE and Lotka–Volterra. The gradients are those of
 * the exact solution map up to the solve tolerance: every solve here runs at rtol = atol = 1e-8
 * (forward and backward), which keeps every gradient within 1e-6 relative (most within 1e-7).
 */
class ContinuousAdjointTest {
  private static final PidController TOL = PidController.of(1e-8, 1e-8);
  private static final double REL = 1e-6;

  static List<Adjoint> adjoints() {
    return List.of(Adjoint.backsolve(), Adjoint.backsolve().withSeminorm(),
        Adjoint.backsolve().withNorm(BackwardNorm.STATE_ONLY),
        Adjoint.backsolve().withCheckpointEvery(5), Adjoint.backsolve().withoutCheckpoints(),
        Adjoint.backsolve().withSolver(new Dopri5()).withController(PidController.of(1e-9,
            1e-9)),
        Adjoint.interpolating(), Adjoint.interpolating().withSeminorm(),
        Adjoint.interpolating().withCheckpointEvery(4), Adjoint.quadrature(),
        Adjoint.quadrature().withCheckpointEvery(4));
  }

  @Test
  void linearSystemMatchesTheMatrixExponential() {
    for (Adjoint a : adjoints()) {
      DiscreteAdjointTest.checkLinear(DiscreteAdjointTest.linear(a, TOL).forward(), REL);
    }
  }

  /**
   * The continuous adjoints need no step VJP: an implicit forward solver (which the discrete
   * adjoint rejects) and an implicit backward one work.
   */
  @Test
  void implicitSolversForwardAndBackward() {
    for (Adjoint a : List.of(Adjoint.backsolve(), Adjoint.interpolating(), Adjoint.quadrature(),
        Adjoint.quadrature().withSolver(new Kvaerno5()))) {
      GradientSolve p = GradientSolve.of(DifferentiableTerm.of(GradFields.linear(3), 3, 9),
          new Kvaerno5(), 0, DiscreteAdjointTest.T1, DiscreteAdjointTest.Y0,
          DiscreteAdjointTest.flat(DiscreteAdjointTest.A)).controller(TOL).adjoint(a);
      DiscreteAdjointTest.checkLinear(p.forward(), REL);
    }
  }

  @Test
  void neuralOdeMatchesFiniteDifferences() {
    int d = 2;
    int h = 8;
    TensorFn3 field = new TensorFn3(GradFields.mlp(d, h));
    double[] y0 = {0.4, -0.7};
    double[] theta = GradFields.mlpTheta(d, h, 11);
    double[] ts = {0.3, 0.9, 1.5};
    double[][] c = {{0.3, -0.2}, {0.5, 0.1}, {-0.4, 0.8}};
    Gradients fd = DiscreteAdjointTest.differences(field, new Tsit5(), 0, 1.5, y0, theta, ts, c);
    for (Adjoint a : adjoints()) {
      Gradients g = DiscreteAdjointTest.gradients(field, new Tsit5(), 0, 1.5, y0, theta, ts, c,
          a, TOL);
      DiscreteAdjointTest.assertGradientsClose(g, fd, REL);
    }
  }

  @Test
  void lotkaVolterraMatchesFiniteDifferences() {
    TensorFn3 field = new TensorFn3(GradFields.lotkaVolterra());
    double[] y0 = {1.0, 1.0};
    double[] theta = {1.5, 1.0, 1.0, 3.0};
    double[] ts = {1.0, 2.5, 4.0};
    double[][] c = {{0.2, 0.1}, {-0.3, 0.4}, {0.6, -0.5}};
    Gradients fd = DiscreteAdjointTest.differences(field, new Dopri5(), 0, 4.0, y0, theta, ts, c);
    for (Adjoint a : adjoints()) {
      Gradients g = DiscreteAdjointTest.gradients(field, new Dopri5(), 0, 4.0, y0, theta, ts, c,
          a, TOL);
      DiscreteAdjointTest.assertGradientsClose(g, fd, REL);
    }
  }

  /** A save time at t0 and none at t1: λ jumps at t0, nothing flows from (ts_last, t1]. */
  @Test
  void saveTimesAtT0AndBeforeT1() {
    TensorFn3 field = new TensorFn3(GradFields.lotkaVolterra());
    double[] y0 = {1.0, 1.0};
    double[] theta = {1.5, 1.0, 1.0, 3.0};
    double[] ts = {0.0, 1.2, 2.0};
    double[][] c = {{0.7, -0.1}, {-0.3, 0.4}, {0.6, -0.5}};
    Gradients fd = DiscreteAdjointTest.differences(field, new Dopri5(), 0, 3.0, y0, theta, ts, c);
    for (Adjoint a : List.of(Adjoint.backsolve(), Adjoint.interpolating(),
        Adjoint.quadrature())) {
      Gradients g = DiscreteAdjointTest.gradients(field, new Dopri5(), 0, 3.0, y0, theta, ts, c,
          a, TOL);
      DiscreteAdjointTest.assertClose(g.ts()[1], fd.ts()[1], REL, a + " dL/dts[1]");
      DiscreteAdjointTest.assertClose(g.ts()[2], fd.ts()[2], REL, a + " dL/dts[2]");
      assertThat(g.t1()).as("%s: dL/dt1 with no save at t1", a).isZero();
      for (int i = 0; i < 2; i++) {
        DiscreteAdjointTest.assertClose(g.y0()[i], fd.y0()[i], REL, a + " dL/dy0");
      }
      for (int i = 0; i < theta.length; i++) {
        DiscreteAdjointTest.assertClose(g.theta()[i], fd.theta()[i], REL, a + " dL/dθ");
      }
    }
  }

  /**
   * Reconstructing {@code y} backwards from {@code y(t1)} is unstable for {@code y' = diag(−1,
   * −30) y}: the fast component, decayed to 1e-26, is lost in the solver's absolute error, which
   * the backward solve amplifies by {@code e^{30 t1}}. Restarting {@code y} from the forward
   * state at every step bounds that growth to one step's; reading {@code y} from the forward pass
   * (interpolating, quadrature) avoids it. Reference: {@code ∂L/∂A_ij = w_i y0_j e^{a_i t1}
   * (e^{(a_j − a_i) t1} − 1) / (a_j − a_i)} for {@code L = w · y(t1)}.
   */
  @Test
  void checkpointsTameTheUnstableBackwardReconstruction() {
    double[] a = {-1, -30};
    double[] y0 = {1, 1};
    double[] w = {1, 1};
    double t1 = 2;
    DifferentiableTerm term = DifferentiableTerm.of(GradFields.linear(2), 2, 4);
    double[] theta = {a[0], 0, 0, a[1]};
    double expected = w[0] * y0[1] * Math.exp(a[0] * t1) * (Math.exp((a[1] - a[0]) * t1) - 1)
        / (a[1] - a[0]);
    java.util.function.Function<Adjoint, Double> dA01 = adj -> GradientSolve.of(term,
        new Tsit5(), 0, t1, y0, theta).controller(TOL).adjoint(adj).forward()
        .backward(new double[][] {w}).theta()[1];
    double restarted = dA01.apply(Adjoint.backsolve().withCheckpointEvery(1));
    double unstable = dA01.apply(Adjoint.backsolve().withoutCheckpoints());
    assertThat(Math.abs(restarted - expected)).as("restarting every step: %s vs %s", restarted,
        expected).isLessThan(1e-4 * Math.abs(expected));
    assertThat(Math.abs(unstable - expected)).as("never restarting: %s vs %s", unstable,
        expected).isGreaterThan(Math.abs(expected));
    DiscreteAdjointTest.assertClose(dA01.apply(Adjoint.interpolating()), expected, REL,
        "interpolating");
    DiscreteAdjointTest.assertClose(dA01.apply(Adjoint.quadrature()), expected, REL,
        "quadrature");
  }

  /**
   * Workload W3's model (torchdiffeq's {@code ode_demo}, dopri5 at rtol 1e-7, atol 1e-9): a batch
   * of 20 windows of the data, each saved at 10 times 99 grid points (2.48) apart, loss = mean
   * |pred − data|. The seminorm (θ̄ left out of the backward error control) takes fewer backward
   * evaluations and gives the same gradient to the tolerance.
   */
  @Test
  void seminormSavesBackwardEvaluationsOnTheOdeDemoModel() {
    double[][] data = OdeDemoModel.data();
    double[] grid = OdeDemoModel.grid();
    int batch = 20;
    int times = 10;
    int stride = 99;
    Random r = new Random(1);
    double[] y0 = new double[2 * batch];
    int[] start = new int[batch];
    for (int b = 0; b < batch; b++) {
      // Windows from the first 10 grid points: the large-amplitude start of the spiral.
      start[b] = r.nextInt(OdeDemoModel.POINTS - times * stride);
      y0[2 * b] = data[start[b]][0];
      y0[2 * b + 1] = data[start[b]][1];
    }
    double[] ts = new double[times];
    for (int i = 0; i < times; i++) {
      ts[i] = grid[i * stride];
    }
    Gradients[] g = new Gradients[2];
    Adjoint[] adjoints = {Adjoint.backsolve(), Adjoint.backsolve().withSeminorm()};
    for (int k = 0; k < 2; k++) {
      Recording rec = GradientSolve.of(OdeDemoModel.model(batch), new Dopri5(), 0,
          ts[times - 1], y0, OdeDemoModel.initialTheta(1)).saveAt(ts)
          .controller(PidController.of(1e-7, 1e-9)).adjoint(adjoints[k]).forward();
      double[][] ys = rec.ys();
      double[][] ybar = new double[times][2 * batch];
      for (int i = 0; i < times; i++) {
        for (int b = 0; b < batch; b++) {
          for (int q = 0; q < 2; q++) {
            ybar[i][2 * b + q] = Math.signum(ys[i][2 * b + q]
                - data[start[b] + i * stride][q]) / (times * batch * 2);
          }
        }
      }
      g[k] = rec.backward(ybar);
    }
    long full = g[0].rateEvaluations() + g[0].vjpEvaluations();
    long semi = g[1].rateEvaluations() + g[1].vjpEvaluations();
    assertThat(semi).as("backward evaluations with seminorm vs without").isLessThan(full);
    double scale = 0;
    double diff = 0;
    for (int i = 0; i < OdeDemoModel.PARAMS; i++) {
      scale = Math.max(scale, Math.abs(g[0].theta()[i]));
      diff = Math.max(diff, Math.abs(g[1].theta()[i] - g[0].theta()[i]));
    }
    assertThat(diff).isLessThan(1e-5 * scale);
  }

  @Test
  void backsolveStoresOnlyTheSavedStates() {
    double[] ts = {1.0, 2.0};
    Recording backsolve = DiscreteAdjointTest.linear(Adjoint.backsolve(), TOL).saveAt(ts)
        .forward();
    Recording interpolating = DiscreteAdjointTest.linear(Adjoint.interpolating(), TOL)
        .saveAt(ts).forward();
    Recording thinned = DiscreteAdjointTest.linear(Adjoint.interpolating()
        .withCheckpointEvery(4), TOL).saveAt(ts).forward();
    double[][] c = new double[ts.length][3];
    c[1] = DiscreteAdjointTest.W;
    for (Recording r : List.of(backsolve, interpolating, thinned)) {
      r.backward(c);
    }
    long steps = backsolve.stats().accepted();
    assertThat(steps).isGreaterThan(15);
    // t0, the save times, and y and λ of the backward pass.
    assertThat(backsolve.peakStoredStates()).isEqualTo(1 + ts.length + 2);
    // Tsit5's dense segments hold 8 states each (y0 and 7 stages).
    assertThat(interpolating.peakStoredStates()).isGreaterThanOrEqualTo(8 * steps);
    assertThat(thinned.peakStoredStates()).isLessThan(interpolating.peakStoredStates() / 2);
  }

  @Test
  void badCombinationsFailBeforeSolvingAndNameAlternatives() {
    GradientSolve p = DiscreteAdjointTest.linear(Adjoint.backsolve(), TOL);
    assertThatThrownBy(() -> p.adjoint(Adjoint.backsolve().withSolver(new Rk4())).forward())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rk4")
        .hasMessageContaining("tsit5").hasMessageContaining("constant step size");
    assertThatThrownBy(() -> p.adjoint(Adjoint.backsolve().withSeminorm()
        .withController(ConstantStepSize.create())).forward())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PidController")
        .hasMessageContaining("BackwardNorm.ALL");
    assertThatThrownBy(() -> Adjoint.interpolating().withNorm(BackwardNorm.STATE_ONLY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SEMINORM")
        .hasMessageContaining("Adjoint.backsolve()");
    assertThatThrownBy(() -> Adjoint.quadrature().withoutCheckpoints())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("withCheckpointEvery");
    assertThatThrownBy(() -> Adjoint.backsolve().withCheckpointEvery(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k ≥ 1");
    assertThatThrownBy(() -> Adjoint.backsolve().withoutCheckpoints().withCheckpointEvery(4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("choose one");
    assertThat(Adjoint.backsolve().withSeminorm().withCheckpointEvery(4).name())
        .isEqualTo("backsolve(seminorm, checkpoints every 4 steps)");
  }
}
