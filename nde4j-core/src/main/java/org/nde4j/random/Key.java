package org.nde4j.random;

import org.nde4j.kernel.Parallel;

/**
 * An immutable, splittable, counter-based random key in the style of JAX's PRNG keys: every random
 * number is a pure function of a key and an index, so results are reproducible whatever the
 * thread count or evaluation order (design §1.8). There is no hidden state: draw twice from the
 * same key and you get the same numbers; derive new keys with {@link #split(int)} or
 * {@link #foldIn(long)} for independent streams.
 *
 * <p><b>Generator.</b> Philox4x32-10 (J. K. Salmon, M. A. Moraes, R. O. Dror, D. E. Shaw,
 * "Parallel random numbers: as easy as 1, 2, 3", SC'11,
 * <a href="https://doi.org/10.1145/2063384.2063405">DOI 10.1145/2063384.2063405</a>): the key is
 * Philox's two 32-bit key words {@code (k0, k1)}; each draw encrypts a 128-bit counter
 * {@code (c0, c1, c2, c3)}.
 *
 * <p><b>Stream definition</b> (part of the contract; changing it changes every seeded result).
 * Counter word {@code c3} separates domains, {@code c2} is 0. Block {@code b} of a domain is the
 * Philox output {@code (w0, w1, w2, w3)} of counter {@code (lo32(b), hi32(b), 0, domain)}; its two
 * values are {@code unit(w0, w1)} and {@code unit(w2, w3)}, where
 * {@code unit(hi, lo) = ((hi << 32 | lo) >>> 11) * 2^-53}, a multiple of {@code 2^-53} in
 * {@code [0, 1)}. Elements come in groups of 16 from 8 blocks: element {@code i} with
 * {@code g = i / 16}, {@code j = i mod 16} is the first value of block {@code 8g + j} for
 * {@code j < 8} and the second value of block {@code 8g + j - 8} for {@code j >= 8} (a layout in
 * which a vector fill needs no lane shuffles).
 * <ul>
 *   <li>uniform element {@code i}: its value in the uniform domain (0);</li>
 *   <li>normal element {@code i}: with {@code (v1, v2)} the two values of its block in the normal
 *       domain (1) and {@code u1 = 1 - v1} in {@code (0, 1]}, Box–Muller gives the element from
 *       the first value {@code sqrt(-2 ln u1) cos(2 pi v2)} and the element from the second value
 *       the same with {@code sin} (G. E. P. Box, M. E. Muller, Ann. Math. Statist. 29 (1958)
 *       610–611, <a href="https://doi.org/10.1214/aoms/1177706645">DOI 10.1214/aoms/1177706645</a>).
 *       The angle is reduced exactly: with {@code m = rint(4 v2)} and
 *       {@code b = (4 v2 - m) pi/2} (the subtraction is exact, {@code |b| <= pi/4}),
 *       {@code (cos, sin)(2 pi v2)} is {@code (cos b, sin b)} rotated by {@code m} quarter turns.
 *       The logarithm is fdlibm's {@code e_log.c} algorithm in one branch-free form
 *       ({@code FdlibmLog}), the square root IEEE's correctly rounded one, and sin and cos on
 *       {@code [-pi/4, pi/4]} fdlibm's kernel polynomials, the cosine without its
 *       {@code |x| >= 0.3} correction ({@code QuarterTrig}); each is within 1 ulp of
 *       {@code StrictMath}. Plain IEEE arithmetic without fused multiply-adds, so the values are
 *       the same on every JVM, platform and execution mode;</li>
 *   <li>{@code split(n)[j]}: output words 0,1 of counter {@code (j, 0, 0, 2)};</li>
 *   <li>{@code foldIn(d)}: output words 0,1 of counter {@code (lo32(d), hi32(d), 0, 3)}.</li>
 * </ul>
 * Because the domains differ, the numbers a key produces say nothing about the keys derived from
 * it. Indices are {@code long}s in {@code [0, 2^63)}.
 *
 * <p><b>Fills.</b> {@code uniform}/{@code normal} write {@code n} values to
 * {@code out[off .. off + n)}, value {@code j} being element {@code first + j} of the stream
 * ({@code first = 0} in the short overloads). A fill may be split across threads by index ranges
 * through {@link Parallel}; since each value depends only on its index, the result is
 * bit-identical for every thread count. The overloads without a thread count use
 * {@link Parallel#threads()} (1 unless configured). Whole groups are computed several at a time
 * with the Vector API when {@code jdk.incubator.vector} is present (Philox in 32-bit lanes, the
 * Box–Muller transform lane by lane with the same IEEE operations), by the scalar reference
 * otherwise; the two give the same bits, and {@link #uniformAt}/{@link #normalAt} (always scalar,
 * one block each) equal the elements of any fill.
 *
 * <p><b>Allocation.</b> A fill on one thread allocates a few small scratch arrays per call (a
 * four-{@code int} block, a two-{@code double} pair, a group for a partial group at either end),
 * outside its loops; a parallel fill also allocates the hand-off to {@link Parallel}. {@code split} and {@code foldIn} allocate the keys they return.
 *
 * <p><b>Thread safety.</b> Immutable; share freely. Concurrent fills into disjoint ranges of one
 * array are fine.
 */
public final class Key {

  /** Counter word 3 of each domain; see the class comment. */
  static final int UNIFORM = 0;
  static final int NORMAL = 1;
  private static final int SPLIT = 2;
  private static final int FOLD_IN = 3;

  /** Smallest index range handed to one thread; below it thread hand-off costs more than it saves. */
  private static final int MIN_CHUNK = 4096;

  /** The whole-block fill: Vector API when available, scalar otherwise; the same values. */
  private static final BlockFill FILL = BlockFill.select();

  private static final long WORD_MASK = 0xFFFFFFFFL;

  private final int k0;
  private final int k1;

  private Key(int k0, int k1) {
    this.k0 = k0;
    this.k1 = k1;
  }

  /**
   * The key for a seed: {@code k0} = low 32 bits, {@code k1} = high 32 bits of {@code seed}.
   * Philox is designed so that such simple keys (even consecutive ones) give independent
   * streams (Salmon et al., §2), so no further mixing is needed. Any {@code long} is a valid seed.
   */
  public static Key of(long seed) {
    return new Key((int) seed, (int) (seed >>> 32));
  }

  /**
   * The key with the given Philox key words, as returned by {@link #words()}.
   *
   * @param words exactly two values, each in {@code [0, 2^32)}: {@code k0}, {@code k1}
   * @throws IllegalArgumentException naming {@code words} if the length or a value is wrong
   */
  public static Key fromWords(long[] words) {
    if (words == null || words.length != 2) {
      throw new IllegalArgumentException("words must hold exactly 2 values, got "
          + (words == null ? "null" : "words.length=" + words.length));
    }
    for (int i = 0; i < 2; i++) {
      if ((words[i] & ~WORD_MASK) != 0) {
        throw new IllegalArgumentException(
            "words[" + i + "] must be in [0, 2^32), got " + words[i]);
      }
    }
    return new Key((int) words[0], (int) words[1]);
  }

  /** The two Philox key words {@code {k0, k1}}, each in {@code [0, 2^32)}; a fresh array. */
  public long[] words() {
    return new long[] {k0 & WORD_MASK, k1 & WORD_MASK};
  }

  /**
   * {@code n} new keys whose streams are independent of each other and of this key's.
   * Child {@code j} does not depend on {@code n}: {@code split(n)[j] == split(m)[j]} for
   * {@code j < min(n, m)}.
   *
   * @param n number of children, {@code >= 1}
   * @throws IllegalArgumentException naming {@code n} if {@code n < 1}
   */
  public Key[] split(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got n=" + n);
    }
    Key[] children = new Key[n];
    int[] w = new int[4];
    for (int j = 0; j < n; j++) {
      Philox4x32.block(j, 0, 0, SPLIT, k0, k1, w);
      children[j] = new Key(w[0], w[1]);
    }
    return children;
  }

  /**
   * The key derived from this one and {@code data} (a step number, a sample index, …); distinct
   * {@code data} give independent keys, the same {@code data} the same key. Any {@code long}
   * is allowed.
   */
  public Key foldIn(long data) {
    int[] w = new int[4];
    Philox4x32.block((int) data, (int) (data >>> 32), 0, FOLD_IN, k0, k1, w);
    return new Key(w[0], w[1]);
  }

  /** Element {@code index} of this key's uniform stream, in {@code [0, 1)}; see the class comment. */
  public double uniformAt(long index) {
    checkIndex(index);
    return element(UNIFORM, index);
  }

  /** Element {@code index} of this key's standard-normal stream; see the class comment. */
  public double normalAt(long index) {
    checkIndex(index);
    return element(NORMAL, index);
  }

  /**
   * Fills {@code out[off .. off + n)} with elements {@code 0 .. n-1} of the uniform stream:
   * U[0, 1) with 53 random bits each. Uses {@link Parallel#threads()} threads.
   *
   * @throws IllegalArgumentException naming the argument if {@code n < 0} or
   *                                  {@code [off, off + n)} does not fit in {@code out}
   */
  public void uniform(double[] out, int off, int n) {
    fill(UNIFORM, 0L, out, off, n, Parallel.threads());
  }

  /**
   * As {@link #uniform(double[], int, int)} with an explicit thread count; the values are the
   * same for every {@code threads}.
   *
   * @param threads 1 to {@link Parallel#MAX_THREADS}
   */
  public void uniform(double[] out, int off, int n, int threads) {
    fill(UNIFORM, 0L, out, off, n, threads);
  }

  /**
   * Fills {@code out[off .. off + n)} with elements {@code first .. first + n - 1} of the
   * uniform stream, so a long stream can be produced piece by piece.
   *
   * @param first index of the first element, {@code >= 0}, with {@code first + n <= 2^63 - 1}
   */
  public void uniform(long first, double[] out, int off, int n) {
    fill(UNIFORM, first, out, off, n, Parallel.threads());
  }

  /** The general uniform fill: stream elements from {@code first}, explicit thread count. */
  public void uniform(long first, double[] out, int off, int n, int threads) {
    fill(UNIFORM, first, out, off, n, threads);
  }

  /**
   * Fills {@code out[off .. off + n)} with elements {@code 0 .. n-1} of the standard-normal
   * stream (mean 0, variance 1). Odd {@code n} is fine: each element depends on its index only.
   * Uses {@link Parallel#threads()} threads.
   *
   * @throws IllegalArgumentException naming the argument if {@code n < 0} or
   *                                  {@code [off, off + n)} does not fit in {@code out}
   */
  public void normal(double[] out, int off, int n) {
    fill(NORMAL, 0L, out, off, n, Parallel.threads());
  }

  /** As {@link #normal(double[], int, int)} with an explicit thread count; same values. */
  public void normal(double[] out, int off, int n, int threads) {
    fill(NORMAL, 0L, out, off, n, threads);
  }

  /** Normal fill of stream elements {@code first .. first + n - 1}; see {@link #uniform(long, double[], int, int)}. */
  public void normal(long first, double[] out, int off, int n) {
    fill(NORMAL, first, out, off, n, Parallel.threads());
  }

  /** The general normal fill: stream elements from {@code first}, explicit thread count. */
  public void normal(long first, double[] out, int off, int n, int threads) {
    fill(NORMAL, first, out, off, n, threads);
  }

  private void fill(int domain, long first, double[] out, int off, int n, int threads) {
    if (out == null) {
      throw new NullPointerException("out");
    }
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got n=" + n);
    }
    if (off < 0 || off > out.length - n) {
      throw new IllegalArgumentException("off=" + off + " with n=" + n
          + " does not fit in out.length=" + out.length);
    }
    if (first < 0 || first > Long.MAX_VALUE - n) {
      throw new IllegalArgumentException(
          "first must be in [0, 2^63 - 1 - n], got first=" + first + " with n=" + n);
    }
    if (n == 0) {
      return;
    }
    // Decide here rather than in Parallel so the single-thread path builds no lambda.
    if (Parallel.chunks(n, MIN_CHUNK, threads) == 1) {
      fillRange(domain, first, out, off, n);
    } else {
      Parallel.forRange(n, MIN_CHUNK, threads,
          (from, to) -> fillRange(domain, first + from, out, off + from, to - from));
    }
  }

  /** Writes stream elements {@code index ..} to {@code out[pos .. pos + count)}; arguments checked. */
  private void fillRange(int domain, long index, double[] out, int pos, int count) {
    int end = pos + count;
    long i = index;
    int p = pos;
    // A range may start or end inside a group of 16 elements: those elements on their own.
    int head = (int) Math.min(end - p, (BlockFill.GROUP - (i & (BlockFill.GROUP - 1)))
        & (BlockFill.GROUP - 1));
    partialGroup(domain, i, out, p, head);
    i += head;
    p += head;
    int groups = (end - p) / BlockFill.GROUP;
    if (groups > 0) {
      if (domain == UNIFORM) {
        FILL.uniform(k0, k1, i / BlockFill.GROUP, groups, out, p);
      } else {
        FILL.normal(k0, k1, i / BlockFill.GROUP, groups, out, p);
      }
      p += BlockFill.GROUP * groups;
      i += (long) BlockFill.GROUP * groups;
    }
    partialGroup(domain, i, out, p, end - p);
  }

  /**
   * Elements {@code index .. index + n - 1} (inside one group, {@code n < 16}) to
   * {@code out[pos ..)}: a block per element, or the whole group once that is cheaper.
   */
  private void partialGroup(int domain, long index, double[] out, int pos, int n) {
    if (n >= BlockFill.GROUP_BLOCKS) {
      double[] group = new double[BlockFill.GROUP];
      long g = index / BlockFill.GROUP;
      ScalarBlockFill.units(k0, k1, domain, g, 1, group, 0);
      if (domain == NORMAL) {
        ScalarBlockFill.boxMuller(group, 0, BlockFill.GROUP);
      }
      System.arraycopy(group, (int) (index - g * BlockFill.GROUP), out, pos, n);
      return;
    }
    if (n > 0) {
      double[] pair = new double[2];
      int[] w = new int[4];
      for (int j = 0; j < n; j++) {
        out[pos + j] = element(domain, index + j, pair, w);
      }
    }
  }

  /** Element {@code index} of the {@code domain} stream, by the scalar reference arithmetic. */
  private double element(int domain, long index) {
    return element(domain, index, new double[2], new int[4]);
  }

  /** {@link #element(int, long)} with scratch: a pair of doubles and four ints. */
  private double element(int domain, long index, double[] pair, int[] w) {
    int j = (int) (index & (BlockFill.GROUP - 1));
    long block = (index / BlockFill.GROUP) * BlockFill.GROUP_BLOCKS + j % BlockFill.GROUP_BLOCKS;
    ScalarBlockFill.block(k0, k1, domain, block, pair, w);
    return pair[j / BlockFill.GROUP_BLOCKS];
  }

  private static void checkIndex(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got index=" + index);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Key && ((Key) o).k0 == k0 && ((Key) o).k1 == k1;
  }

  @Override
  public int hashCode() {
    return 31 * k0 + k1;
  }

  /** {@code Key[0x…, 0x…]}: the words {@code k0, k1} in hexadecimal, as {@link #words()}. */
  @Override
  public String toString() {
    return String.format("Key[0x%08x, 0x%08x]", k0, k1);
  }
}
