package org.nde4j.solve.solver.rosenbrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.stepsize.ErrorNorm;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.Term;

/** A singular or non-finite iteration matrix rejects the step; it never throws. */
class RosenbrockFailureTest {
  /**
   * y' = y with dt0 = 1/γ makes W = I/(γh) − J exactly zero: the attempt reports +∞, the step is
   * rejected and shrunk, and the solve then succeeds (e^10 to the tolerance).
   */
  @Test
  void singularWAtOneStepSizeIsRejectedAndRecovered() {
    Rodas4 solver = new Rodas4();
    Term growth = StiffTerms.withJacobian(1, (t, y, dy) -> dy[0] = y[0], (t, y, j) -> j[0] = 1);
    Stepper st = solver.stepper(growth);
    double h = 1 / solver.tableau().gamma();
    assertThat(st.attempt(0, h, new double[] {1}, new double[1], ErrorNorm.rms(1e-6, 1e-6)))
        .isEqualTo(Double.POSITIVE_INFINITY);

    Solution s = Solve.of(growth, solver, 0, 10, new double[] {1}).dt0(h)
        .controller(PidController.of(1e-8, 1e-8)).run();
    assertThat(s.status()).isEqualTo(Status.SUCCESS);
    assertThat(s.yEnd()[0]).isCloseTo(Math.exp(10), within(1e-5 * Math.exp(10)));
    assertThat(s.stats().work().newtonFailures()).isEqualTo(1);
    assertThat(s.stats().rejected()).isGreaterThanOrEqualTo(1);
  }

  /**
   * A Jacobian that turns NaN from t = 0.5 on (a model evaluated outside its domain): every
   * attempt from there fails, the step shrinks to nothing, and the solve ends with
   * NONLINEAR_SOLVE_FAILED at the first step start t ≥ 0.5, saying how far it got.
   */
  @Test
  void nanJacobianEndsWithAnExplainingStatus() {
    Term term = StiffTerms.withJacobian(1, (t, y, dy) -> dy[0] = -y[0],
        (t, y, j) -> j[0] = t >= 0.5 ? Double.NaN : -1);
    for (AbstractRosenbrock solver : new AbstractRosenbrock[] {new Rosenbrock23(), new Rodas4(),
        new Rodas5P()}) {
      Solution s = Solve.of(term, solver, 0, 2, new double[] {1})
          .controller(PidController.of(1e-6, 1e-6)).run();
      assertThat(s.status()).as(solver.name()).isEqualTo(Status.NONLINEAR_SOLVE_FAILED);
      // the Jacobian is taken at the start of a step, so the last good step may end past 0.5
      assertThat(s.tEnd()).as(solver.name()).isBetween(0.5, 1.0);
      assertThat(s.yEnd()[0]).as(solver.name()).isCloseTo(Math.exp(-s.tEnd()), within(1e-4));
      assertThat(s.diagnosis().cause()).contains("could not be solved at t = " + s.tEnd());
      assertThat(s.stats().work().newtonFailures()).isGreaterThan(10);
    }
  }
}
