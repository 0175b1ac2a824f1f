package org.nde4j.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nde4j.kernel.KernelSelection;

/**
 * The Vector API fill against the scalar fill: the same bits for every group range, key, output
 * offset and counter (including groups on either side of a wrap of the low counter word), and the
 * branch-free Box–Muller pass against the scalar one on inputs that reach every branch of fdlibm's
 * log and every quadrant and rounding tie of the angle reduction.
 */
class VectorBlockFillTest {
  private final BlockFill scalar = new ScalarBlockFill();
  private BlockFill vector;

  @BeforeEach
  void needsTheVectorApi() {
    assumeThat(KernelSelection.vectorApiPresent()).as("jdk.incubator.vector present").isTrue();
    assumeThat(VectorBlockFill.supported()).as("256-bit vectors").isTrue();
    vector = new VectorBlockFill();
  }

  private static void assertSameBits(double[] expected, double[] actual, String what) {
    for (int i = 0; i < expected.length; i++) {
      if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])) {
        throw new AssertionError(what + ": element " + i + " is " + actual[i] + ", scalar gives "
            + expected[i]);
      }
    }
  }

  @Test
  void randomPiecesAreBitIdentical() {
    SplittableRandom r = new SplittableRandom(1);
    // Few and mostly short ranges: until C2 compiles it, the vector code runs in the interpreter,
    // where every Vector API operation is a slow Java fallback.
    for (int t = 0; t < 96; t++) {
      int k0 = r.nextInt();
      int k1 = r.nextInt();
      int groups = 1 + r.nextInt(t % 40 == 0 ? 80 : 5);
      int pos = r.nextInt(5);
      long blocksPerWord = (1L << 32) / BlockFill.GROUP_BLOCKS; // groups per low-word cycle
      long first = switch (t % 4) {
        case 0 -> r.nextLong(1000);
        case 1 -> r.nextLong(1L << 58);
        // groups on either side of a wrap of the low counter word
        case 2 -> (1L + r.nextInt(1000)) * blocksPerWord - 1 - r.nextInt(2);
        default -> blocksPerWord - 1 - r.nextInt(3);
      };
      double[] a = new double[pos + BlockFill.GROUP * groups + 3];
      double[] b = new double[a.length];
      String what = "key (" + k0 + ", " + k1 + "), first group " + first + ", " + groups
          + " groups at " + pos;
      scalar.uniform(k0, k1, first, groups, a, pos);
      vector.uniform(k0, k1, first, groups, b, pos);
      assertSameBits(a, b, "uniform, " + what);
      scalar.normal(k0, k1, first, groups, a, pos);
      vector.normal(k0, k1, first, groups, b, pos);
      assertSameBits(a, b, "normal, " + what);
    }
  }

  @Test
  void boxMullerPassIsBitIdenticalOnEveryBranch() {
    int n = 4096 * 8;
    double[] v = new double[2 * n];
    SplittableRandom r = new SplittableRandom(2);
    for (int i = 0; i < n; i++) {
      double v1;
      switch (i % 6) {
        case 0: // u = 1 - v1 = 2^-j exactly: log takes fdlibm's f == 0 branch (k ln2)
          v1 = 1.0 - Math.scalb(1.0, -(i / 6 % 54));
          break;
        case 1: // u within 2^-20 (relative) of a power of two: the short-series branch
          v1 = 1.0 - Math.scalb(1.0 + (r.nextLong(1 << 20) - (1 << 19)) * 0x1.0p-53 * 8,
              -(i / 6 % 50));
          break;
        case 2: // the deepest tails: u = j 2^-53
          v1 = 1.0 - (1 + r.nextInt(1 << 16)) * 0x1.0p-53;
          break;
        case 3: // the centre: u = 1 - j 2^-53, v1 = j 2^-53 (k = 0)
          v1 = r.nextInt(1 << 16) * 0x1.0p-53;
          break;
        default:
          v1 = r.nextLong(1L << 53) * 0x1.0p-53;
      }
      double v2;
      switch (i % 5) {
        case 0: // quarter turns and the round-half-even ties 4 v2 = 0.5, 1.5, 2.5, 3.5
          v2 = (i / 5 % 8) / 8.0;
          break;
        case 1: // next to the ties
          v2 = (i / 5 % 8) / 8.0 + (r.nextInt(7) - 3) * 0x1.0p-53;
          break;
        default:
          v2 = r.nextLong(1L << 53) * 0x1.0p-53;
      }
      // pair i is block i % 8 of group i / 8: v1 at offset i % 8, v2 eight further
      int e = BlockFill.GROUP * (i / BlockFill.GROUP_BLOCKS) + i % BlockFill.GROUP_BLOCKS;
      v[e] = Math.max(0.0, Math.min(v1, 1.0 - 0x1.0p-53));
      v[e + BlockFill.GROUP_BLOCKS] = Math.max(0.0, Math.min(v2, 1.0 - 0x1.0p-53));
    }
    double[] a = v.clone();
    double[] b = v.clone();
    ScalarBlockFill.boxMuller(a, 0, a.length);
    VectorBlockFill.boxMuller(b, 0, b.length);
    assertSameBits(a, b, "Box–Muller");
  }

  @Test
  void keyFillsEqualElementwiseDrawsOnRandomPieces() {
    // Key uses the selected fill (the vector one here); normalAt/uniformAt the scalar reference.
    SplittableRandom r = new SplittableRandom(3);
    Key key = Key.of(77);
    for (int t = 0; t < 300; t++) {
      long first = t % 2 == 0 ? r.nextLong(100) : r.nextLong(1L << 62);
      int n = r.nextInt(100);
      int off = r.nextInt(3);
      double[] z = new double[off + n];
      double[] u = new double[off + n];
      key.normal(first, z, off, n, 1);
      key.uniform(first, u, off, n, 1);
      for (int j = 0; j < n; j++) {
        assertThat(z[off + j]).isEqualTo(key.normalAt(first + j));
        assertThat(u[off + j]).isEqualTo(key.uniformAt(first + j));
      }
    }
  }
}
