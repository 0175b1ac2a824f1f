package org.nde4j.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Contract of {@link Key}: determinism, counter-based layout, derivation, serialisation, errors. */
class KeyTest {

  private static double[] uniform(Key key, int n) {
    double[] out = new double[n];
    key.uniform(out, 0, n, 1);
    return out;
  }

  private static double[] normal(Key key, int n) {
    double[] out = new double[n];
    key.normal(out, 0, n, 1);
    return out;
  }

  @Test
  void uniformStreamStartsWithTheZeroKnownAnswerBlock() {
    // Key (0, 0), elements 0 and 8 (block 0's two values) encrypt counter (0, 0, 0, 0):
    // Random123's first philox4x32-10 vector, 6627e8d5 e169c58d bc57ac4c 9b00dbd8 (see
    // Philox4x32Test).
    Key zero = Key.fromWords(new long[] {0, 0});
    double[] u = uniform(zero, 16);
    assertThat(u[0]).isEqualTo((0x6627e8d5_e169c58dL >>> 11) * 0x1.0p-53);
    assertThat(u[8]).isEqualTo((0xbc57ac4c_9b00dbd8L >>> 11) * 0x1.0p-53);
    // The same values in decimal, computed independently (CPython, exact integer arithmetic).
    assertThat(u[0]).isEqualTo(0.3990464708489645);
    assertThat(u[8]).isEqualTo(0.7357127844834425);
  }

  /** The two uniforms of block {@code b} of {@code key}'s {@code domain}. */
  private static double[] blockUniforms(Key key, long b, int domain) {
    int[] w = new int[4];
    long[] kw = key.words();
    Philox4x32.block((int) b, (int) (b >>> 32), 0, domain, (int) kw[0], (int) kw[1], w);
    return new double[] {((((long) w[0] << 32) | (w[1] & 0xffffffffL)) >>> 11) * 0x1.0p-53,
        ((((long) w[2] << 32) | (w[3] & 0xffffffffL)) >>> 11) * 0x1.0p-53};
  }

  @Test
  void elementsComeInGroupsOfSixteenFromEightBlocks() {
    // element 16g + j: block 8g + j's first value (j < 8) or block 8g + j - 8's second (j >= 8)
    Key key = Key.of(99);
    double[] u = uniform(key, 48);
    for (int i = 0; i < 48; i++) {
      int j = i % 16;
      long b = 8L * (i / 16) + (j % 8);
      assertThat(u[i]).as("element %d", i).isEqualTo(blockUniforms(key, b, 0)[j / 8]);
    }
  }

  @Test
  void normalStreamIsBoxMullerOnItsOwnCounterDomain() {
    Key key = Key.of(2024);
    double[] v = blockUniforms(key, 3, 1); // block 3 = elements 3 and 11
    double r = StrictMath.sqrt(-2.0 * StrictMath.log(1.0 - v[0]));
    double[] z = normal(key, 16);
    // Key reduces the angle exactly before calling sin/cos, so it may differ from this naive
    // formula in the last bits only.
    assertThat(z[3]).isCloseTo(r * Math.cos(2.0 * Math.PI * v[1]), within(1e-14));
    assertThat(z[11]).isCloseTo(r * Math.sin(2.0 * Math.PI * v[1]), within(1e-14));
    assertThat(key.normalAt(3)).isEqualTo(z[3]);
    assertThat(key.normalAt(11)).isEqualTo(z[11]);
  }

  @Test
  void boxMullerAngleCoversAllQuadrants() {
    // Block b's pair r (cos, sin)(2 pi v): all four sign patterns, and the angle recovered by
    // atan2 matches the naive formula for each quadrant branch.
    Key key = Key.of(77);
    double[] z = normal(key, 4000);
    int[] seen = new int[4];
    for (int b = 0; b < 2000; b++) {
      double[] v = blockUniforms(key, b, 1);
      double r = Math.sqrt(-2.0 * Math.log(1.0 - v[0]));
      int e = 16 * (b / 8) + b % 8;
      assertThat(z[e]).isCloseTo(r * Math.cos(2 * Math.PI * v[1]), within(1e-13));
      assertThat(z[e + 8]).isCloseTo(r * Math.sin(2 * Math.PI * v[1]), within(1e-13));
      seen[(int) (v[1] * 4)]++;
    }
    for (int c : seen) {
      assertThat(c).isGreaterThan(400);
    }
  }

  @Test
  void sameKeySameNumbers() {
    assertThat(uniform(Key.of(42), 1001)).containsExactly(uniform(Key.of(42), 1001));
    assertThat(normal(Key.of(42), 1001)).containsExactly(normal(Key.of(42), 1001));
    assertThat(uniform(Key.of(42), 100)).isNotEqualTo(uniform(Key.of(43), 100));
  }

  @Test
  void uniformAndNormalStreamsDiffer() {
    double[] u = uniform(Key.of(5), 10);
    double[] z = normal(Key.of(5), 10);
    for (int i = 0; i < 10; i++) {
      assertThat(u[i]).isBetween(0.0, 1.0).isNotEqualTo(z[i]);
    }
  }

  @Test
  void subRangeFillEqualsSliceOfBiggerFill() {
    Key key = Key.of(-7);
    double[] bigU = uniform(key, 1000);
    double[] bigZ = normal(key, 1000);
    int[][] ranges = {{0, 1}, {1, 1}, {37, 101}, {38, 100}, {999, 1}, {500, 0}, {2, 998}};
    for (int[] r : ranges) {
      int first = r[0];
      int n = r[1];
      double[] u = new double[n + 9];
      double[] z = new double[n + 9];
      key.uniform(first, u, 5, n);
      key.normal(first, z, 5, n);
      for (int j = 0; j < n; j++) {
        assertThat(u[5 + j]).as("uniform %d", first + j).isEqualTo(bigU[first + j]);
        assertThat(z[5 + j]).as("normal %d", first + j).isEqualTo(bigZ[first + j]);
      }
      // Nothing outside [off, off + n) is touched.
      assertThat(u[4]).isZero();
      assertThat(u[5 + n]).isZero();
    }
    for (int i = 0; i < 1000; i += 37) {
      assertThat(key.uniformAt(i)).isEqualTo(bigU[i]);
      assertThat(key.normalAt(i)).isEqualTo(bigZ[i]);
    }
  }

  @Test
  void farIndicesUseTheHighCounterWord() {
    Key key = Key.of(1);
    long far = 1L << 40; // block 2^39: counter word c1 != 0
    double[] u = new double[4];
    key.uniform(far, u, 0, 4);
    assertThat(u[0]).isEqualTo(key.uniformAt(far)).isNotEqualTo(key.uniformAt(0));
    assertThat(u[3]).isEqualTo(key.uniformAt(far + 3));
    double[] z = new double[3];
    key.normal(Long.MAX_VALUE - 3, z, 0, 3);
    assertThat(z[2]).isEqualTo(key.normalAt(Long.MAX_VALUE - 1)).isFinite();
  }

  @Test
  void fillsAreBitIdenticalForOneTwoAndThreeThreads() {
    Key key = Key.of(123456789L);
    // Odd length and odd start put chunk boundaries inside two-element blocks.
    int n = 100_003;
    for (long first : new long[] {0L, 1L, 12_345L}) {
      double[] u1 = new double[n];
      key.uniform(first, u1, 0, n, 1);
      double[] z1 = new double[n];
      key.normal(first, z1, 0, n, 1);
      for (int threads = 2; threads <= 3; threads++) {
        double[] u = new double[n];
        key.uniform(first, u, 0, n, threads);
        double[] z = new double[n];
        key.normal(first, z, 0, n, threads);
        // Arrays.mismatch compares bit patterns (doubleToLongBits); -1 = identical.
        assertThat(Arrays.mismatch(u, u1)).as("uniform, first=%d, %d threads", first, threads)
            .isEqualTo(-1);
        assertThat(Arrays.mismatch(z, z1)).as("normal, first=%d, %d threads", first, threads)
            .isEqualTo(-1);
      }
    }
  }

  @Test
  void splitChildrenAreDistinctAndPrefixStable() {
    Key parent = Key.of(99);
    Key[] four = parent.split(4);
    Key[] many = parent.split(1000);
    assertThat(many).startsWith(four);
    Set<Key> seen = new HashSet<>();
    seen.add(parent);
    for (Key k : many) {
      assertThat(seen.add(k)).as("duplicate %s", k).isTrue();
    }
    assertThat(parent.split(1)).hasSize(1);
    // Splitting is a pure function of the key.
    assertThat(Key.of(99).split(4)).containsExactly(four);
  }

  @Test
  void foldInDistinguishesData() {
    Key key = Key.of(3);
    assertThat(key.foldIn(1)).isNotEqualTo(key.foldIn(2));
    assertThat(key.foldIn(1)).isEqualTo(Key.of(3).foldIn(1));
    Set<Key> seen = new HashSet<>();
    for (long d = -500; d < 500; d++) {
      assertThat(seen.add(key.foldIn(d))).as("foldIn(%d)", d).isTrue();
    }
    // Both 32-bit halves of the data matter.
    assertThat(seen.add(key.foldIn(1L << 32))).isTrue();
    assertThat(seen.add(key.foldIn(Long.MIN_VALUE))).isTrue();
    // Domains are separated: fold-in, split and the parent are all different keys.
    for (Key child : key.split(16)) {
      assertThat(seen).doesNotContain(child);
    }
    assertThat(seen).doesNotContain(key);
  }

  @Test
  void wordsRoundTripAndToStringShowsThem() {
    Key key = Key.of(0x0123456789abcdefL);
    assertThat(key.words()).containsExactly(0x89abcdefL, 0x01234567L);
    assertThat(Key.fromWords(key.words())).isEqualTo(key).hasSameHashCodeAs(key);
    assertThat(key).hasToString("Key[0x89abcdef, 0x01234567]");
    Key child = key.split(3)[2];
    assertThat(Key.fromWords(child.words())).isEqualTo(child);
    for (long w : child.words()) {
      assertThat(w).isBetween(0L, 0xffffffffL);
    }
    // words() is a copy.
    key.words()[0] = 5;
    assertThat(key.words()[0]).isEqualTo(0x89abcdefL);
  }

  @Test
  void badArgumentsAreRejectedByName() {
    Key key = Key.of(1);
    double[] out = new double[10];
    assertThatThrownBy(() -> key.uniform(out, 0, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n=-1");
    assertThatThrownBy(() -> key.normal(out, 0, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n=-1");
    assertThatThrownBy(() -> key.uniform(out, -1, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("off=-1");
    assertThatThrownBy(() -> key.normal(out, 9, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("off=9").hasMessageContaining("out.length=10");
    assertThatThrownBy(() -> key.uniform(out, 11, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("off=11");
    assertThatThrownBy(() -> key.uniform(-1L, out, 0, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first=-1");
    assertThatThrownBy(() -> key.normal(Long.MAX_VALUE, out, 0, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first=");
    assertThatThrownBy(() -> key.uniform(out, 0, 2, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads=0");
    assertThatThrownBy(() -> key.split(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n=0");
    assertThatThrownBy(() -> key.uniformAt(-2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index=-2");
    assertThatThrownBy(() -> Key.fromWords(new long[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("words");
    assertThatThrownBy(() -> Key.fromWords(new long[] {1, 1L << 32}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("words[1]");
    assertThatThrownBy(() -> key.uniform(null, 0, 1)).isInstanceOf(NullPointerException.class);
    // Empty fills at the very end are fine.
    key.uniform(out, 10, 0);
    key.normal(out, 0, 0);
  }

  @Test
  void singleThreadFillDoesNotAllocatePerElement() {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Key key = Key.of(8);
    double[] out = new double[100_000];
    for (int i = 0; i < 20; i++) { // warm-up: class loading and JIT allocate once
      key.normal(out, 0, out.length, 1);
      key.uniform(out, 0, out.length, 1);
    }
    long before = mx.getCurrentThreadAllocatedBytes();
    key.normal(out, 0, out.length, 1);
    key.uniform(out, 0, out.length, 1);
    long allocated = mx.getCurrentThreadAllocatedBytes() - before;
    // At most two 16-byte scratch blocks (+ headers); boxing or per-block arrays would be megabytes.
    assertThat(allocated).isLessThan(1024);
  }
}
