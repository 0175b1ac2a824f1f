package org.nde4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every implementation's gemm against a plain triple loop, for all transpose combinations,
 * nonzero offsets and shapes from empty to 256. The tolerance is the classical rounding bound
 * of a length-k dot product, 2·k·u·Σ|a||b| (Higham, Accuracy and Stability, §3.1), taken twice
 * because the reference rounds too; a wrong element misses it by O(Σ|a||b|).
 */
class GemmTest {
  private static final int[] SMALL = {0, 1, 2, 3, 5, 7, 17};
  private static final int[][] LARGER = {
      {50, 64, 129}, {129, 50, 64}, {64, 129, 50}, {256, 128, 128}, {256, 32, 128},
      {256, 128, 32}, {128, 256, 256}, {20, 50, 2}, {20, 2, 50}, {1, 50, 2}, {1, 2, 50},
      {2, 50, 20}, {50, 2, 20}, {1, 256, 129}, {129, 1, 256}, {256, 129, 1}, {17, 64, 5},
      {7, 129, 64}, {6, 8, 300}, {300, 17, 3}, {3, 300, 17}, {13, 40, 40}, {40, 13, 40},
      // A 2→50→2 network at batch 20 and 1 (forward and VJP), with neighbours that change
      // which tail, overlap or block each tiny kernel takes.
      {20, 50, 1}, {50, 2, 1}, {2, 50, 1}, {50, 20, 2}, {1, 2, 20}, {20, 2, 20}, {4, 2, 4},
      {3, 2, 9}, {6, 2, 11}, {16, 2, 5}, {15, 2, 6}, {33, 2, 3}, {4, 8, 2}, {3, 9, 2}, {5, 12, 1},
      {2, 16, 3}, {1, 21, 4}, {3, 4, 8},
      // k2's 16-column groups: exact, with an overlapping last group, and below 4 rows.
      {4, 16, 2}, {6, 33, 1}, {7, 17, 2}, {3, 20, 2}, {4, 48, 1}};

  static Stream<Arguments> cases() {
    List<int[]> shapes = new ArrayList<>();
    for (int m : SMALL) {
      for (int n : SMALL) {
        for (int k : SMALL) {
          shapes.add(new int[] {m, n, k});
        }
      }
    }
    shapes.addAll(List.of(LARGER));
    List<Arguments> out = new ArrayList<>();
    for (Kernels kernels : KernelImplementations.gemmImplementations()) {
      for (int t = 0; t < 4; t++) {
        out.add(Arguments.of(kernels, (t & 1) != 0, (t & 2) != 0, shapes));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} ta={1} tb={2}")
  @MethodSource("cases")
  void matchesTripleLoop(Kernels kernels, boolean ta, boolean tb, List<int[]> shapes) {
    SplittableRandom rnd = new SplittableRandom(42);
    for (int[] s : shapes) {
      int m = s[0];
      int n = s[1];
      int k = s[2];
      int ao = 3;
      int bo = 5;
      int co = 7;
      double[] a = random(rnd, ao + m * k + 4);
      double[] b = random(rnd, bo + k * n + 4);
      double[] c = new double[co + m * n + 4];
      java.util.Arrays.fill(c, Double.NaN); // C must be overwritten, not accumulated into
      double[] expected = new double[m * n];
      double[] bound = new double[m * n];
      naive(ta, tb, m, n, k, a, ao, b, bo, expected, bound);

      kernels.gemm(ta, tb, m, n, k, a, ao, b, bo, c, co);

      String shape = kernels.name() + " m=" + m + " n=" + n + " k=" + k + " ta=" + ta + " tb=" + tb;
      for (int i = 0; i < m * n; i++) {
        double tol = 4.0 * (k + 1) * 0x1p-53 * bound[i];
        assertThat(Math.abs(c[co + i] - expected[i]))
            .as("%s element %d: %s vs %s", shape, i, c[co + i], expected[i])
            .isLessThanOrEqualTo(tol);
      }
      for (int i = 0; i < co; i++) {
        assertThat(c[i]).as("%s wrote before its offset", shape).isNaN();
      }
      for (int i = co + m * n; i < c.length; i++) {
        assertThat(c[i]).as("%s wrote past its end", shape).isNaN();
      }
    }
  }

  private static double[] random(SplittableRandom rnd, int size) {
    double[] x = new double[size];
    for (int i = 0; i < size; i++) {
      x[i] = rnd.nextDouble(-1.0, 1.0);
    }
    return x;
  }

  /** C = op(A)·op(B) element by element, and Σ|a||b| for the rounding bound. */
  private static void naive(boolean ta, boolean tb, int m, int n, int k,
      double[] a, int ao, double[] b, int bo, double[] c, double[] bound) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        double abs = 0;
        for (int p = 0; p < k; p++) {
          double x = ta ? a[ao + p * m + i] : a[ao + i * k + p];
          double y = tb ? b[bo + j * k + p] : b[bo + p * n + j];
          sum += x * y;
          abs += Math.abs(x * y);
        }
        c[i * n + j] = sum;
        bound[i * n + j] = abs;
      }
    }
  }
}
