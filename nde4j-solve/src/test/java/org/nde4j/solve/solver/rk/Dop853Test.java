package org.nde4j.solve.solver.rk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.OdeTerm;

/** DOP853 on reference problems, and against Hipparchus's DormandPrince853Integrator. */
class Dop853Test {
  private static final double MU = 0.012277471;
  private static final double PERIOD = 17.0652165601579625588917206249;
  private static final double[] ARENSTORF_Y0 = {0.994, 0, 0, -2.00158510637908252240537862224};

  private static void arenstorf(double[] y, double[] dy) {
    double mu1 = 1 - MU;
    double d1 = Math.pow((y[0] + MU) * (y[0] + MU) + y[1] * y[1], 1.5);
    double d2 = Math.pow((y[0] - mu1) * (y[0] - mu1) + y[1] * y[1], 1.5);
    dy[0] = y[2];
    dy[1] = y[3];
    dy[2] = y[0] + 2 * y[3] - mu1 * (y[0] + MU) / d1 - MU * (y[0] - mu1) / d2;
    dy[3] = y[1] - 2 * y[2] - mu1 * y[1] / d1 - MU * y[1] / d2;
  }

  private static void lorenz(double[] y, double[] dy) {
    dy[0] = 10 * (y[1] - y[0]);
    dy[1] = y[0] * (28 - y[2]) - y[1];
    dy[2] = y[0] * y[1] - 8.0 / 3 * y[2];
  }

  @Test
  void arenstorfOrbitCloses() {
    OdeTerm term = OdeTerm.of(4, (t, y, dy) -> arenstorf(y, dy));
    Solution s = Solve.of(term, new Dop853(), 0, PERIOD, ARENSTORF_Y0)
        .controller(PidController.of(1e-12, 1e-12)).maxSteps(100_000).run();
    assertThat(s.status().isSuccess()).isTrue();
    for (int i = 0; i < 4; i++) {
      assertThat(s.yEnd()[i]).as("y%d(T)", i + 1).isCloseTo(ARENSTORF_Y0[i], within(1e-8));
    }
  }

  /**
   * Same controller as Hipparchus (integral, safety 0.9, factors 0.2 … 10, exponent 1/8, Hairer's
   * starting step with order 8, weighted RMS of the 8(5,3) estimate), so the step sequences are
   * the same: 574 attempts, 449 accepted. The evaluation counts differ by design: Hipparchus
   * evaluates all 16 stages (the 3 dense-output ones included) on every attempt, 15 new ones per
   * step, 574 × 15 + 2 = 8612 (workloads.md W1); the engine evaluates the dense-output stages only
   * when a step is interpolated, 12 per step, 574 × 12 + 3 = 6891.
   */
  @Test
  void lorenzMatchesHipparchus() {
    double[] y0 = {1, 1, 1};
    OdeTerm term = OdeTerm.of(3, (t, y, dy) -> lorenz(y, dy));
    Solution ours = Solve.of(term, new Dop853(), 0, 20, y0)
        .controller(PidController.of(1e-8, 1e-8)).maxSteps(1_000_000).run();

    long[] evals = {0};
    OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
      @Override
      public int getDimension() {
        return 3;
      }

      @Override
      public double[] computeDerivatives(double t, double[] y) {
        evals[0]++;
        double[] dy = new double[3];
        lorenz(y, dy);
        return dy;
      }
    };
    DormandPrince853Integrator dp = new DormandPrince853Integrator(0, 20, 1e-8, 1e-8);
    long[] accepted = {0};
    dp.addStepHandler((interpolator) -> accepted[0]++);
    ODEStateAndDerivative end = dp.integrate(ode, new ODEState(0, y0.clone()), 20);
    long hipparchusNfe = dp.getEvaluations();

    assertThat(hipparchusNfe).isEqualTo(8612);
    long hipparchusAttempts = (hipparchusNfe - 2) / 15;
    long attempts = ours.stats().accepted() + ours.stats().rejected();
    assertThat((double) attempts).as("attempted steps vs Hipparchus's %d", hipparchusAttempts)
        .isCloseTo(hipparchusAttempts, within(0.02 * hipparchusAttempts));
    assertThat(ours.stats().nfe()).isEqualTo(12 * attempts + 3);
    assertThat(ours.stats().accepted()).isEqualTo(accepted[0]);
    for (int i = 0; i < 3; i++) {
      assertThat(ours.yEnd()[i]).as("y%d(20)", i + 1)
          .isCloseTo(end.getPrimaryState()[i], within(1e-6));
    }
  }
}
