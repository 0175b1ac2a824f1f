package org.nde4j.solve.solver.bdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nde4j.solve.Problems;
import org.nde4j.solve.term.OdeTerm;
import org.nde4j.solve.term.Term;
import org.nde4j.testkit.problems.ConvergenceOrder;
import org.nde4j.testkit.problems.StiffLinear;

/**
 * Orders of the fixed-order formulas at constant steps, and exactness of the step-size change and
 * of the interpolant on polynomials. The history is seeded with exact values {@code y(t − m h)},
 * {@code m = 0 … k} (the "suitable start": a start from {@code y0} alone at order 1 would cap the
 * global error at the starting steps' order).
 */
class BdfOrderTest {
  /**
   * StiffLinear (eigenvalues −1 … −1e6, exact solution by eigen-decomposition, its matrix as the
   * Jacobian) from {@code t = kh} to 1: the global error is {@code O(h^k)} within ±0.2, for BDF and NDF alike.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void fixedOrderConvergesAtItsOrder(int k) {
    StiffLinear p = StiffLinear.standard();
    double[] a = p.matrix();
    Term term = StiffTerms.withJacobian(p, (t, y, j) -> System.arraycopy(a, 0, j, 0, a.length));
    int[] steps = k == 1 ? new int[] {64, 128, 256, 512} : k == 2 ? new int[] {32, 64, 128, 256}
        : k == 3 ? new int[] {32, 64, 128, 256} : new int[] {48, 64, 96, 128};
    for (Bdf solver : new Bdf[] {new Bdf().withMaxOrder(k), Bdf.ndf().withMaxOrder(k)}) {
      double[] hs = new double[steps.length];
      double[] errs = new double[steps.length];
      for (int s = 0; s < steps.length; s++) {
        double h = 1.0 / steps[s];
        double[] y = fixedSteps(solver, term, p, k, h, steps[s]);
        hs[s] = h;
        errs[s] = Problems.maxAbsDiff(y, p.reference());
      }
      assertThat(errs[errs.length - 1]).as("above round-off").isGreaterThan(1e-13);
      ConvergenceOrder o = ConvergenceOrder.estimate(hs, errs);
      assertThat(o.order()).as("%s order %d: %s", solver.name(), k, o).isCloseTo(k, within(0.2));
    }
  }

  private static double[] fixedSteps(Bdf solver, Term term, StiffLinear p, int k, double h,
      int n) {
    BdfStepper st = (BdfStepper) solver.stepper(term);
    double[][] past = new double[k + 1][];
    for (int m = 0; m <= k; m++) {
      past[m] = p.exact((k - m) * h).orElseThrow();
    }
    st.seed(k * h, h, past);
    double[] y = past[0].clone();
    double[] y1 = new double[y.length];
    for (int i = k; i < n; i++) {
      assertThat(st.attempt(i * h, h, y, y1, null)).as("Newton converged").isZero();
      st.accept();
      double[] sw = y;
      y = y1;
      y1 = sw;
    }
    assertThat(st.order()).isEqualTo(k);
    return y;
  }

  /**
   * {@code y' = k t^{k−1}} has the solution {@code t^k}, which BDF of order {@code k} reproduces
   * exactly; it stays exact through step-size changes (the re-interpolation of the difference
   * table, Shampine &amp; Reichelt §2.2) and its dense output is exact between the steps.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void polynomialsOfTheOrderAreExactThroughStepChanges(int k) {
    OdeTerm term = OdeTerm.of(1, (t, y, dy) -> dy[0] = k * Math.pow(t, k - 1));
    BdfStepper st = (BdfStepper) new Bdf().withMaxOrder(k).stepper(term);
    double h = 0.1;
    double t = 1;
    double[][] past = new double[k + 1][];
    for (int m = 0; m <= k; m++) {
      past[m] = new double[] {Math.pow(t - m * h, k)};
    }
    st.seed(t, h, past);
    double[] y = past[0].clone();
    double[] y1 = new double[1];
    double[] mid = new double[1];
    double[] factors = {1, 1.7, 0.3, 1, 2.5, 0.9, 1.1, 4, 0.25, 1};
    for (double f : factors) {
      h *= f;
      st.attempt(t, h, y, y1, null);
      st.interpolate(0.37, mid);
      double tm = t + 0.37 * h;
      assertThat(mid[0]).as("dense at %s", tm).isCloseTo(Math.pow(tm, k),
          within(1e-12 * Math.pow(tm, k)));
      st.accept();
      t += h;
      assertThat(y1[0]).as("y(%s)", t).isCloseTo(Math.pow(t, k), within(1e-12 * Math.pow(t, k)));
      double[] sw = y;
      y = y1;
      y1 = sw;
    }
  }
}
