package org.nde4j.solve.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.solve.Fields;
import org.nde4j.solve.solver.rk.Dopri5;
import org.nde4j.solve.solver.rk.Rk4;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.ClipController;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.stepsize.StepToGrid;
import org.nde4j.solve.term.OdeTerm;

class SolveBehaviourTest {
  private static final double[] ONE = {1};

  @Test
  void reverseTimeSolveReturnsToTheStart() {
    PidController pid = PidController.of(1e-11, 1e-11);
    Solution fwd = Solve.of(Fields.detestA3(), new Tsit5(), 0, 10, ONE).controller(pid).run();
    assertThat(fwd.yEnd()[0]).isCloseTo(Math.exp(Math.sin(10)), within(1e-9));
    Solution back = Solve.of(Fields.detestA3(), new Tsit5(), 10, 0, fwd.yEnd()).controller(pid)
        .saveAt(SaveAt.ts(7, 3).withT1()).run();
    assertThat(back.status()).isEqualTo(Status.SUCCESS);
    assertThat(back.y(0)[0]).isCloseTo(Math.exp(Math.sin(7)), within(1e-9));
    assertThat(back.y(1)[0]).isCloseTo(Math.exp(Math.sin(3)), within(1e-9));
    assertThat(back.yEnd()[0]).isCloseTo(1, within(1e-9));
  }

  @Test
  void jumpTimesPreventARejectedStepStorm() {
    // y' = −y before t = 1 and +5 after: a kink the error estimate hates.
    OdeTerm term = OdeTerm.of(1, (t, y, dy) -> dy[0] = t < 1 ? -y[0] : 5);
    PidController pid = PidController.of(1e-10, 1e-10);
    Solution plain = Solve.of(term, new Dopri5(), 0, 2, ONE).controller(pid).run();
    Solution clipped = Solve.of(term, new Dopri5(), 0, 2, ONE)
        .controller(ClipController.of(pid, null, new double[] {1})).run();
    double exact = Math.exp(-1) + 5;
    assertThat(clipped.yEnd()[0]).isCloseTo(exact, within(1e-9));
    assertThat(clipped.stats().rejected()).isLessThanOrEqualTo(2);
    assertThat(plain.stats().rejected()).isGreaterThan(clipped.stats().rejected() + 5);
  }

  @Test
  void stepTimesAreHitExactly() {
    PidController pid = PidController.of(1e-6, 1e-6);
    Solution s = Solve.of(Fields.detestA3(), new Dopri5(), 0, 5, ONE)
        .controller(ClipController.of(pid, new double[] {1.2345, 3.3}, null))
        .saveAt(SaveAt.steps()).run();
    double[] ts = s.ts();
    assertThat(ts).contains(1.2345, 3.3, 5.0);
  }

  @Test
  void nanFromTheRightHandSideIsNamedWithItsTime() {
    OdeTerm term = OdeTerm.of(2, (t, y, dy) -> {
      dy[0] = 1;
      dy[1] = Math.sqrt(1 - t);
    });
    Solution s = Solve.of(term, new Tsit5(), 0, 3, new double[] {0, 0})
        .stateNames("x", "w").run();
    assertThat(s.status()).isEqualTo(Status.NONFINITE);
    assertThat(s.diagnosis().component()).isEqualTo(1);
    assertThat(s.diagnosis().message()).contains("w (component 1)");
    assertThat(s.tEnd()).isBetween(0.9, 1.0);
    assertThat(s.yEnd()[0]).isCloseTo(s.tEnd(), within(1e-9));
    assertThat(s.stats().rejectedNonFinite()).isPositive();
    assertThat(s.stats().rejectedByError() + s.stats().rejectedNonFinite())
        .isEqualTo(s.stats().rejected());
  }

  @Test
  void fixedStepNanEndsTheSolveAtOnce() {
    OdeTerm term = OdeTerm.of(1, (t, y, dy) -> dy[0] = t > 0.5 ? Double.NaN : 1);
    Solution s = Solve.of(term, new Rk4(), 0, 1, ONE).dt0(0.1).run();
    assertThat(s.status()).isEqualTo(Status.NONFINITE);
    assertThat(s.tEnd()).isCloseTo(0.5, within(0.11));
  }

  @Test
  void maxStepsReportsHowFarItGot() {
    Solution s = Solve.of(Fields.detestA3(), new Dopri5(), 0, 100, ONE).maxSteps(10)
        .controller(PidController.of(1e-10, 1e-10)).run();
    assertThat(s.status()).isEqualTo(Status.MAX_STEPS);
    assertThat(s.stats().steps()).isEqualTo(10);
    assertThat(s.tEnd()).isGreaterThan(0).isLessThan(100);
    assertThat(s.diagnosis().message()).contains("Used all 10 steps").contains("t = " + s.tEnd());
    assertThatThrownBy(() -> Solve.of(Fields.detestA3(), new Dopri5(), 0, 100, ONE).maxSteps(10)
        .throwOnFailure(true).run())
        .isInstanceOf(SolveException.class).hasMessageContaining("MAX_STEPS")
        .satisfies(e -> assertThat(((SolveException) e).solution().tEnd()).isGreaterThan(0));
  }

  @Test
  void blowUpEndsInStepUnderflow() {
    // y' = y², y(0) = 1: y = 1/(1 − t) blows up at t = 1.
    OdeTerm term = OdeTerm.of(1, (t, y, dy) -> dy[0] = y[0] * y[0]);
    Solution s = Solve.of(term, new Dopri5(), 0, 2, ONE).controller(PidController.of(1e-8, 1e-8))
        .run();
    assertThat(s.status()).isIn(Status.DT_UNDERFLOW, Status.NONFINITE);
    assertThat(s.tEnd()).isCloseTo(1, within(1e-3));
  }

  @Test
  void blowUpEndsWithAnExplainingStatusForImplicitMethodsToo() {
    OdeTerm term = OdeTerm.of(1, (t, y, dy) -> dy[0] = y[0] * y[0]);
    for (String name : new String[] {"rodas5p", "kvaerno5", "bdf", "auto"}) {
      Solution s = Solve.of(term, org.nde4j.solve.solver.SolverCatalogue.byName(name), 0, 2, ONE)
          .controller(PidController.of(1e-8, 1e-8)).run();
      assertThat(s.status()).as(name)
          .isIn(Status.DT_UNDERFLOW, Status.NONFINITE, Status.NONLINEAR_SOLVE_FAILED);
      assertThat(s.tEnd()).as(name).isCloseTo(1, within(1e-3));
      assertThat(s.diagnosis().message()).as(name).contains("t = " + s.tEnd());
    }
  }

  @Test
  void stiffnessIsDetectedAndSuggested() {
    Solution s = Solve.of(Fields.vanDerPol(1000), new Dopri5(), 0, 3000, new double[] {2, 0})
        .controller(PidController.of(1e-6, 1e-10)).maxSteps(20_000).run();
    assertThat(s.status()).isEqualTo(Status.MAX_STEPS);
    assertThat(s.stats().stiffnessDetected()).isTrue();
    assertThat(s.diagnosis().suggestion()).contains("stiff");
    Solution easy = Solve.of(Fields.vanDerPol(1), new Dopri5(), 0, 10, new double[] {2, 0})
        .controller(PidController.of(1e-8, 1e-8)).run();
    assertThat(easy.stats().stiffnessDetected()).isFalse();
  }

  @Test
  void saveAtVariants() {
    PidController pid = PidController.of(1e-10, 1e-10);
    Solution s = Solve.of(Fields.detestA3(), new Tsit5(), 0, 4, ONE).controller(pid)
        .saveAt(SaveAt.ts(0, 0.5, 0.5, 2, 4).withFunction((t, y) -> new double[] {y[0], t}))
        .run();
    assertThat(s.ts()).containsExactly(0, 0.5, 0.5, 2, 4);
    for (int i = 0; i < s.size(); i++) {
      assertThat(s.y(i)[0]).isCloseTo(Math.exp(Math.sin(s.t(i))), within(1e-9));
      assertThat(s.y(i)[1]).isEqualTo(s.t(i));
    }
    Solution steps = Solve.of(Fields.detestA3(), new Tsit5(), 0, 4, ONE).controller(pid)
        .saveAt(SaveAt.steps()).run();
    assertThat(steps.size()).isEqualTo(steps.stats().accepted() + 1);
    assertThat(steps.t(0)).isEqualTo(0);
    assertThat(steps.t(steps.size() - 1)).isEqualTo(4);
    Solution both = Solve.of(Fields.detestA3(), new Tsit5(), 0, 4, ONE).controller(pid)
        .saveAt(SaveAt.t0t1()).run();
    assertThat(both.ts()).containsExactly(0, 4);
    assertThatThrownBy(() -> new Solution(new double[0], new double[0][], 0, ONE,
        java.util.List.of(), null, null, null, "x").evaluate(1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("withDense");
  }

  @Test
  void fixedStepControllers() {
    Solution c = Solve.of(Fields.detestA3(), new Rk4(), 0, 1, ONE).dt0(0.1)
        .saveAt(SaveAt.steps()).run();
    assertThat(c.size()).isEqualTo(11);
    assertThat(c.t(10)).isEqualTo(1.0);
    assertThat(c.t(3)).isEqualTo(0.30000000000000004);
    Solution g = Solve.of(Fields.detestA3(), new Rk4(), 0, 1, ONE)
        .controller(StepToGrid.of(0, 0.1, 0.5, 0.7, 1)).saveAt(SaveAt.steps()).run();
    assertThat(g.ts()).containsExactly(0, 0.1, 0.5, 0.7, 1);
    assertThat(g.stats().nfe()).isEqualTo(16);
  }

  @Test
  void badInputIsNamed() {
    OdeTerm term = Fields.detestA3();
    assertThatThrownBy(() -> Solve.of(term, new Tsit5(), 0, 1, new double[] {Double.NaN}))
        .hasMessageContaining("y0[0] is NaN");
    assertThatThrownBy(() -> Solve.of(term, new Tsit5(), 0, 1, new double[] {1, 2}))
        .hasMessageContaining("y0 has 2 values but the term acts on 1");
    assertThatThrownBy(() -> Solve.of(term, new Tsit5(), 0, Double.POSITIVE_INFINITY, ONE))
        .hasMessageContaining("t1=Infinity");
    assertThatThrownBy(() -> Solve.of(term, new Tsit5(), 0, 1, ONE).saveAt(SaveAt.ts(0.5, 2))
        .run()).hasMessageContaining("ts[1] = 2.0 is outside");
    assertThatThrownBy(() -> Solve.of(term, new Tsit5(), 0, 1, ONE).saveAt(SaveAt.ts(0.5, 0.2))
        .run()).hasMessageContaining("non-decreasing");
    assertThatThrownBy(() -> Solve.of(term, new Rk4(), 0, 1, ONE)
        .controller(PidController.of(1e-6, 1e-6)).run()).hasMessageContaining("rk4")
        .hasMessageContaining("needs an error estimate");
    assertThatThrownBy(() -> Solve.of(term, new Rk4(), 0, 1, ONE).run())
        .hasMessageContaining("dt0 must be a finite positive number");
    assertThatThrownBy(() -> PidController.of(-1, 1e-6)).hasMessageContaining("rtol=-1.0");
    assertThatThrownBy(() -> Solve.of(term, new Rk4(), 0, 1, ONE)
        .controller(ConstantStepSize.create()).dt0(-0.1).run()).hasMessageContaining("-0.1");
  }

  @Test
  void zeroLengthSolveReturnsTheInitialState() {
    Solution s = Solve.of(Fields.detestA3(), new Tsit5(), 2, 2, new double[] {3}).run();
    assertThat(s.status()).isEqualTo(Status.SUCCESS);
    assertThat(s.yEnd()).containsExactly(3);
  }

  /** Finite states whose sum overflows are finite: the step is taken, not rejected. */
  @Test
  void aStateNearTheLargestDoubleIsStillFinite() {
    double big = 0.75 * Double.MAX_VALUE;
    OdeTerm term = OdeTerm.of(2, (t, y, dy) -> {
      dy[0] = 0;
      dy[1] = 0;
    });
    // a fixed-step method: no error estimate, so the finiteness check alone judges the step
    Solution s = Solve.of(term, new Rk4(), 0, 1, new double[] {big, big}).dt0(0.25)
        .controller(ConstantStepSize.create()).run();
    assertThat(s.status()).isEqualTo(Status.SUCCESS);
    assertThat(s.yEnd()).containsExactly(big, big);
  }
}
