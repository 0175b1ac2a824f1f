package org.nde4j.random;

/**
 * The Philox4x32-10 block function: a keyed bijection of 128-bit counters (four 32-bit words)
 * under a 64-bit key (two 32-bit words), ten rounds.
 *
 * <p>Reference: J. K. Salmon, M. A. Moraes, R. O. Dror, D. E. Shaw, "Parallel random numbers:
 * as easy as 1, 2, 3", SC'11, <a href="https://doi.org/10.1145/2063384.2063405">DOI
 * 10.1145/2063384.2063405</a>. Multipliers, Weyl key increments and round structure are those of
 * the paper (Random123's {@code philox4x32_R} with R = 10), so the known-answer vectors of
 * Random123's {@code tests/kat_vectors} apply unchanged.
 *
 * <p>Package-private: callers use {@link Key}, which fixes how counters are laid out.
 */
final class Philox4x32 {

  /** Round multipliers (paper, Table 2). */
  private static final long M0 = 0xD2511F53L;
  private static final long M1 = 0xCD9E8D57L;
  /** Weyl-sequence key increments: golden ratio and sqrt(3) - 1, as 32-bit fractions. */
  private static final int W0 = 0x9E3779B9;
  private static final int W1 = 0xBB67AE85;
  /** Number of rounds; 10 is the variant the paper recommends (ample Crush-resistance margin). */
  static final int ROUNDS = 10;

  private Philox4x32() {
  }

  /**
   * Encrypts counter {@code (c0, c1, c2, c3)} under key {@code (k0, k1)} and writes the four
   * output words to {@code out[0..3]}. Words are raw 32-bit patterns (Java {@code int}s are
   * read as unsigned).
   */
  static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out) {
    int x0 = c0;
    int x1 = c1;
    int x2 = c2;
    int x3 = c3;
    int key0 = k0;
    int key1 = k1;
    for (int r = 0; r < ROUNDS; r++) {
      if (r > 0) {
        // The key schedule advances between rounds, never before the first.
        key0 += W0;
        key1 += W1;
      }
      // 32x32 -> 64-bit products of unsigned words; a long holds them exactly.
      long p0 = M0 * (x0 & 0xFFFFFFFFL);
      long p1 = M1 * (x2 & 0xFFFFFFFFL);
      int y0 = (int) (p1 >>> 32) ^ x1 ^ key0;
      int y2 = (int) (p0 >>> 32) ^ x3 ^ key1;
      x1 = (int) p1;
      x3 = (int) p0;
      x0 = y0;
      x2 = y2;
    }
    out[0] = x0;
    out[1] = x1;
    out[2] = x2;
    out[3] = x3;
  }
}
