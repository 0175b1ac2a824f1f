package org.nde4j.solve.solver.rk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.solve.Fields;
import org.nde4j.solve.Problems;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.testkit.problems.ConvergenceOrder;
import org.nde4j.testkit.problems.DetestA;

class StepDoublingTest {
  /**
   * DETEST A3 (y' = y cos t on [0, 20]) at rtol = atol = 1e-8: the global error is 17 × the
   * tolerance, not within the 10 × that the order-5 pairs reach ({@code ReferenceProblemsTest}):
   * step doubling estimates the error of the solution it keeps (no local extrapolation) and A3's
   * errors grow along the solution (Bosh3 ends at 41 × here). The error is proportional to
   * tol^(p/(p+1)) = tol^0.8 from 1e-6 to 1e-10 (Hairer, Nørsett, Wanner, Solving ODEs I, §II.4).
   */
  @Test
  void makesRk4AdaptiveOnDetestA3() {
    StepDoubling solver = new StepDoubling(new Rk4());
    assertThat(solver.isAdaptive()).isTrue();
    assertThat(solver.name()).isEqualTo("rk4+doubling");
    assertThat(solver.errorOrder()).isEqualTo(4);
    DetestA p = DetestA.a3();
    double ref = p.reference()[0];
    double[] tols = {1e-6, 1e-8, 1e-10};
    double[] errs = new double[tols.length];
    for (int i = 0; i < tols.length; i++) {
      Solution s = Solve.of(Problems.term(p), solver, p.t0(), p.t1(), p.y0())
          .controller(PidController.of(tols[i], tols[i])).run();
      assertThat(s.status()).isEqualTo(Status.SUCCESS);
      errs[i] = Math.abs(s.yEnd()[0] - ref) / Math.abs(ref);
    }
    assertThat(errs[1]).isLessThan(20 * tols[1]).isGreaterThan(tols[1]);
    assertThat(ConvergenceOrder.estimate(tols, errs).order()).isCloseTo(0.8, within(0.1));
  }

  /**
   * On y' = y cos t from the exact solution, the estimate {@code (y_{h/2} − y_h) / 15} of the kept
   * two-half-step result's local error is O(h⁵) and tends to the true local error: as Richardson's
   * correction it has the opposite sign ({@code exact − y_{h/2}}), so the ratio tends to −1.
   */
  @Test
  void estimatesTheLocalErrorAsymptoticallyExactly() {
    double t0 = 0.3;
    double[] hs = {0.2, 0.1, 0.05, 0.025};
    double[] estimates = new double[hs.length];
    double[] ratios = new double[hs.length];
    double[] raw = new double[1];
    for (int i = 0; i < hs.length; i++) {
      Stepper st = new StepDoubling(new Rk4()).stepper(Fields.detestA3());
      double[] y1 = new double[1];
      st.attempt(t0, hs[i], new double[] {Math.exp(Math.sin(t0))}, y1,
          (err, y0, y) -> raw[0] = err[0]);
      double trueError = y1[0] - Math.exp(Math.sin(t0 + hs[i]));
      estimates[i] = Math.abs(raw[0]);
      ratios[i] = -raw[0] / trueError;
    }
    assertThat(ConvergenceOrder.estimate(hs, estimates).order()).isCloseTo(5, within(0.2));
    for (double r : ratios) {
      assertThat(r).as(java.util.Arrays.toString(ratios)).isCloseTo(1, within(0.02));
    }
    int last = hs.length - 1;
    assertThat(Math.abs(ratios[last] - 1)).as(java.util.Arrays.toString(ratios))
        .isLessThan(Math.abs(ratios[0] - 1)).isLessThan(0.005);
  }
}
