package org.nde4j.solve.solver.rk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nde4j.solve.Problems;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.SolverCatalogue;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.term.OdeTerm;
import org.nde4j.testkit.problems.ConvergenceOrder;
import org.nde4j.testkit.problems.LinearProblem;

/**
 * Every catalogued method converges at its order on y' = A y with a 10 × 10 matrix (reference: the
 * matrix exponential, computed in 60-digit arithmetic by the testkit), on a step range above
 * round-off: within ±0.2 of theory (±0.3 for order ≥ 7).
 */
class ConvergenceTest {
  /**
   * Methods whose leading error coefficient on linear problems is so small that the observed
   * slope stays up to about one above the order until round-off (dopri8: 9.5 → 8.9, vern9: 10.0 → 9.2
   * between 3 and 12 steps; rodas5p: 5.9, its stability function matches e^z to about sixth
   * order); their exact orders are pinned by {@link OrderConditionsTest} (rodas5p: by
   * RosenbrockTableauTest and the nonlinear convergence test of the Rosenbrock package).
   */
  private static final java.util.Set<String> SMALL_LINEAR_ERROR_CONSTANT =
      java.util.Set.of("dopri8", "vern9", "rodas5p");

  /**
   * Methods so accurate on this problem that the default step range reaches round-off (rodas5p:
   * 1.3e-14 at 64 steps); they use 6 … 24 steps (errors 6e-9 … 2e-12).
   */
  private static final java.util.Set<String> COARSE_STEPS = java.util.Set.of("rodas5p");

  /** Every catalogued solver that integrates a general term (not the symplectic ones). */
  static Stream<String> solvers() {
    return StreamSupport.stream(SolverCatalogue.names().spliterator(), false)
        .filter(n -> SolverCatalogue.byName(n).termType().isAssignableFrom(OdeTerm.class))
        // A multistep method started from y0 alone shows the order of its low-order starting
        // steps at constant h; BdfOrderTest checks its orders from exact starting values.
        .filter(n -> !SolverCatalogue.byName(n).isMultistep());
  }

  @ParameterizedTest
  @MethodSource("solvers")
  void convergesAtItsOrder(String name) {
    Solver solver = SolverCatalogue.byName(name);
    LinearProblem p = LinearProblem.standard();
    int order = solver.order();
    // Keep the smallest error well above round-off (~1e-13) and the largest in the asymptotic range.
    int[] steps = COARSE_STEPS.contains(name) ? new int[] {6, 8, 12, 16, 24}
        : order >= 9 ? new int[] {4, 6, 8} : order >= 8 ? new int[] {4, 6, 8}
        : order >= 7 ? new int[] {8, 12, 16, 24} : order >= 5 ? new int[] {16, 24, 32, 48, 64}
        : order >= 3 ? new int[] {8, 16, 32, 64, 128} : new int[] {32, 64, 128, 256, 512};
    double[] hs = new double[steps.length];
    double[] errs = new double[steps.length];
    double span = p.t1() - p.t0();
    for (int i = 0; i < steps.length; i++) {
      hs[i] = span / steps[i];
      Solution s = Solve.of(Problems.term(p), solver, p.t0(), p.t1(), p.y0()).dt0(hs[i])
          .controller(ConstantStepSize.create()).run();
      assertThat(s.stats().accepted()).isEqualTo(steps[i]);
      errs[i] = Problems.maxAbsDiff(s.yEnd(), p.reference());
    }
    assertThat(errs[errs.length - 1]).as("%s: smallest error above round-off", name)
        .isGreaterThan(order >= 7 ? 5e-15 : 1e-13);
    double observed = ConvergenceOrder.estimate(hs, errs).order();
    if (SMALL_LINEAR_ERROR_CONSTANT.contains(name)) {
      assertThat(observed).as(name).isBetween(order - 0.3, order + 1.5);
    } else {
      assertThat(observed).as(name).isCloseTo(order, within(order >= 7 ? 0.3 : 0.2));
    }
  }
}
