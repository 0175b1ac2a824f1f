package org.nde4j.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link FdlibmLog} against {@code StrictMath.log} (fdlibm's {@code e_log.c} itself): the same
 * bits, not merely within an ulp, on every kind of positive normal argument.
 */
class FdlibmLogTest {

  private static void assertSameBits(double x) {
    double got = FdlibmLog.log(x);
    double want = StrictMath.log(x);
    if (Double.doubleToRawLongBits(got) != Double.doubleToRawLongBits(want)) {
      throw new AssertionError("log(" + x + ") = " + got + ", StrictMath.log gives " + want);
    }
  }

  @Test
  void bitIdenticalToStrictMathOnRandomNormals() {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 2_000_000; i++) {
      // uniform over the bit patterns of positive normal doubles: every exponent equally often
      assertSameBits(Double.longBitsToDouble(
          0x0010000000000000L + r.nextLong(0x7FE0000000000000L)));
      // uniform in (0, 1] on the 2^-53 grid, as Box–Muller's u = 1 - v
      assertSameBits((r.nextLong(1L << 53) + 1) * 0x1.0p-53);
    }
  }

  @Test
  void bitIdenticalNearPowersOfTwoAndOne() {
    // |f| < 2^-20 takes fdlibm's short-series branch; f == 0 its exact k ln2 branch.
    for (int e = -1022; e <= 1023; e++) {
      double p = Math.scalb(1.0, e);
      assertSameBits(p);
      for (int j = 1; j <= 64; j++) {
        assertSameBits(p + j * Math.ulp(p));
        assertSameBits(p * (1 + j * 0x1.0p-27));
        if (e > -1022) {
          assertSameBits(p - j * Math.ulp(p) / 2);
          assertSameBits(p * (1 - j * 0x1.0p-27));
        }
      }
    }
    SplittableRandom r = new SplittableRandom(8);
    for (int i = 0; i < 200_000; i++) {
      double f = (r.nextDouble() - 0.5) * Math.scalb(1.0, -r.nextInt(56));
      assertSameBits(1 + f);
      assertSameBits(Math.sqrt(0.5) + f); // the sqrt(2)/2 boundary of the normalisation
    }
    assertThat(FdlibmLog.log(1.0)).isEqualTo(0.0);
    assertThat(FdlibmLog.log(Double.MIN_NORMAL)).isEqualTo(StrictMath.log(Double.MIN_NORMAL));
    assertThat(FdlibmLog.log(Double.MAX_VALUE)).isEqualTo(StrictMath.log(Double.MAX_VALUE));
  }

  @Test
  void everyBoxMullerArgumentNearZeroAndOne() {
    // u = j 2^-53 for the smallest j (the deepest tails) and u = 1 - j 2^-53 (the centre).
    for (long j = 1; j <= 1 << 18; j++) {
      assertSameBits(j * 0x1.0p-53);
      assertSameBits(1.0 - j * 0x1.0p-53);
    }
  }
}
