package org.nde4j.solve.solver.implicit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nde4j.solve.Problems;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.Jacobian;
import org.nde4j.solve.term.Term;
import org.nde4j.testkit.problems.Accuracy;
import org.nde4j.testkit.problems.VanDerPolStiff;

/** Failed Newton iterations reject steps; bad Jacobians end with an explaining status. */
class EsdirkFailureTest {
  /** A first step of the whole interval on VDPOL: Newton fails, the step shrinks, all is well. */
  @Test
  void hugeFirstStepIsRejectedNotThrown() {
    VanDerPolStiff p = VanDerPolStiff.scaled();
    Solution s = Solve.of(Problems.term(p), new Kvaerno5(), 0, p.t1(), p.y0()).dt0(2)
        .controller(PidController.of(1e-6, 1e-6)).maxSteps(100_000).run();
    assertThat(s.status()).isEqualTo(Status.SUCCESS);
    assertThat(s.stats().work().newtonFailures()).isPositive();
    assertThat(s.stats().rejected()).isGreaterThanOrEqualTo(s.stats().work().newtonFailures());
    assertThat(Accuracy.mescd(s.yEnd(), p.reference(), 1e-6, 1e-6)).isGreaterThan(4.5);
  }

  /** y' = −y with a Jacobian that turns NaN (or infinite) for t > 1. */
  static Term badJacobianAfterOne(double bad) {
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
          private long count;

          @Override
          public void evaluate(double t, double[] y, double[] out) {
            count++;
            java.util.Arrays.fill(out, 0);
            out[0] = t > 1 ? bad : -1;
            out[3] = -2;
          }

          @Override
          public long rateEvaluations() {
            return 0;
          }

          @Override
          public long evaluations() {
            return count;
          }
        };
      }
    };
  }

  @Test
  void nonFiniteJacobianEndsAsNonlinearSolveFailure() {
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
      Solution s = Solve.of(badJacobianAfterOne(bad), new Kvaerno3(JacobianReuse.EVERY_STAGE), 0,
          5, new double[] {1, 1}).controller(PidController.of(1e-6, 1e-6)).run();
      assertThat(s.status()).as("J = %s", bad).isEqualTo(Status.NONLINEAR_SOLVE_FAILED);
      assertThat(s.diagnosis().tReached()).as("got as far as t = 1").isBetween(0.9, 1.0);
      assertThat(s.diagnosis().cause()).contains("Newton");
      assertThat(s.stats().work().newtonFailures()).isPositive();
    }
  }

  /** A singular Jacobian is no obstacle: W = I − γhJ stays regular. */
  @Test
  void singularJacobianStillSolves() {
    // y1' = y2², y2' = −y2: J = [[0, 2y2], [0, −1]] is singular everywhere.
    Term term = org.nde4j.solve.term.OdeTerm.of(2, (t, y, dy) -> {
      dy[0] = y[1] * y[1];
      dy[1] = -y[1];
    });
    Solution s = Solve.of(term, new Kvaerno4(), 0, 2, new double[] {0, 1})
        .controller(PidController.of(1e-8, 1e-10)).run();
    assertThat(s.status()).isEqualTo(Status.SUCCESS);
    // y2 = e^{−t}, y1 = (1 − e^{−2t})/2
    assertThat(Math.abs(s.yEnd()[0] - (1 - Math.exp(-4)) / 2)).isLessThan(1e-6);
  }
}
