package org.nde4j.random;

/**
 * The natural logarithm by the algorithm and constants of fdlibm's {@code e_log.c} (Sun
 * Microsystems 1993, {@code __ieee754_log}) for positive normal arguments, in plain IEEE arithmetic
 * and without branches: fdlibm picks one of two final forms and a short series for tiny
 * {@code f} by the argument's bits; this class always takes the first form, which is accurate for
 * every reduced argument. The result is within 1 ulp of {@code StrictMath.log} (that same fdlibm
 * routine) and equal to it at powers of two; it differs from it in the last bit for about 2 % of
 * the arguments. With one path {@code VectorBlockFill} evaluates the very same steps lane by lane
 * without computing every branch and selecting; with the same change to the cosine
 * ({@link QuarterTrig}) a normal fill became 1.15× faster.
 *
 * <p>Algorithm: {@code x = 2^k (1 + f)} with {@code sqrt(2)/2 < 1 + f < sqrt(2)}; with
 * {@code s = f / (2 + f)}, {@code log(1 + f) = f - f^2/2 + s (f^2/2 + R(s^2))} where {@code R} is
 * a degree-14 minimax polynomial in {@code s} (error below 2^-58.45); then
 * {@code log x = k ln2_hi - ((f^2/2 - (s (f^2/2 + R) + k ln2_lo)) - f)}.
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

  private FdlibmLog() {}

  /**
   * log x for a positive normal {@code x} ({@code 2^-1022 <= x < infinity}), within 1 ulp of
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
    double s = f / (2.0 + f);
    double z = s * s;
    double w = z * z;
    double t1 = w * (LG2 + w * (LG4 + w * LG6));
    double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    double r = t2 + t1;
    double hfsq = 0.5 * f * f;
    return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
  }
}
