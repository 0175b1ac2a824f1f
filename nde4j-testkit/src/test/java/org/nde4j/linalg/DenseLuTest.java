package org.nde4j.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DenseLuTest {
  @Test
  void solvesRandomSystemsToRoundOff() {
    Random r = new Random(3);
    for (int n : new int[] {1, 2, 3, 7, 30}) {
      double[] a = new double[n * n];
      for (int i = 0; i < a.length; i++) {
        a[i] = r.nextGaussian();
      }
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = r.nextGaussian();
      }
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          b[i] += a[i * n + j] * x[j];
        }
      }
      DenseLu lu = new DenseLu(n);
      assertThat(lu.factor(a)).isTrue();
      lu.solve(b);
      for (int i = 0; i < n; i++) {
        assertThat(b[i]).isCloseTo(x[i], within(1e-10));
      }
    }
  }

  @Test
  void pivotingHandlesAZeroLeadingEntry() {
    DenseLu lu = new DenseLu(2);
    assertThat(lu.factor(new double[] {0, 1, 1, 0})).isTrue();
    double[] b = {3, 5};
    lu.solve(b);
    assertThat(b).containsExactly(5, 3);
    assertThat(lu.factorizations()).isEqualTo(1);
    assertThat(lu.solves()).isEqualTo(1);
  }

  @Test
  void singularAndNonFiniteMatricesAreReported() {
    DenseLu lu = new DenseLu(2);
    assertThat(lu.factor(new double[] {1, 2, 2, 4})).isFalse();
    assertThatThrownBy(() -> lu.solve(new double[2])).hasMessageContaining("no valid");
    assertThat(lu.factor(new double[] {1, Double.NaN, 0, 1})).isFalse();
    assertThatThrownBy(() -> lu.factor(new double[3])).hasMessageContaining("2 × 2");
  }
}
