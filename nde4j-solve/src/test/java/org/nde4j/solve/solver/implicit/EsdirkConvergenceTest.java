package org.nde4j.solve.solver.implicit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nde4j.solve.Problems;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.SolverCatalogue;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.term.MultiTerm;
import org.nde4j.solve.term.OdeTerm;
import org.nde4j.solve.term.Term;
import org.nde4j.testkit.problems.ConvergenceOrder;
import org.nde4j.testkit.problems.StiffLinear;

/**
 * Constant-step orders on the stiff linear system (eigenvalues −1 … −1e6, exact solution), within
 * ±0.2 of theory, and of the KenCarp pairs on an IMEX split of it.
 *
 * <p>Step ranges: the L-stable methods start at t = 0; the stiffest modes (hλ ≤ −1e4) are damped to
 * nothing in the first steps ({@code R(∞) = 0}), so the error at t = 1 comes from the modes λ = −1,
 * −7.2, −52, whose {@code hλ} must be small for the asymptotic regime: hence 1/16 … 1/256 (order
 * ≤ 3) and 1/8 … 1/64 (orders 4, 5; smaller steps reach round-off). No order reduction shows on
 * this homogeneous problem (stage order 2 matters only with stiff forcing). The trapezoidal rule is
 * not L-stable ({@code R(∞) = −1}): from t = 0 its stiff modes never decay, so it starts at t0 =
 * 0.1 from the exact state, where modes with |λ| ≥ 373 are below 1e-16.
 */
class EsdirkConvergenceTest {
  private static final Map<String, int[]> STEPS = Map.of(
      "implicit_euler", new int[] {64, 128, 256, 512, 1024},
      "trapezoid", new int[] {16, 32, 64, 128, 256},
      "trbdf2", new int[] {16, 32, 64, 128, 256},
      "kvaerno3", new int[] {16, 32, 64, 128},
      "kencarp3", new int[] {16, 32, 64, 128},
      "kvaerno4", new int[] {32, 64, 128, 256},
      "kencarp4", new int[] {16, 32, 64, 128},
      "kvaerno5", new int[] {16, 24, 32, 48},
      "kencarp5", new int[] {16, 24, 32, 48});

  static Iterable<String> names() {
    return DirkTableauTest.names();
  }

  @ParameterizedTest
  @MethodSource("names")
  void stiffLinearOrder(String name) {
    StiffLinear p = StiffLinear.standard();
    double t0 = name.equals("trapezoid") ? 0.1 : 0;
    double[] y0 = p.exact(t0).orElseThrow();
    double observed = order(name, Problems.term(p), t0, y0, p.reference());
    assertThat(observed).as(name).isCloseTo(SolverCatalogue.byName(name).order(), within(0.2));
  }

  /**
   * y' = cos(t)·y (explicit, non-stiff) + A y (implicit, stiff); the parts commute, so y(t) =
   * e^{sin t} e^{At} y0. Exercises the explicit tableau and the coupling conditions.
   */
  @ParameterizedTest
  @MethodSource("names")
  void kenCarpOnASplitProblem(String name) {
    if (!name.startsWith("kencarp")) {
      return;
    }
    StiffLinear p = StiffLinear.standard();
    int n = p.dim();
    Term explicitPart = OdeTerm.of(n, (t, y, dy) -> {
      double c = Math.cos(t);
      for (int i = 0; i < n; i++) {
        dy[i] = c * y[i];
      }
    });
    Term split = MultiTerm.of(explicitPart, Problems.term(p));
    double[] ref = p.reference();
    for (int i = 0; i < n; i++) {
      ref[i] *= Math.exp(Math.sin(1));
    }
    double observed = order(name, split, 0, p.y0(), ref);
    assertThat(observed).as(name).isCloseTo(SolverCatalogue.byName(name).order(), within(0.2));
  }

  private static double order(String name, Term term, double t0, double[] y0, double[] ref) {
    Solver solver = SolverCatalogue.byName(name);
    int[] steps = STEPS.get(name);
    double[] hs = new double[steps.length];
    double[] errs = new double[steps.length];
    for (int i = 0; i < steps.length; i++) {
      hs[i] = (1 - t0) / steps[i];
      Solution s = Solve.of(term, solver, t0, 1, y0).dt0(hs[i])
          .controller(ConstantStepSize.create()).run();
      assertThat(s.stats().accepted()).isEqualTo(steps[i]);
      errs[i] = Problems.maxAbsDiff(s.yEnd(), ref);
    }
    assertThat(errs[errs.length - 1]).as("%s: above round-off", name).isGreaterThan(1e-13);
    return ConvergenceOrder.estimate(hs, errs).order();
  }
}
