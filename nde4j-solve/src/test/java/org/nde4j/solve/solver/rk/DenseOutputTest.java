package org.nde4j.solve.solver.rk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nde4j.testkit.problems.ConvergenceOrder;
import org.nde4j.solve.integrate.SaveAt;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.SolverCatalogue;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.term.OdeTerm;

/**
 * Dense-output accuracy of every catalogued solver on a small nonlinear, non-autonomous system with
 * the exact solution {@code y = (e^{sin t}, cos t)}.
 */
class DenseOutputTest {
  /** y1' = y1 cos t (y1 = e^{sin t}), y2' = −sin t + (y2 − cos t)² (y2 = cos t). */
  static final OdeTerm TERM = OdeTerm.of(2, (t, y, dy) -> {
    dy[0] = y[0] * Math.cos(t);
    double d = y[1] - Math.cos(t);
    dy[1] = -Math.sin(t) + d * d;
  });

  static double[] exact(double t) {
    return new double[] {Math.exp(Math.sin(t)), Math.cos(t)};
  }

  /** Every catalogued solver that integrates a general term (not the symplectic ones). */
  static Stream<String> solvers() {
    return StreamSupport.stream(SolverCatalogue.names().spliterator(), false)
        .filter(n -> SolverCatalogue.byName(n).termType().isInstance(TERM))
        // One step of a fresh multistep stepper is of order 1 and constant-step solves from y0
        // show the starting steps' order; BdfDenseOutputTest checks the BDF interpolant.
        .filter(n -> !SolverCatalogue.byName(n).isMultistep());
  }

  static Stream<String> lowOrder() {
    return solvers().filter(n -> SolverCatalogue.byName(n).order() <= 5);
  }

  /**
   * One step from the exact solution: the interpolant's local error is O(h^(q+1)). Run for methods
   * of order ≤ 5; for the higher-order ones the leading error coefficients are so small that
   * double precision shows no clean slope, and {@link InterpolantConditionsTest} checks their
   * continuous order conditions exactly instead.
   */
  @ParameterizedTest
  @MethodSource("lowOrder")
  void localInterpolationErrorHasTheStatedOrder(String name) {
    Solver solver = SolverCatalogue.byName(name);
    int q = solver.interpolationOrder();
    double t0 = 0.3;
    double theta = 0.5;
    double[] hs = new double[4];
    double[] errs = new double[4];
    double h = q >= 4 ? 0.1 : 0.025;
    for (int i = 0; i < hs.length; i++, h /= 2) {
      Stepper st = solver.stepper(TERM);
      double[] y1 = new double[2];
      double[] y = new double[2];
      st.attempt(t0, h, exact(t0), y1, null);
      st.interpolate(theta, y);
      double[] ex = exact(t0 + theta * h);
      hs[i] = h;
      errs[i] = Math.max(Math.abs(y[0] - ex[0]), Math.abs(y[1] - ex[1]));
    }
    assertThat(errs[errs.length - 1]).isGreaterThan(1e-14);
    assertThat(ConvergenceOrder.estimate(hs, errs).order()).as(name).isCloseTo(q + 1, within(0.3));
  }

  /**
   * Fixed steps over [0, 2], evaluated off the grid: error O(h^min(p, q+1)). The step sizes are
   * 1.6/2^k; the regression uses the three smallest whose error stays above round-off (1e-12).
   */
  @ParameterizedTest
  @MethodSource("solvers")
  void offGridErrorConverges(String name) {
    Solver solver = SolverCatalogue.byName(name);
    int expected = Math.min(solver.order(), solver.interpolationOrder() + 1);
    java.util.List<double[]> points = new java.util.ArrayList<>();
    // Implicit methods stop each Newton iteration ~1e-15 from the stage solution; over a thousand
    // constant steps that accumulates to a floor of a few 1e-12 (Kvaerno5: 3.3e-12 at h = 1/320).
    double floor = solver instanceof org.nde4j.solve.solver.implicit.AbstractEsdirk ? 1e-11 : 1e-12;
    for (double h = 1.6; h > 1e-3; h /= 2) {
      Solution s = Solve.of(TERM, solver, 0, 2, exact(0)).dt0(h)
          .controller(ConstantStepSize.create()).saveAt(SaveAt.t1().withDense()).run();
      if (!s.status().isSuccess() || s.stats().rejected() > 0) {
        // An implicit method's Newton iteration may not converge at the largest constant steps.
        continue;
      }
      double err = 0;
      for (double t = 0.0137; t < 2; t += 0.1931) {
        double[] y = s.evaluate(t);
        double[] ex = exact(t);
        err = Math.max(err, Math.max(Math.abs(y[0] - ex[0]), Math.abs(y[1] - ex[1])));
      }
      if (err < floor) {
        break;
      }
      points.add(new double[] {h, err});
    }
    int m = points.size();
    assertThat(m).as("%s: step sizes above round-off", name).isGreaterThanOrEqualTo(3);
    double[] hs = new double[3];
    double[] errs = new double[3];
    for (int i = 0; i < 3; i++) {
      hs[i] = points.get(m - 3 + i)[0];
      errs[i] = points.get(m - 3 + i)[1];
    }
    assertThat(ConvergenceOrder.estimate(hs, errs).order()).as(name)
        .isCloseTo(expected, within(expected >= 7 ? 0.5 : 0.3));
  }
}
