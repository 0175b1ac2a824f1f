package org.nde4j.random;

/**
 * The natural logarithm of fdlibm's {@code e_log.c} (Sun Microsystems 1993; the algorithm and
 * constants of {@code __ieee754_log}) for positive normal arguments, in plain IEEE arithmetic: the
 * results are bit-identical to {@code StrictMath.log}, which is that same fdlibm routine, but the
 * call is an ordinary Java method (on JDK 17 {@code StrictMath.log} is a native call, about 10 ns)
 * that the JIT inlines, and {@code VectorBlockFill} evaluates the very same steps lane by lane.
 *
 * <p>Algorithm: {@code x = 2^k (1 + f)} with {@code sqrt(2)/2 < 1 + f < sqrt(2)}; with
 * {@code s = f / (2 + f)}, {@code log(1 + f) = f - f^2/2 + s (f^2/2 + R(s^2))} where {@code R} is
 * a degree-14 minimax polynomial in {@code s} (error below 2^-58.45); then
 * {@code log x = k ln2_hi + (log(1 + f) + k ln2_lo)}. Error below 1 ulp.
 */
final class FdlibmLog {
  static final double LN2_HI = 6.93147180369123816490e-01; // 0x3fe62e42 fee00000
  static final double LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
  static final double LG1 = 6.666666666666735130e-01; // 0x3FE55555 55555593
  static final double LG2 = 3.999999999940941908e-01; // 0x3FD99999 9997FA04
  static final double LG3 = 2.857142874366239149e-01; // 0x3FD24924 94229359
  static final double LG4 = 2.222219843214978396e-01; // 0x3FCC71C5 1D8E78AF
  static final double LG5 = 1.818357216161805012e-01; // 0x3FC74664 96CB03DE
  static final double LG6 = 1.531383769920937332e-01; // 0x3FC39A09 D078C69F
  static final double LG7 = 1.479819860511658591e-01; // 0x3FC2F112 DF3E5244
  /** 1/3 as fdlibm writes it for the short series of the tiny-{@code f} case. */
  static final double THIRD = 0.33333333333333333;

  private FdlibmLog() {}

  /**
   * log x for a positive normal {@code x} ({@code 2^-1022 <= x < infinity}), bit-identical to
   * {@code StrictMath.log(x)}. Zero, subnormal, negative, infinite and NaN arguments are not
   * handled (Box–Muller's {@code u} lies in {@code [2^-53, 1]}).
   */
  static double log(double x) {
    long bits = Double.doubleToRawLongBits(x);
    int hx = (int) (bits >>> 32);
    int k = (hx >> 20) - 1023;
    hx &= 0x000fffff;
    int i = (hx + 0x95f64) & 0x100000;
    // normalise x or x/2 into [sqrt(2)/2, sqrt(2))
    double y = Double.longBitsToDouble(
        ((long) (hx | (i ^ 0x3ff00000)) << 32) | (bits & 0xFFFFFFFFL));
    k += i >> 20;
    double f = y - 1.0;
    double dk = k;
    if ((0x000fffff & (2 + hx)) < 3) { // |f| < 2^-20
      if (f == 0.0) {
        return k == 0 ? 0.0 : dk * LN2_HI + dk * LN2_LO;
      }
      double r = f * f * (0.5 - THIRD * f);
      return k == 0 ? f - r : dk * LN2_HI - ((r - dk * LN2_LO) - f);
    }
    double s = f / (2.0 + f);
    double z = s * s;
    double w = z * z;
    double t1 = w * (LG2 + w * (LG4 + w * LG6));
    double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    double r = t2 + t1;
    if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
      double hfsq = 0.5 * f * f;
      return k == 0 ? f - (hfsq - s * (hfsq + r))
          : dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
    }
    return k == 0 ? f - s * (f - r) : dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
  }
}
