package org.nde4j.solve.solver.implicit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.SolverCatalogue;

/**
 * The ESDIRK and IMEX tableaus: consistency (validated on construction), Butcher's order conditions
 * for the implicit part up to the method's order and not one further, the embedded weights up to
 * the estimator's order, the coupled (two-colour) order conditions of the KenCarp pairs, stiff
 * accuracy and the stability function ({@code R(∞) = 0} for the L-stable ones, {@code |R(iy)| ≤ 1}).
 */
class DirkTableauTest {
  private static final double TOL = 1e-12;
  /** Order of the embedded weights b̂ where it exceeds the estimator's nominal order. */
  private static final Map<String, Integer> EMBEDDED = Map.of("implicit_euler", 2, "trbdf2", 3);

  static List<String> names() {
    List<String> out = new ArrayList<>();
    for (String n : SolverCatalogue.names()) {
      if (SolverCatalogue.byName(n) instanceof AbstractEsdirk) {
        out.add(n);
      }
    }
    return out;
  }

  static AbstractEsdirk method(String name) {
    return (AbstractEsdirk) SolverCatalogue.byName(name);
  }

  @Test
  void allNineAreCatalogued() {
    assertThat(names()).containsExactly("implicit_euler", "trapezoid", "trbdf2", "kvaerno3",
        "kvaerno4", "kvaerno5", "kencarp3", "kencarp4", "kencarp5");
  }

  @Test
  void butcherTreeCounts() {
    ColoredTrees one = new ColoredTrees(new double[][][] {{{0}}}, 5);
    assertThat(new int[] {one.count(1), one.count(2), one.count(3), one.count(4), one.count(5)})
        .containsExactly(1, 1, 2, 4, 9);
    ColoredTrees two = new ColoredTrees(new double[][][] {{{0}}, {{0}}}, 4);
    // bicoloured (non-root vertices) trees: 1, 2, 7, 26
    assertThat(new int[] {two.count(1), two.count(2), two.count(3), two.count(4)})
        .containsExactly(1, 2, 7, 26);
  }

  @ParameterizedTest
  @MethodSource("names")
  void implicitPartHasItsOrder(String name) {
    AbstractEsdirk m = method(name);
    DirkTableau t = m.tableau();
    int p = m.order();
    ColoredTrees trees = new ColoredTrees(new double[][][] {t.implicitMatrix()}, p + 1);
    for (int r = 1; r <= p; r++) {
      assertThat(trees.residual(t.b(), r)).as("%s order %d", name, r).isLessThan(TOL);
    }
    assertThat(trees.residual(t.b(), p + 1)).as("%s is not of order %d", name, p + 1)
        .isGreaterThan(1e-6);
    int q = EMBEDDED.getOrDefault(name, m.errorOrder());
    for (int r = 1; r <= q; r++) {
      assertThat(trees.residual(t.bHat(), r)).as("%s embedded order %d", name, r)
          .isLessThan(TOL);
    }
  }

  /** Kennedy & Carpenter's coupling conditions: all bicoloured trees up to the order. */
  @ParameterizedTest
  @MethodSource("names")
  void additivePairsSatisfyTheCoupledConditions(String name) {
    DirkTableau t = method(name).tableau();
    if (!t.isAdditive()) {
      return;
    }
    int p = method(name).order();
    ColoredTrees trees = new ColoredTrees(
        new double[][][] {t.explicitMatrix(), t.implicitMatrix()}, p);
    for (int r = 1; r <= p; r++) {
      assertThat(trees.residual(t.b(), r)).as("%s coupled order %d", name, r).isLessThan(TOL);
    }
    for (int r = 1; r < p; r++) {
      assertThat(trees.residual(t.bHat(), r)).as("%s embedded coupled order %d", name, r)
          .isLessThan(TOL);
    }
    ColoredTrees explicitOnly = new ColoredTrees(new double[][][] {t.explicitMatrix()}, p);
    assertThat(explicitOnly.residual(t.b(), p)).as("%s explicit part", name).isLessThan(TOL);
  }

  @ParameterizedTest
  @MethodSource("names")
  void stifflyAccurateAndStable(String name) {
    DirkTableau t = method(name).tableau();
    assertThat(t.isStifflyAccurate()).as(name).isTrue();
    double[][] a = t.implicitMatrix();
    double[] b = t.b();
    double rInf = Math.hypot(stability(a, b, -1e8, 0)[0], stability(a, b, -1e8, 0)[1]);
    if (name.equals("trapezoid")) {
      assertThat(rInf).as("trapezoid R(∞) = −1").isCloseTo(1, org.assertj.core.api.Assertions
          .within(1e-6));
    } else {
      assertThat(rInf).as("%s L-stable: R(∞) = 0 (R(z) = O(1/z))", name).isLessThan(1e-6);
    }
    for (double y = 0.01; y < 1e4; y *= 1.05) {
      double[] r = stability(a, b, 0, y);
      assertThat(Math.hypot(r[0], r[1])).as("%s |R(%si)|", name, y).isLessThanOrEqualTo(1 + 1e-12);
    }
  }

  /** {@code R(z) = 1 + z bᵀ(I − zA)⁻¹1} for a complex {@code z} (lower-triangular A). */
  private static double[] stability(double[][] a, double[] b, double zr, double zi) {
    int s = b.length;
    double[] gr = new double[s];
    double[] gi = new double[s];
    for (int i = 0; i < s; i++) {
      double sr = 1;
      double si = 0;
      for (int j = 0; j < i; j++) {
        sr += a[i][j] * (zr * gr[j] - zi * gi[j]);
        si += a[i][j] * (zr * gi[j] + zi * gr[j]);
      }
      // g_i (1 − z a_ii) = s
      double dr = 1 - zr * a[i][i];
      double di = -zi * a[i][i];
      double den = dr * dr + di * di;
      gr[i] = (sr * dr + si * di) / den;
      gi[i] = (si * dr - sr * di) / den;
    }
    double rr = 1;
    double ri = 0;
    for (int i = 0; i < s; i++) {
      rr += b[i] * (zr * gr[i] - zi * gi[i]);
      ri += b[i] * (zr * gi[i] + zi * gr[i]);
    }
    return new double[] {rr, ri};
  }

  @Test
  void inconsistentTableausAreRejected() {
    assertThatThrownBy(() -> DirkTableau.builder().gamma(0.5).c(0, 1).a(new double[][] {{}, {0.4}})
        .b(0.5, 0.5).build()).hasMessageContaining("row 1");
    assertThatThrownBy(() -> DirkTableau.builder().gamma(0.5).c(0, 1).a(new double[][] {{}, {0.5}})
        .b(0.5, 0.6).build()).hasMessageContaining("Σ b");
  }

  @Test
  void solverContract() {
    Solver k5 = SolverCatalogue.byName("kvaerno5");
    assertThat(k5.isAdaptive()).isTrue();
    assertThat(k5.interpolationOrder()).isEqualTo(3);
    assertThat(SolverCatalogue.byName("kencarp3").interpolationOrder()).isEqualTo(2);
    assertThat(new Kvaerno5(JacobianReuse.EVERY_STAGE).jacobianReuse())
        .isEqualTo(JacobianReuse.EVERY_STAGE);
  }
}
