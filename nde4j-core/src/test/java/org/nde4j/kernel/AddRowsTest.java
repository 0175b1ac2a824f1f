package org.nde4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Kernels#addRows} of every implementation against the plain double loop (exact). */
class AddRowsTest {

  static List<Kernels> implementations() {
    return KernelImplementations.gemmImplementations();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void addsTheRowToEveryRowWithOffsetsAndTails(Kernels k) {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int rows = 0; rows <= 5; rows++) {
      for (int n = 0; n <= 13; n++) {
        double[] row = new double[n + 3];
        double[] c = new double[rows * n + 4];
        for (int i = 0; i < row.length; i++) {
          row[i] = rnd.nextDouble(-1, 1);
        }
        for (int i = 0; i < c.length; i++) {
          c[i] = rnd.nextDouble(-1, 1);
        }
        double[] expected = c.clone();
        for (int r = 0; r < rows; r++) {
          for (int j = 0; j < n; j++) {
            expected[1 + r * n + j] += row[2 + j];
          }
        }
        k.addRows(row, 2, c, 1, rows, n);
        assertThat(c).as("rows=%d n=%d", rows, n).containsExactly(expected);
      }
    }
  }
}
