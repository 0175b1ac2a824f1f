package org.nde4j.solve.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.junit.jupiter.api.Test;
import org.nde4j.solve.Fields;
import org.nde4j.solve.solver.rk.Dopri5;
import org.nde4j.solve.stepsize.PidController;

/**
 * Controller parity with Hipparchus 4.0.3 on workload W1a (Lorenz, t ∈ [0, 20], rtol = atol =
 * 1e-8): with Hairer's integral controller both take the same steps.
 */
class HipparchusParityTest {
  @Test
  void dopri5TakesTheStepsOfHipparchusDormandPrince54() {
    double[] y0 = {1, 1, 1};
    int[] hipparchusSteps = new int[1];
    OrdinaryDifferentialEquation lorenz = new OrdinaryDifferentialEquation() {
      @Override
      public int getDimension() {
        return 3;
      }

      @Override
      public double[] computeDerivatives(double t, double[] y) {
        return new double[] {10 * (y[1] - y[0]), y[0] * (28 - y[2]) - y[1],
            y[0] * y[1] - 8.0 / 3 * y[2]};
      }
    };
    DormandPrince54Integrator dp = new DormandPrince54Integrator(0, Double.POSITIVE_INFINITY,
        1e-8, 1e-8);
    dp.addStepHandler((interpolator) -> hipparchusSteps[0]++);
    ODEStateAndDerivative end = dp.integrate(lorenz, new ODEState(0, y0), 20);

    Solution s = Solve.of(Fields.lorenz(), new Dopri5(), 0, 20, y0)
        .controller(PidController.of(1e-8, 1e-8)).run();
    assertThat(s.status()).isEqualTo(Status.SUCCESS);
    assertThat((double) s.stats().accepted()).isCloseTo(hipparchusSteps[0],
        within(0.02 * hipparchusSteps[0]));
    assertThat((double) s.stats().nfe()).isCloseTo(dp.getEvaluations(),
        within(0.02 * dp.getEvaluations()));
    // Lorenz is chaotic on [0, 20]: identical step sequences keep the two within ~1e-4.
    for (int i = 0; i < 3; i++) {
      assertThat(s.yEnd()[i]).isCloseTo(end.getPrimaryState()[i], within(1e-3));
    }
  }
}
