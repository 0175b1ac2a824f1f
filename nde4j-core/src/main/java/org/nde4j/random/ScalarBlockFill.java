package org.nde4j.random;

/**
 * The scalar {@link BlockFill}, also the reference for the element-wise {@link Key#uniformAt} and
 * {@link Key#normalAt} and for the groups {@code VectorBlockFill} leaves. A normal fill is two
 * passes over the output, as in the vector fill: the uniforms {@code (v1, v2)} of the normal
 * domain are written first (in the group layout of {@link BlockFill}), then {@link #boxMuller}
 * replaces each block's pair by its two normals.
 */
final class ScalarBlockFill implements BlockFill {
  private static final double HALF_PI = 0.5 * Math.PI;
  private static final double TWO_POW_M53 = 0x1.0p-53;
  private static final long WORD_MASK = 0xFFFFFFFFL;

  @Override
  public void uniform(int k0, int k1, long firstGroup, int groups, double[] out, int pos) {
    units(k0, k1, Key.UNIFORM, firstGroup, groups, out, pos);
  }

  @Override
  public void normal(int k0, int k1, long firstGroup, int groups, double[] out, int pos) {
    units(k0, k1, Key.NORMAL, firstGroup, groups, out, pos);
    boxMuller(out, pos, GROUP * groups);
  }

  /**
   * For the blocks of groups {@code firstGroup .. firstGroup + groups - 1} of {@code domain},
   * {@code unit(w0, w1)} and {@code unit(w2, w3)} of each block's output words into
   * {@code out[pos ..)} in the group layout: block {@code j} of a group at offsets {@code j} and
   * {@code j + GROUP_BLOCKS}.
   */
  static void units(int k0, int k1, int domain, long firstGroup, int groups, double[] out,
      int pos) {
    int[] w = new int[4];
    for (int g = 0; g < groups; g++) {
      long b0 = (firstGroup + g) * GROUP_BLOCKS;
      int p = pos + g * GROUP;
      for (int j = 0; j < GROUP_BLOCKS; j++) {
        long b = b0 + j;
        Philox4x32.block((int) b, (int) (b >>> 32), 0, domain, k0, k1, w);
        out[p + j] = unit(w[0], w[1]);
        out[p + j + GROUP_BLOCKS] = unit(w[2], w[3]);
      }
    }
  }

  /**
   * {@code unit(w0, w1)} and {@code unit(w2, w3)} of block {@code b} of {@code domain} into
   * {@code pair[0]} and {@code pair[1]}, turned into the block's two normals for the normal
   * domain: the two stream elements of block {@code b}. {@code w} is four ints of scratch.
   */
  static void block(int k0, int k1, int domain, long b, double[] pair, int[] w) {
    Philox4x32.block((int) b, (int) (b >>> 32), 0, domain, k0, k1, w);
    pair[0] = unit(w[0], w[1]);
    pair[1] = unit(w[2], w[3]);
    if (domain == Key.NORMAL) {
      boxMuller(pair, 0, 1, 1);
    }
  }

  /**
   * Replaces the pairs {@code (v1, v2)} of whole groups in {@code a[pos .. pos + n)} ({@code n} a
   * multiple of {@link BlockFill#GROUP}; values multiples of 2^-53 in [0, 1)), {@code v1} at
   * offset {@code j} and {@code v2} at {@code j + GROUP_BLOCKS} of a group, by their Box–Muller
   * normals.
   */
  static void boxMuller(double[] a, int pos, int n) {
    for (int g = pos; g < pos + n; g += GROUP) {
      boxMuller(a, g, GROUP_BLOCKS, GROUP_BLOCKS);
    }
  }

  /**
   * Replaces {@code count} pairs {@code (a[p], a[p + gap])}, {@code p = pos ..}, each by the
   * Box–Muller pair {@code r cos(2 pi v2), r sin(2 pi v2)}, {@code r = sqrt(-2 ln(1 - v1))},
   * exactly as the class comment of {@link Key} defines it.
   */
  private static void boxMuller(double[] a, int pos, int gap, int count) {
    for (int p = pos; p < pos + count; p++) {
      double r = Math.sqrt(-2.0 * FdlibmLog.log(1.0 - a[p]));
      double v = a[p + gap];
      double m = Math.rint(4.0 * v);
      double b = (4.0 * v - m) * HALF_PI;
      double c = QuarterTrig.cos(b);
      double s = QuarterTrig.sin(b);
      switch ((int) m & 3) { // rotate (cos b, sin b) by m quarter turns
        case 0: a[p] = r * c; a[p + gap] = r * s; break;
        case 1: a[p] = -r * s; a[p + gap] = r * c; break;
        case 2: a[p] = -r * c; a[p + gap] = -r * s; break;
        default: a[p] = r * s; a[p + gap] = -r * c; break;
      }
    }
  }

  /** The top 53 of the 64 bits {@code hi:lo} as a multiple of 2^-53 in [0, 1): exact, unbiased. */
  static double unit(int hi, int lo) {
    long bits = ((long) hi << 32) | (lo & WORD_MASK);
    return (bits >>> 11) * TWO_POW_M53;
  }
}
