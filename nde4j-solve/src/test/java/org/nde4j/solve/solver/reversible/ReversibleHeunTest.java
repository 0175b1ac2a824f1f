package org.nde4j.solve.solver.reversible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.solve.Fields;
import org.nde4j.solve.integrate.SaveAt;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.solver.SolverCatalogue;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.OdeTerm;
import org.nde4j.testkit.problems.ConvergenceOrder;

class ReversibleHeunTest {
  /** y1' = y1 cos t (y1 = e^{sin t}), y2' = −sin t + (y2 − cos t)² (y2 = cos t). */
  private static final OdeTerm NONLINEAR = OdeTerm.of(2, (t, y, dy) -> {
    dy[0] = y[0] * Math.cos(t);
    double d = y[1] - Math.cos(t);
    dy[1] = -Math.sin(t) + d * d;
  });

  /** The pendulum q'' = −sin q as a first-order system: conservative, nonlinear. */
  private static final OdeTerm PENDULUM = OdeTerm.of(2, (t, y, dy) -> {
    dy[0] = y[1];
    dy[1] = -Math.sin(y[0]);
  });

  private static double[] exact(double t) {
    return new double[] {Math.exp(Math.sin(t)), Math.cos(t)};
  }

  @Test
  void isInTheCatalogue() {
    var s = SolverCatalogue.byName("reversible_heun");
    assertThat(s).isInstanceOf(ReversibleHeun.class);
    assertThat(s.order()).isEqualTo(2);
    assertThat(s.errorOrder()).isEqualTo(1);
    assertThat(s.interpolationOrder()).isEqualTo(2);
  }

  @Test
  void convergesAtOrderTwoOnANonlinearProblem() {
    int[] steps = {32, 64, 128, 256, 512};
    double[] hs = new double[steps.length];
    double[] errs = new double[steps.length];
    for (int i = 0; i < steps.length; i++) {
      hs[i] = 4.0 / steps[i];
      Solution s = Solve.of(NONLINEAR, new ReversibleHeun(), 0, 4, exact(0)).dt0(hs[i])
          .controller(ConstantStepSize.create()).run();
      assertThat(s.stats().accepted()).isEqualTo(steps[i]);
      // One evaluation per step, plus the first.
      assertThat(s.stats().nfe()).isEqualTo(steps[i] + 1);
      double[] ex = exact(4);
      errs[i] = Math.max(Math.abs(s.yEnd()[0] - ex[0]), Math.abs(s.yEnd()[1] - ex[1]));
    }
    assertThat(ConvergenceOrder.estimate(hs, errs).order()).isCloseTo(2, within(0.1));
  }

  @Test
  void stepsBackExactlyToTheStart() {
    ReversibleHeun solver = new ReversibleHeun();
    ReversibleStepper st = solver.stepper(PENDULUM);
    double[] y0 = {1.2, 0.3};
    double[] y = y0.clone();
    double[] y1 = new double[2];
    double h = 0.01;
    int steps = 2000;
    double t = 0;
    for (int k = 0; k < steps; k++) {
      st.attempt(t, h, y, y1, null);
      st.accept();
      double[] swap = y;
      y = y1;
      y1 = swap;
      t += h;
    }
    double[] yHat = new double[2];
    double[] f = new double[2];
    st.auxiliary(yHat, f);
    // The orbit went somewhere else: the reconstruction below is not trivial.
    assertThat(Math.abs(y[0] - y0[0])).isGreaterThan(0.1);
    assertThat(Math.abs(yHat[0] - y[0])).isGreaterThan(1e-8).isLessThan(1e-3);
    for (int k = 0; k < steps; k++) {
      st.backwardStep(t, h, y, yHat, f, y, yHat, f);
      t -= h;
    }
    for (int i = 0; i < 2; i++) {
      assertThat(y[i]).as("y[%d]", i).isCloseTo(y0[i], within(1e-12 * Math.abs(y0[i])));
      // ŷ started as y0.
      assertThat(yHat[i]).as("ŷ[%d]", i).isCloseTo(y0[i], within(1e-12 * Math.abs(y0[i])));
    }
    assertThat(f[1]).isCloseTo(-Math.sin(y0[0]), within(1e-12));
  }

  @Test
  void carriesTheAuxiliaryStateAndForgetsItOnRestart() {
    ReversibleStepper st = new ReversibleHeun().stepper(PENDULUM);
    assertThat(st.hasAuxiliary()).isFalse();
    assertThatThrownBy(() -> st.auxiliary(new double[2], new double[2]))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("reversible_heun");
    double[] y0 = {1, 0};
    double[] y1 = new double[2];
    st.attempt(0, 0.1, y0, y1, null);
    double[] yHat = new double[2];
    double[] f = new double[2];
    st.auxiliary(yHat, f);
    assertThat(yHat).containsExactly(y0); // a rejected or pending attempt changes nothing
    st.accept();
    st.auxiliary(yHat, f);
    // ŷ1 = 2y0 − ŷ0 + h f(ŷ0) = y0 + h f(y0): an Euler step from the start.
    assertThat(yHat).containsExactly(1, 0.1 * -Math.sin(1));
    assertThat(f).containsExactly(0.1 * -Math.sin(1), -Math.sin(1));
    st.restart();
    assertThat(st.hasAuxiliary()).isFalse();
    st.attempt(0.1, 0.1, y1.clone(), new double[2], null);
    st.auxiliary(yHat, f);
    assertThat(yHat).containsExactly(y1);
    assertThat(st.evaluations()).isEqualTo(4);
  }

  @Test
  void solvesAdaptivelyWithThePidController() {
    for (double tol : new double[] {1e-4, 1e-6, 1e-8}) {
      Solution s = Solve.of(Fields.detestA3(), new ReversibleHeun(), 0, 10, new double[] {1})
          .controller(PidController.of(tol, tol)).saveAt(SaveAt.ts(2.5, 5, 10).withDense())
          .run();
      assertThat(s.status()).isEqualTo(Status.SUCCESS);
      for (int i = 0; i < s.size(); i++) {
        assertThat(s.y(i)[0]).as("tol %s, t = %s", tol, s.t(i))
            .isCloseTo(Math.exp(Math.sin(s.t(i))), within(10 * tol));
      }
      assertThat(s.evaluate(7.3)[0]).isCloseTo(Math.exp(Math.sin(7.3)), within(10 * tol));
      // One evaluation per attempted step, plus the first (and the initial-step heuristic's).
      assertThat(s.stats().nfe()).isLessThanOrEqualTo(s.stats().steps() + 3);
    }
  }
}
