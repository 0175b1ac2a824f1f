package org.nde4j.random;

/**
 * The scalar {@link BlockFill}, also the reference for the element-wise {@link Key#uniformAt} and
 * {@link Key#normalAt} and for the tails of {@code VectorBlockFill}. A normal fill is two passes
 * over the output, as in the vector fill: the uniform pairs {@code (v1, v2)} of the normal domain
 * are written first, then {@link #boxMuller} replaces each pair by its two normals.
 */
final class ScalarBlockFill implements BlockFill {
  private static final double HALF_PI = 0.5 * Math.PI;
  private static final double TWO_POW_M53 = 0x1.0p-53;
  private static final long WORD_MASK = 0xFFFFFFFFL;

  @Override
  public void uniform(int k0, int k1, long first, int blocks, double[] out, int pos) {
    units(k0, k1, Key.UNIFORM, first, blocks, out, pos);
  }

  @Override
  public void normal(int k0, int k1, long first, int blocks, double[] out, int pos) {
    units(k0, k1, Key.NORMAL, first, blocks, out, pos);
    boxMuller(out, pos, 2 * blocks);
  }

  /**
   * For blocks {@code first .. first + blocks - 1} of {@code domain}, the pair
   * {@code (unit(w0, w1), unit(w2, w3))} of each block's output words into {@code out[pos ..)}.
   */
  static void units(int k0, int k1, int domain, long first, int blocks, double[] out, int pos) {
    int[] w = new int[4];
    for (int j = 0; j < blocks; j++) {
      long b = first + j;
      Philox4x32.block((int) b, (int) (b >>> 32), 0, domain, k0, k1, w);
      out[pos + 2 * j] = unit(w[0], w[1]);
      out[pos + 2 * j + 1] = unit(w[2], w[3]);
    }
  }

  /**
   * Replaces each pair {@code (v1, v2)} in {@code a[pos .. pos + n)} ({@code n} even, values
   * multiples of 2^-53 in [0, 1)) by the Box–Muller pair {@code r cos(2 pi v2), r sin(2 pi v2)},
   * {@code r = sqrt(-2 ln(1 - v1))}, exactly as the class comment of {@link Key} defines it.
   */
  static void boxMuller(double[] a, int pos, int n) {
    for (int p = pos; p < pos + n; p += 2) {
      double r = Math.sqrt(-2.0 * FdlibmLog.log(1.0 - a[p]));
      double v = a[p + 1];
      double m = Math.rint(4.0 * v);
      double b = (4.0 * v - m) * HALF_PI;
      double c = QuarterTrig.cos(b);
      double s = QuarterTrig.sin(b);
      switch ((int) m & 3) { // rotate (cos b, sin b) by m quarter turns
        case 0: a[p] = r * c; a[p + 1] = r * s; break;
        case 1: a[p] = -r * s; a[p + 1] = r * c; break;
        case 2: a[p] = -r * c; a[p + 1] = -r * s; break;
        default: a[p] = r * s; a[p + 1] = -r * c; break;
      }
    }
  }

  /** The top 53 of the 64 bits {@code hi:lo} as a multiple of 2^-53 in [0, 1): exact, unbiased. */
  static double unit(int hi, int lo) {
    long bits = ((long) hi << 32) | (lo & WORD_MASK);
    return (bits >>> 11) * TWO_POW_M53;
  }
}
