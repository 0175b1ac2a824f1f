package org.nde4j.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link FdlibmLog} against {@code StrictMath.log} (fdlibm's {@code e_log.c} itself, whose error
 * is below 1 ulp): within 1 ulp of it on every kind of positive normal argument, including the
 * ranges where fdlibm takes its other branches, and the same bits at powers of two.
 */
class FdlibmLogTest {

  private static void assertWithinUlp(double x) {
    double got = FdlibmLog.log(x);
    double want = StrictMath.log(x);
    if (!(Math.abs(got - want) <= Math.ulp(want))) {
      throw new AssertionError("log(" + x + ") = " + got + ", StrictMath.log gives " + want);
    }
  }

  private static void assertSameBits(double x) {
    double got = FdlibmLog.log(x);
    double want = StrictMath.log(x);
    if (Double.doubleToRawLongBits(got) != Double.doubleToRawLongBits(want)) {
      throw new AssertionError("log(" + x + ") = " + got + ", StrictMath.log gives " + want);
    }
  }

  @Test
  void withinOneUlpOfStrictMathOnRandomNormals() {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 2_000_000; i++) {
      // uniform over the bit patterns of positive normal doubles: every exponent equally often
      assertWithinUlp(Double.longBitsToDouble(
          0x0010000000000000L + r.nextLong(0x7FE0000000000000L)));
      // uniform in (0, 1] on the 2^-53 grid, as Box–Muller's u = 1 - v
      assertWithinUlp((r.nextLong(1L << 53) + 1) * 0x1.0p-53);
    }
  }

  @Test
  void withinOneUlpNearPowersOfTwoAndOne() {
    // |f| < 2^-20 is fdlibm's short-series branch, f == 0 its exact k ln2 branch: here the one
    // form must still be within 1 ulp, and exact at f == 0.
    for (int e = -1022; e <= 1023; e++) {
      double p = Math.scalb(1.0, e);
      assertSameBits(p); // f == 0: the same bits
      for (int j = 1; j <= 64; j++) {
        assertWithinUlp(p + j * Math.ulp(p));
        assertWithinUlp(p * (1 + j * 0x1.0p-27));
        if (e > -1022) {
          assertWithinUlp(p - j * Math.ulp(p) / 2);
          assertWithinUlp(p * (1 - j * 0x1.0p-27));
        }
      }
    }
    SplittableRandom r = new SplittableRandom(8);
    for (int i = 0; i < 200_000; i++) {
      double f = (r.nextDouble() - 0.5) * Math.scalb(1.0, -r.nextInt(56));
      assertWithinUlp(1 + f);
      assertWithinUlp(Math.sqrt(0.5) + f); // the sqrt(2)/2 boundary of the normalisation
    }
    assertThat(FdlibmLog.log(1.0)).isEqualTo(0.0);
    assertSameBits(Double.MIN_NORMAL);
    assertWithinUlp(Double.MAX_VALUE);
  }

  @Test
  void everyBoxMullerArgumentNearZeroAndOne() {
    // u = j 2^-53 for the smallest j (the deepest tails) and u = 1 - j 2^-53 (the centre).
    for (long j = 1; j <= 1 << 18; j++) {
      assertWithinUlp(j * 0x1.0p-53);
      assertWithinUlp(1.0 - j * 0x1.0p-53);
    }
  }
}
