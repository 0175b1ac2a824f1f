package org.nde4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Kernels#gemmBias} against {@link Kernels#gemm} then {@link Kernels#addRows} of the same
 * implementation, and {@link Kernels#sumRows} against the grouping its contract spells out — both
 * bitwise, over the shapes of the tiny-layer kernels (k ≤ 2, n = 2), their tails and offsets.
 */
class BiasAndRowSumTest {

  static List<Kernels> implementations() {
    return KernelImplementations.gemmImplementations();
  }

  private static double[] random(SplittableRandom rnd, int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = rnd.nextDouble(-1, 1);
    }
    return a;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void biasedProductIsTheProductThenTheAdd(Kernels k) {
    SplittableRandom rnd = new SplittableRandom(11);
    int[][] shapes = {{20, 50, 2}, {20, 50, 1}, {7, 9, 2}, {4, 4, 2}, {2, 50, 2}, {20, 2, 50},
        {3, 2, 50}, {5, 2, 7}, {20, 50, 20}, {64, 48, 40}, {1, 1, 1}, {6, 5, 0}, {4, 16, 2},
        {6, 33, 1}, {7, 17, 2}, {3, 20, 2},
        // sizes the native BLAS takes: bias first and C += A·B (k ≤ 128), or product then add
        {512, 64, 16}, {512, 16, 64}, {256, 128, 32}, {256, 32, 128}, {64, 40, 128},
        {300, 70, 129}, {300, 70, 100}, {37, 96, 80}};
    for (int[] s : shapes) {
      int m = s[0];
      int n = s[1];
      int kk = s[2];
      for (boolean ta : new boolean[] {false, true}) {
        for (boolean tb : new boolean[] {false, true}) {
          double[] a = random(rnd, m * kk + 3);
          double[] b = random(rnd, kk * n + 2);
          double[] bias = random(rnd, n + 5);
          double[] expected = random(rnd, m * n + 4);
          double[] c = expected.clone();
          k.gemm(ta, tb, m, n, kk, a, 3, b, 2, expected, 1);
          k.addRows(bias, 5, expected, 1, m, n);
          k.gemmBias(ta, tb, m, n, kk, a, 3, b, 2, bias, 5, c, 1);
          assertThat(c).as("m=%d n=%d k=%d ta=%b tb=%b", m, n, kk, ta, tb)
              .containsExactly(expected);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void rowSumsFollowTheStatedGrouping(Kernels k) {
    SplittableRandom rnd = new SplittableRandom(12);
    for (int rows = 0; rows <= 21; rows++) {
      for (int n : new int[] {1, 2, 3, 4, 5, 8, 13, 50}) {
        double[] a = random(rnd, rows * n + 3);
        double[] o = random(rnd, n + 2);
        double[] expected = o.clone();
        for (int j = 0; j < n; j++) {
          double acc = 0.0;
          int r = 0;
          for (; r + 3 < rows; r += 4) {
            int p = 3 + r * n + j;
            acc += (a[p] + a[p + n]) + (a[p + 2 * n] + a[p + 3 * n]);
          }
          for (; r < rows; r++) {
            acc += a[3 + r * n + j];
          }
          expected[2 + j] = acc;
        }
        k.sumRows(a, 3, rows, n, o, 2);
        assertThat(o).as("rows=%d n=%d", rows, n).containsExactly(expected);
      }
    }
  }
}
