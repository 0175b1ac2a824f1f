package org.nde4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nde4j.kernel.Parallel;
import org.nde4j.random.Key;

/** Splitting large products across threads changes nothing, bit for bit. */
class ParallelMatmulTest {
  @AfterEach
  void reset() {
    Parallel.setThreads(1);
  }

  private static double[] product(int threads, Tensor a, Tensor b, boolean ta, boolean tb) {
    Parallel.setThreads(threads);
    return a.matmul(b, ta, tb).toArray();
  }

  @Test
  void rowSplitIsBitIdentical() {
    Tensor a = Tensor.normal(Key.of(1), 301, 203);
    Tensor b = Tensor.normal(Key.of(2), 203, 97);
    assertThat(product(2, a, b, false, false)).containsExactly(product(1, a, b, false, false));
    Tensor bt = Tensor.normal(Key.of(3), 97, 203);
    assertThat(product(2, a, bt, false, true)).containsExactly(product(1, a, bt, false, true));
  }

  @Test
  void batchSplitIsBitIdentical() {
    Tensor a = Tensor.normal(Key.of(4), 6, 70, 80);
    Tensor b = Tensor.normal(Key.of(5), 6, 80, 60);
    assertThat(product(2, a, b, false, false)).containsExactly(product(1, a, b, false, false));
  }

  @Test
  void parallelProductMatchesTheDefinition() {
    Tensor a = Tensor.normal(Key.of(6), 200, 150);
    Tensor b = Tensor.normal(Key.of(7), 150, 120);
    double[] c = product(2, a, b, false, false);
    double[] ad = a.toArray();
    double[] bd = b.toArray();
    for (int i = 0; i < 200; i += 37) {
      for (int j = 0; j < 120; j += 23) {
        double s = 0;
        for (int p = 0; p < 150; p++) {
          s += ad[i * 150 + p] * bd[p * 120 + j];
        }
        assertThat(c[i * 120 + j]).isCloseTo(s, org.assertj.core.api.Assertions.within(1e-12));
      }
    }
  }
}
