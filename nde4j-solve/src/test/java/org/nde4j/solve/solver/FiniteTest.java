package org.nde4j.solve.solver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiniteTest {
  @Test
  void finiteValuesPassWhateverTheirSum() {
    assertThat(Finite.all(new double[0], 0)).isTrue();
    // the sum of these overflows to +inf; every value is finite
    double[] big = {Double.MAX_VALUE, Double.MAX_VALUE, -0.0, 1e-320, -Double.MAX_VALUE};
    assertThat(Finite.all(big, big.length)).isTrue();
  }

  @Test
  void oneInfiniteOrNanValueAnywhereFails() {
    for (int n : new int[] {1, 3, 4, 5, 8, 9, 13}) {
      for (int at = 0; at < n; at++) {
        for (double bad : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NaN}) {
          double[] v = new double[n + 2];
          java.util.Arrays.fill(v, 1.5);
          v[at] = bad;
          assertThat(Finite.all(v, n)).as("n=%d, %s at %d", n, bad, at).isFalse();
        }
      }
      // only the first n values count
      double[] v = new double[n + 1];
      v[n] = Double.NaN;
      assertThat(Finite.all(v, n)).isTrue();
    }
  }
}
