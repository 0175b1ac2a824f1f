package org.nde4j.solve.solver.bdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nde4j.solve.Problems;
import org.nde4j.solve.event.Direction;
import org.nde4j.solve.event.Event;
import org.nde4j.solve.integrate.SaveAt;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.stepsize.ClipController;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.Jacobian;
import org.nde4j.solve.term.OdeTerm;
import org.nde4j.solve.term.Term;
import org.nde4j.testkit.AllocationProbe;
import org.nde4j.testkit.problems.Rober;
import org.nde4j.testkit.problems.StiffLinear;
import org.nde4j.testkit.problems.VanDerPolStiff;

/** BDF inside the integrate loop: outputs, events, direction, failures, allocation. */
class BdfBehaviourTest {
  /**
   * SaveAt.ts on StiffLinear (exact solution): values interpolated from the BDF polynomial are
   * as accurate as the steps themselves (max error 1e-5 at rtol = 1e-6, atol = 1e-8), and the
   * dense output, kept with withDense, agrees with them.
   */
  @Test
  void saveAtTsAndDenseOutputFollowTheExactSolution() {
    StiffLinear p = StiffLinear.standard();
    double[] ts = new double[37];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = 1e-4 + i / 36.0 * (1 - 1e-4);
    }
    for (Bdf solver : new Bdf[] {new Bdf(), Bdf.ndf()}) {
      Solution s = Solve.of(Problems.term(p), solver, 0, 1, p.y0())
          .controller(PidController.of(1e-6, 1e-8)).saveAt(SaveAt.ts(ts).withDense()).run();
      assertThat(s.status()).isEqualTo(Status.SUCCESS);
      assertThat(s.size()).isEqualTo(ts.length);
      double worst = 0;
      for (int i = 0; i < ts.length; i++) {
        double[] exact = p.exact(ts[i]).orElseThrow();
        worst = Math.max(worst, Problems.maxAbsDiff(s.y(i), exact));
        assertThat(Problems.maxAbsDiff(s.evaluate(ts[i]), s.y(i))).isLessThan(1e-14);
        double tm = ts[i] * 0.93;
        assertThat(Problems.maxAbsDiff(s.evaluate(tm), p.exact(tm).orElseThrow()))
            .as("dense at %s", tm).isLessThan(2e-5);
      }
      assertThat(worst).as(solver.name()).isLessThan(1e-5);
    }
  }

  /**
   * A ball dropped from 10 m bouncing with restitution 0.9 (the polynomial solution is
   * reproduced exactly by BDF of order ≥ 2, not by the order-1 restart steps, whose error is
   * controlled to the tolerance): the bounce times are analytic, t1 = sqrt(2 h0/g), then flights
   * of 2 e^k v1/g. Each bounce resets the state and restarts BDF at order 1.
   */
  @Test
  void eventsWithResetsRestartTheHistory() {
    double g = 9.81;
    double e = 0.9;
    OdeTerm ball = OdeTerm.of(2, (t, y, dy) -> {
      dy[0] = y[1];
      dy[1] = -g;
    });
    Event ground = Event.when("ground", (t, y) -> y[0]).direction(Direction.FALLING)
        .reset((t, y) -> {
          y[0] = 0;
          y[1] = -e * y[1];
        });
    Solution s = Solve.of(ball, new Bdf(), 0, 10, new double[] {10, 0})
        .controller(PidController.of(1e-8, 1e-8)).events(ground).saveAt(SaveAt.ts(0.5, 9.9))
        .run();
    assertThat(s.status()).isEqualTo(Status.SUCCESS);
    double t1 = Math.sqrt(2 * 10 / g);
    double v1 = g * t1;
    double expected = t1;
    for (int k = 0; k < 4; k++) {
      assertThat(s.events().get(k).t()).as("bounce %d", k).isCloseTo(expected, within(1e-6));
      expected += 2 * Math.pow(e, k + 1) * v1 / g;
    }
    assertThat(s.y(0)[0]).isCloseTo(10 - g * 0.125, within(1e-6 * 10));
  }

  /** A terminal event on ROBER: y2 peaks (y2' = 0, falling) near t ≈ 0.0034 (y2 ≈ 3.65e-5). */
  @Test
  void terminalEventOnAStiffProblem() {
    Term term = StiffTerms.withJacobian(new Rober(), StiffTerms::roberJacobian);
    double[] dy = new double[3];
    Event peak = Event.when("y2 peak", (t, y) -> {
      new Rober().rhs(t, y, dy);
      return dy[1];
    }).direction(Direction.FALLING).terminal(true);
    Solution s = Solve.of(term, new Bdf(), 0, 1, new double[] {1, 0, 0})
        .controller(PidController.of(1e-8, 1e-14)).events(peak).run();
    assertThat(s.status()).isEqualTo(Status.EVENT);
    assertThat(s.tEnd()).isBetween(1e-3, 1e-2);
    assertThat(s.yEnd()[1]).isCloseTo(3.65e-5, within(0.01e-5));
  }

  /** Backward in time: y' = y·cos t (exact e^{sin t}) from 3 back to −2, with outputs and dense. */
  @Test
  void backwardInTime() {
    OdeTerm term = OdeTerm.of(1, (t, y, dy) -> dy[0] = y[0] * Math.cos(t));
    Solution back = Solve.of(term, new Bdf(), 3, -2, new double[] {Math.exp(Math.sin(3))})
        .controller(PidController.of(1e-8, 1e-10)).saveAt(SaveAt.ts(1.0, -1.5).withDense())
        .run();
    assertThat(back.status()).isEqualTo(Status.SUCCESS);
    assertThat(back.yEnd()[0]).isCloseTo(Math.exp(Math.sin(-2)), within(1e-6));
    assertThat(back.y(0)[0]).isCloseTo(Math.exp(Math.sin(1.0)), within(1e-6));
    assertThat(back.evaluate(0.3)[0]).isCloseTo(Math.exp(Math.sin(0.3)), within(1e-6));
  }

  /** A jump declared to the clip controller restarts BDF there; the solve stays accurate. */
  @Test
  void clippedJumpRestarts() {
    OdeTerm term = OdeTerm.of(1, (t, y, dy) -> dy[0] = -1000 * (y[0] - (t < 1 ? 0 : 1)));
    Solution s = Solve.of(term, new Bdf(), 0, 2, new double[] {1})
        .controller(ClipController.of(PidController.of(1e-7, 1e-9), null, new double[] {1}))
        .run();
    assertThat(s.status()).isEqualTo(Status.SUCCESS);
    assertThat(s.yEnd()[0]).isCloseTo(1, within(1e-6));
  }

  /**
   * A hard start: ROBER with dt0 = 1e3 (the Newton iteration cannot converge at that step) still
   * succeeds; the failed iterations are counted and cost rejected steps, not the solve.
   */
  @Test
  void hardStartEndsInSuccessAfterNewtonFailures() {
    Rober p = new Rober(1e5);
    Solution s = Solve.of(StiffTerms.withJacobian(p, StiffTerms::roberJacobian), new Bdf(), 0,
        1e5, p.y0()).dt0(1e3).controller(PidController.of(1e-6, 1e-10)).run();
    assertThat(s.status()).isEqualTo(Status.SUCCESS);
    assertThat(s.stats().work().newtonFailures()).isGreaterThan(0);
    assertThat(Math.abs(s.yEnd()[0] - 0.017865921144158654)).isLessThan(1e-6);
  }

  /** A Jacobian with a NaN never factors: the solve ends NONLINEAR_SOLVE_FAILED where it began. */
  @Test
  void nanJacobianEndsWithAnExplainingStatus() {
    Solution s = Solve.of(badJacobian(Double.NaN), new Bdf(), 1, 2, new double[] {1, 1})
        .controller(PidController.of(1e-6, 1e-8)).run();
    assertThat(s.status()).isEqualTo(Status.NONLINEAR_SOLVE_FAILED);
    assertThat(s.tEnd()).isEqualTo(1);
    assertThat(s.diagnosis().toString()).contains("Jacobian");
  }

  /**
   * A Jacobian with all entries 1e300: {@code I − cJ} is singular to working precision for every
   * step the loop can take (rank one after rounding), so Newton never runs.
   */
  @Test
  void singularIterationMatrixEndsWithAnExplainingStatus() {
    Solution s = Solve.of(badJacobian(1e300), new Bdf(), 1, 2, new double[] {1, 1})
        .controller(PidController.of(1e-6, 1e-8)).run();
    assertThat(s.status()).isEqualTo(Status.NONLINEAR_SOLVE_FAILED);
    assertThat(s.stats().work().newtonFailures()).isGreaterThan(0);
  }

  private static Term badJacobian(double entry) {
    return new Term() {
      @Override
      public int size() {
        return 2;
      }

      @Override
      public void rate(double t, double[] y, double[] dy) {
        dy[0] = -y[0];
        dy[1] = -2 * y[1];
      }

      @Override
      public Jacobian jacobian() {
        return new Jacobian() {
          private long n;

          @Override
          public void evaluate(double t, double[] y, double[] out) {
            n++;
            java.util.Arrays.fill(out, entry);
          }

          @Override
          public long rateEvaluations() {
            return 0;
          }

          @Override
          public long evaluations() {
            return n;
          }
        };
      }
    };
  }

  /**
   * No allocation per step after warm-up: adaptive solves of Van der Pol μ = 1000 (finite-
   * difference Jacobian) over [0, 500] and [0, 2000] allocate the same per solve up to less than
   * one byte per extra step.
   */
  @Test
  void noAllocationPerStep() {
    Assumptions.assumeTrue(AllocationProbe.supported());
    VanDerPolStiff p = VanDerPolStiff.unscaled();
    OdeTerm term = Problems.term(p);
    PidController c = PidController.of(1e-6, 1e-9);
    Bdf solver = new Bdf();
    long shortSteps = Solve.of(term, solver, 0, 500, p.y0()).controller(c).run().stats().steps();
    long longSteps = Solve.of(term, solver, 0, 2000, p.y0()).controller(c).run().stats().steps();
    Runnable shortSolve = () -> Solve.of(term, solver, 0, 500, p.y0()).controller(c).run();
    Runnable longSolve = () -> Solve.of(term, solver, 0, 2000, p.y0()).controller(c).run();
    double a = AllocationProbe.bytesPerCallAfterWarmup(shortSolve, 5, 2.0);
    double b = AllocationProbe.bytesPerCallAfterWarmup(longSolve, 5, 2.0);
    assertThat(longSteps - shortSteps).isGreaterThan(500);
    assertThat((b - a) / (longSteps - shortSteps)).as("bytes per step").isLessThan(1);
  }
}
