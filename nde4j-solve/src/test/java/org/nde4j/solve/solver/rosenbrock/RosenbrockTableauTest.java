package org.nde4j.solve.solver.rosenbrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published coefficients satisfy the order conditions of ROW methods (Hairer &amp; Wanner,
 * <i>Solving ODEs II</i>, §IV.7, Table 7.1 and Theorem 7.4) to each method's order, the embedded
 * solution to its own, and not one order more; and each method is L-stable (R(∞) = 0).
 *
 * <p>The conditions are written with {@code B = α + Γ} (Γ with its diagonal γ): for a rooted tree
 * t, the elementary weight is {@code Φ(•) = 1}, {@code Φ([t1]) = B Φ(t1)} for a vertex with one
 * child (the {@code hJΣγ_ij k_j} term contributes there) and {@code Φ([t1 … tm]) = Π (α Φ(t_k))}
 * for more children; the condition is {@code bᵀΦ(t) = 1/γ(t)}. Expanding {@code B = β + γI}
 * gives exactly Table 7.1 (e.g. {@code Σ b_i β_i' = 1/2 − γ}, {@code Σ b_i β_ik β_k' = 1/6 − γ +
 * γ²}); both forms are checked for the first conditions.
 */
class RosenbrockTableauTest {
  static Stream<Arguments> methods() {
    return Stream.of(Arguments.of(new Rosenbrock23(), 2, 3), Arguments.of(new Rodas4(), 4, 3),
        Arguments.of(new Rodas5P(), 5, 4));
  }

  /** Trees as child lists, with order and density γ(t), orders 1 … 6 (1, 1, 2, 4, 9, 20). */
  private static final List<int[]> CHILDREN = new ArrayList<>();
  private static final List<Integer> ORDER = new ArrayList<>();
  private static final List<Double> DENSITY = new ArrayList<>();

  static {
    CHILDREN.add(new int[0]);
    ORDER.add(1);
    DENSITY.add(1.0);
    for (int n = 2; n <= 6; n++) {
      collect(n - 1, 0, CHILDREN.size(), new ArrayList<>(), n);
    }
  }

  private static void collect(int remaining, int from, int known, List<Integer> acc, int n) {
    if (remaining == 0) {
      int[] ch = acc.stream().mapToInt(Integer::intValue).toArray();
      double g = n;
      for (int c : ch) {
        g *= DENSITY.get(c);
      }
      CHILDREN.add(ch);
      ORDER.add(n);
      DENSITY.add(g);
      return;
    }
    for (int t = from; t < known; t++) {
      if (ORDER.get(t) <= remaining) {
        acc.add(t);
        collect(remaining - ORDER.get(t), t, known, acc, n);
        acc.remove(acc.size() - 1);
      }
    }
  }

  private static double[] phi(int tree, double[][] alpha, double[][] bigB) {
    int s = alpha.length;
    double[] out = new double[s];
    java.util.Arrays.fill(out, 1);
    int[] ch = CHILDREN.get(tree);
    double[][] m = ch.length == 1 ? bigB : alpha;
    for (int c : ch) {
      double[] p = phi(c, alpha, bigB);
      for (int i = 0; i < s; i++) {
        double sum = 0;
        for (int j = 0; j < s; j++) {
          sum += m[i][j] * p[j];
        }
        out[i] *= sum;
      }
    }
    return out;
  }

  /** The largest |bᵀΦ(t) − 1/γ(t)| over the trees of order {@code order}. */
  static double residual(RosenbrockTableau tab, double[] uWeights, int order) {
    double[][] alpha = tab.classicalAlpha();
    double[][] g = tab.classicalGamma();
    int s = tab.stages();
    double[][] bigB = new double[s][s];
    for (int i = 0; i < s; i++) {
      for (int j = 0; j < s; j++) {
        bigB[i][j] = alpha[i][j] + g[i][j];
      }
    }
    double[] b = tab.classicalWeights(uWeights);
    double worst = 0;
    for (int t = 0; t < CHILDREN.size(); t++) {
      if (ORDER.get(t) == order) {
        double[] p = phi(t, alpha, bigB);
        double sum = 0;
        for (int i = 0; i < s; i++) {
          sum += b[i] * p[i];
        }
        worst = Math.max(worst, Math.abs(sum - 1 / DENSITY.get(t)));
      }
    }
    return worst;
  }

  @ParameterizedTest
  @MethodSource("methods")
  void solutionHasItsOrderAndNoMore(AbstractRosenbrock m, int order, int embeddedOrder) {
    RosenbrockTableau tab = m.tableau();
    for (int q = 1; q <= order; q++) {
      assertThat(residual(tab, tab.b(), q)).as("%s, order %d", m, q).isLessThan(1e-12);
    }
    assertThat(residual(tab, tab.b(), order + 1)).as("%s, order %d", m, order + 1)
        .isGreaterThan(1e-4);
  }

  @ParameterizedTest
  @MethodSource("methods")
  void embeddedSolutionHasItsOrderAndNoMore(AbstractRosenbrock m, int order, int embeddedOrder) {
    RosenbrockTableau tab = m.tableau();
    for (int q = 1; q <= embeddedOrder; q++) {
      assertThat(residual(tab, tab.bHat(), q)).as("%s embedded, order %d", m, q)
          .isLessThan(1e-12);
    }
    assertThat(residual(tab, tab.bHat(), embeddedOrder + 1)).isGreaterThan(1e-4);
  }

  /** Hairer–Wanner Table 7.1 in its own notation: Σb = 1, Σ bβ' = 1/2 − γ, Σ bββ' = 1/6 − γ + γ². */
  @ParameterizedTest
  @MethodSource("methods")
  void firstConditionsInTableForm(AbstractRosenbrock m, int order, int embeddedOrder) {
    RosenbrockTableau tab = m.tableau();
    double gamma = tab.gamma();
    double[][] alpha = tab.classicalAlpha();
    double[][] g = tab.classicalGamma();
    double[] b = tab.classicalWeights(tab.b());
    int s = tab.stages();
    double[] betaPrime = new double[s];
    double sumB = 0;
    double second = 0;
    for (int i = 0; i < s; i++) {
      for (int j = 0; j < i; j++) {
        betaPrime[i] += alpha[i][j] + g[i][j];
      }
      sumB += b[i];
      second += b[i] * betaPrime[i];
    }
    double third = 0;
    for (int i = 0; i < s; i++) {
      for (int k = 0; k < i; k++) {
        third += b[i] * (alpha[i][k] + g[i][k]) * betaPrime[k];
      }
    }
    assertThat(sumB).isCloseTo(1, within(1e-13));
    assertThat(second).isCloseTo(0.5 - gamma, within(1e-13));
    if (order >= 3) {
      assertThat(third).isCloseTo(1.0 / 6 - gamma + gamma * gamma, within(1e-12));
    }
  }

  /**
   * L-stability: R(z) = 1 + z bᵀ(I − zB)⁻¹𝟙 has R(∞) = 1 − bᵀB⁻¹𝟙 = 0 (all three papers claim it).
   */
  @ParameterizedTest
  @MethodSource("methods")
  void lStable(AbstractRosenbrock m, int order, int embeddedOrder) {
    RosenbrockTableau tab = m.tableau();
    double[][] alpha = tab.classicalAlpha();
    double[][] g = tab.classicalGamma();
    int s = tab.stages();
    // x = B⁻¹𝟙 by forward substitution (B lower triangular with γ on the diagonal)
    double[] x = new double[s];
    for (int i = 0; i < s; i++) {
      double r = 1;
      for (int j = 0; j < i; j++) {
        r -= (alpha[i][j] + g[i][j]) * x[j];
      }
      x[i] = r / g[i][i];
    }
    double[] b = tab.classicalWeights(tab.b());
    double rInf = 1;
    for (int i = 0; i < s; i++) {
      rInf -= b[i] * x[i];
    }
    assertThat(rInf).as("%s: R(∞)", m).isCloseTo(0, within(1e-12));
  }

  /**
   * On y' = λy a ROW method multiplies by R(z) = 1 + Σ_k z^{k+1} bᵀB^k𝟙, so its "linear order" is
   * the largest q with bᵀB^{k}𝟙 = 1/(k+1)! for k &lt; q (the tall trees). Rodas5P's is 6 — one
   * more than its order, which is why it converges at about 6 on linear problems (ConvergenceTest,
   * RosenbrockConvergenceTest); the others' equals their order.
   */
  @ParameterizedTest
  @MethodSource("methods")
  void linearOrder(AbstractRosenbrock m, int order, int embeddedOrder) {
    RosenbrockTableau tab = m.tableau();
    double[][] alpha = tab.classicalAlpha();
    double[][] g = tab.classicalGamma();
    int s = tab.stages();
    double[] b = tab.classicalWeights(tab.b());
    double[] v = new double[s];
    java.util.Arrays.fill(v, 1);
    double factorial = 1;
    int linear = 0;
    for (int k = 0; k < 10; k++) {
      factorial *= k + 1;
      double sum = 0;
      for (int i = 0; i < s; i++) {
        sum += b[i] * v[i];
      }
      System.out.printf("%s: k=%d b'B^k 1 - 1/(k+1)! = %.3e%n", m, k, sum - 1 / factorial);
      if (Math.abs(sum - 1 / factorial) > 1e-10 * (1 / factorial) + 1e-14) {
        break;
      }
      linear = k + 1;
      double[] next = new double[s];
      for (int i = 0; i < s; i++) {
        for (int j = 0; j <= i; j++) {
          next[i] += (alpha[i][j] + g[i][j]) * v[j];
        }
      }
      v = next;
    }
    assertThat(linear).as("%s linear order", m).isEqualTo(m.name().equals("rodas5p") ? 6 : order);
  }

  @Test
  void stageStructure() {
    assertThat(new Rosenbrock23().tableau().isFsal()).isTrue();
    assertThat(new Rodas4().tableau().isFsal()).isFalse();
    assertThat(new Rodas5P().tableau().isFsal()).isFalse();
    // ode23s: γ = d = 1/(2 + √2), the k3 stage carries γ_3 = −d (see Rosenbrock23's Javadoc).
    RosenbrockTableau r23 = new Rosenbrock23().tableau();
    assertThat(r23.gamma()).isCloseTo(1 / (2 + Math.sqrt(2)), within(1e-16));
    assertThat(r23.d()[2]).isCloseTo(-r23.gamma(), within(1e-15));
    assertThat(r23.nodes()).containsExactly(0, 0.5, 1);
  }

  /** A typo in a node or a d coefficient is caught when the tableau is built. */
  @Test
  void inconsistentCoefficientsAreRejected() {
    RosenbrockTableau t = new Rodas4().tableau();
    double[][] a = new double[6][];
    double[][] c = new double[6][];
    for (int i = 0; i < 6; i++) {
      a[i] = t.aRow(i);
      c[i] = t.cRow(i);
    }
    double[] d = t.d();
    d[2] = 0.1053;
    assertThatThrownBy(() -> RosenbrockTableau.of(0.25, a, c, t.nodes(), d, t.b(), t.bHat(),
        new double[0][])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stage 2");
  }
}
