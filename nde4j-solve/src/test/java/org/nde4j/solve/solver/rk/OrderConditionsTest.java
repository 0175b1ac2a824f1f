package org.nde4j.solve.solver.rk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Butcher's order conditions b^T Φ(t) = 1/γ(t) over all rooted trees, for every explicit
 * Runge–Kutta method in the catalogue: the weights up to the method's order (and not one
 * further), the embedded weights b̂ = b − e up to the estimator's order.
 */
class OrderConditionsTest {
  private static final double TOL = 1e-12;

  /** DOP853's two estimators: b − e is 5th order, b − e2 3rd order (Hairer's 8(5,3)). */
  private static final Map<String, int[]> ESTIMATOR_ORDERS = Map.of("dop853", new int[] {5, 3});

  static List<String> names() {
    return Tableaus.names();
  }

  @Test
  void treeCountsAreButchers() {
    RootedTrees trees = RootedTrees.upTo(9);
    int[] count = new int[10];
    for (int t = 0; t < trees.size(); t++) {
      count[trees.order(t)]++;
    }
    assertThat(count).containsExactly(0, 1, 1, 2, 4, 9, 20, 48, 115, 286);
  }

  @ParameterizedTest
  @MethodSource("names")
  void weightsHaveTheMethodsOrderAndNoMore(String name) {
    AbstractExplicitRk rk = Tableaus.byName(name);
    int p = rk.order();
    RootedTrees trees = RootedTrees.upTo(p + 1);
    double[][] phi = trees.elementaryWeights(Tableaus.mainMatrix(rk));
    double[] b = rk.tableau().b();
    for (int rho = 1; rho <= p; rho++) {
      assertThat(trees.residual(b, phi, rho, 1)).as("%s, trees of order %d", name, rho)
          .isLessThan(TOL);
    }
    assertThat(trees.residual(b, phi, p + 1, 1)).as("%s is not of order %d", name, p + 1)
        .isGreaterThan(1e-7);
  }

  @ParameterizedTest
  @MethodSource("names")
  void embeddedWeightsHaveTheEstimatorsOrder(String name) {
    AbstractExplicitRk rk = Tableaus.byName(name);
    ButcherTableau t = rk.tableau();
    if (t.errorWeights() == null) {
      return;
    }
    int[] orders = ESTIMATOR_ORDERS.getOrDefault(name, new int[] {rk.errorOrder()});
    double[][] weights = t.secondErrorWeights() == null
        ? new double[][] {t.errorWeights()}
        : new double[][] {t.errorWeights(), t.secondErrorWeights()};
    assertThat(weights.length).isEqualTo(orders.length);
    for (int k = 0; k < weights.length; k++) {
      int q = orders[k];
      double[] bHat = Tableaus.minus(t.b(), weights[k]);
      RootedTrees trees = RootedTrees.upTo(q + 1);
      double[][] phi = trees.elementaryWeights(Tableaus.mainMatrix(rk));
      for (int rho = 1; rho <= q; rho++) {
        assertThat(trees.residual(bHat, phi, rho, 1))
            .as("%s estimator %d, trees of order %d", name, k, rho).isLessThan(TOL);
      }
      assertThat(trees.residual(bHat, phi, q + 1, 1))
          .as("%s estimator %d is not of order %d", name, k, q + 1).isGreaterThan(1e-7);
    }
  }

  @Test
  void dop853ErrorOrderDrivesTheControllerLikeHairer() {
    // dop853.f and Hipparchus grow the step by err^(−1/8): errorOrder() + 1 = 8.
    AbstractExplicitRk rk = Tableaus.byName("dop853");
    assertThat(rk.errorOrder() + 1).isEqualTo(8);
    assertThat(rk.tableau().isFsal()).isTrue();
    assertThat(rk.tableau().stages()).isEqualTo(13);
  }
}
