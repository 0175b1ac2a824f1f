package org.nde4j.kernel.simd;

/**
 * Scalar twins of the vector elementary functions in {@link VectorMath}: the same range reduction
 * and polynomials, used for array tails shorter than one vector so that every element of an array
 * gets the same algorithm (and the tails stay cheap; {@code Math.expm1} costs ~20 ns).
 *
 * <p>exp: Cody–Waite reduction {@code x = k·ln2 + r}, |r| ≤ ln2/2, with ln2 split into a head
 * whose product with k is exact and a tail (W. J. Cody and W. Waite, <i>Software Manual for the
 * Elementary Functions</i>, Prentice-Hall 1980; the constants are those of fdlibm's e_exp.c);
 * {@code e^r = 1 + r·q(r)} with q the Taylor series of {@code (e^r − 1)/r} to degree 12
 * (truncation error below 5e-18 on the reduced range); {@code 2^k} built from the raw bits of
 * {@code k + 1.5·2^52} (J.-M. Muller, <i>Elementary Functions: Algorithms and Implementation</i>,
 * 3rd ed., Birkhäuser 2016, §11 on table-free exponentials and the "magic number" rounding).
 * tanh, sigmoid and softplus use the [6/6] Padé form of e^r instead (see {@link #tanh}), which
 * folds into the division each of them needs anyway.
 */
final class CodyWaite {
  static final double LOG2E = 1.4426950408889634;
  /** ln2 head (32 significant bits, so k·LN2_HI is exact for |k| < 2^20) and tail; fdlibm. */
  static final double LN2_HI = 6.93147180369123816490e-01;
  static final double LN2_LO = 1.90821492927058770002e-10;
  static final double LN2 = 0.6931471805599453;
  /** 1.5·2^52: adding it rounds to an integer that sits in the low mantissa bits. */
  static final double MAGIC = 6755399441055744.0;
  static final long MAGIC_BITS = Double.doubleToRawLongBits(MAGIC);
  /** exp overflows above ~709.78 and is 0 below ~-745.13; clamping keeps k inside [-1077, 1025]. */
  static final double EXP_HI = 710.0;
  static final double EXP_LO = -746.0;
  /** tanh(x) rounds to ±1 beyond this (2e^{-44} < 2^-53); the scalar kernel uses the same cut. */
  static final double TANH_SAT = 22.0;

  /** q(r) = Σ r^i / (i+1)!, i = 0..12. */
  static final double Q0 = 1.0;
  static final double Q1 = 1.0 / 2;
  static final double Q2 = 1.0 / 6;
  static final double Q3 = 1.0 / 24;
  static final double Q4 = 1.0 / 120;
  static final double Q5 = 1.0 / 720;
  static final double Q6 = 1.0 / 5040;
  static final double Q7 = 1.0 / 40320;
  static final double Q8 = 1.0 / 362880;
  static final double Q9 = 1.0 / 3628800;
  static final double Q10 = 1.0 / 39916800;
  static final double Q11 = 1.0 / 479001600;
  static final double Q12 = 1.0 / 6227020800.0;

  /** [6/6] Padé approximant of e^r = (E(r²) + r·O(r²)) / (E(r²) − r·O(r²)); O(0) = 1/2. */
  static final double E1 = 5.0 / 44;
  static final double E2 = 1.0 / 792;
  static final double E3 = 1.0 / 665280;
  static final double O1 = 1.0 / 66;
  static final double O2 = 1.0 / 15840;

  /**
   * log1p via 2·atanh(s), s = f/(2+f): P(z) ≈ atanh(√z)/√z on 0 ≤ z = s² ≤ 0.04, degree 7,
   * Chebyshev-node interpolation (relative error below 3e-17 with the rounded coefficients; the
   * series Σ z^i/(2i+1) needs degree 11 for the same).
   */
  static final double P1 = 0.33333333333337684;
  static final double P2 = 0.19999999997718426;
  static final double P3 = 0.14285714740764524;
  static final double P4 = 0.11111066625651603;
  static final double P5 = 0.09093263534133338;
  static final double P6 = 0.0762367645707861;
  static final double P7 = 0.0769350150025473;

  private CodyWaite() {}

  static double q(double r) {
    double p = Q12;
    p = p * r + Q11;
    p = p * r + Q10;
    p = p * r + Q9;
    p = p * r + Q8;
    p = p * r + Q7;
    p = p * r + Q6;
    p = p * r + Q5;
    p = p * r + Q4;
    p = p * r + Q3;
    p = p * r + Q2;
    p = p * r + Q1;
    return p * r + Q0;
  }

  /** 2^k for t = MAGIC + k, −1022 ≤ k ≤ 1023. */
  static double twoTo(double t) {
    return Double.longBitsToDouble((Double.doubleToRawLongBits(t) + 1023L) << 52);
  }

  static double exp(double x) {
    if (x > EXP_HI) {
      x = EXP_HI;
    } else if (x < EXP_LO) {
      x = EXP_LO;
    }
    double t = x * LOG2E + MAGIC;
    double kf = t - MAGIC;
    double r = (x - kf * LN2_HI) - kf * LN2_LO;
    double rq = r * q(r);
    // Two scale factors keep both in the normal range near overflow and in the subnormal range.
    double t1 = kf * 0.5 + MAGIC;
    double t2 = (kf - (t1 - MAGIC)) + MAGIC;
    double s1 = twoTo(t1);
    return (s1 * rq + s1) * twoTo(t2);
  }

  /**
   * The [5/5] Padé approximant of e^{2ρ} in ρ = r/2: e^{2ρ} ≈ (E + ρ·O)/(E − ρ·O) with E = 1 +
   * TANH_E1·ρ² + TANH_E2·ρ⁴ and ρ·O = ρ + ρ³(TANH_O1 + TANH_O2·ρ²), the classical coefficients
   * 1, 1/2, 1/9, 1/72, 1/1008, 1/30240 of r^j rescaled by 2^j (relative error below 9e-16 for
   * |r| ≤ ln2/2; Baker and Graves-Morris, <i>Padé Approximants</i>, 2nd ed., CUP 1996, §1.2).
   */
  static final double TANH_E1 = 4.0 / 9;
  static final double TANH_E2 = 1.0 / 63;
  static final double TANH_O1 = 1.0 / 9;
  static final double TANH_O2 = 1.0 / 945;

  /**
   * tanh(|x|) = (e^w − 1)/(e^w + 1) for w = 2|x| = k·ln2 + 2ρ, with e^{2ρ} = A/B, A = E + ρ·O,
   * B = E − ρ·O the [5/5] Padé form above. Then tanh = ((2^k − 1)·A + 2ρ·O) / (2^k·A + B):
   * 2^k − 1 is exact for 0 ≤ k ≤ 64 and the numerator has no cancellation, so small x keep full
   * relative accuracy (measured: absolute error below 5e-16, relative below 3e-15, against
   * fdlibm). The reduction works on |x| directly (ρ = |x| − k·ln2/2), so no doubling is needed.
   */
  static double tanh(double x) {
    double ax = Math.abs(x);
    if (!(ax <= TANH_SAT)) {
      return ax > TANH_SAT ? Math.copySign(1.0, x) : x;
    }
    double t = ax * (2 * LOG2E) + MAGIC;
    double kf = t - MAGIC;
    double rho = (ax - kf * (0.5 * LN2_HI)) - kf * (0.5 * LN2_LO);
    double y = rho * rho;
    double e = (TANH_E2 * y + TANH_E1) * y + 1.0;
    double ro = rho * y * (TANH_O2 * y + TANH_O1) + rho;
    double s = twoTo(t);
    double a = e + ro;
    double num = (s - 1.0) * a + (ro + ro);
    return Math.copySign(num / (s * a + (e - ro)), x);
  }

  /**
   * With e^{-|x|} = 2^k·A/B (Padé, as in {@link #tanh}): sigmoid(|x|) = B/(B + 2^k·A) and
   * sigmoid(−|x|) = 2^k·A/(B + 2^k·A), one division; 2^k = 2^k1·2^k2 with 2^k2 applied last so
   * that a subnormal result is rounded once.
   */
  static double sigmoid(double x) {
    double w = Math.max(-Math.abs(x), EXP_LO);
    double kf = (w * LOG2E + MAGIC) - MAGIC;
    double r = (w - kf * LN2_HI) - kf * LN2_LO;
    double z = r * r;
    double e = ((E3 * z + E2) * z + E1) * z + 1.0;
    double ro = ((O2 * z + O1) * z + 0.5) * r;
    double t1 = kf * 0.5 + MAGIC;
    double s2 = twoTo((kf - (t1 - MAGIC)) + MAGIC);
    double a1 = (e + ro) * twoTo(t1);
    double b = e - ro;
    double q = 1.0 / (a1 * s2 + b);
    return x < 0 ? a1 * q * s2 : b * q;
  }

  /**
   * max(x, 0) + log1p(e), e = e^{-|x|} = 2^k·A/B, log1p(e) = 2·atanh(u): for e &lt; 1/2, u = e/(2 +
   * e) = 2^k·A/(2B + 2^k·A); for |x| ≤ ln2 (e ≥ 1/2, k ∈ {0, −1}), log1p(e) = ln2 + log1p(f) with
   * f = (e − 1)/2 and u = f/(2 + f) = (2^k·A − B)/(3B + 2^k·A), where 2^k·A − B = (2^k − 1)·A + 2r·O
   * has no cancellation. Either way 0 ≤ u² ≤ 0.04, the range of {@link #p}.
   */
  static double softplus(double x) {
    double ax = Math.abs(x);
    double w = Math.max(-ax, EXP_LO);
    double kf = (w * LOG2E + MAGIC) - MAGIC;
    double r = (w - kf * LN2_HI) - kf * LN2_LO;
    double z = r * r;
    double e = ((E3 * z + E2) * z + E1) * z + 1.0;
    double ro = ((O2 * z + O1) * z + 0.5) * r;
    double t1 = kf * 0.5 + MAGIC;
    double s1 = twoTo(t1);
    double s2 = twoTo((kf - (t1 - MAGIC)) + MAGIC);
    double a = e + ro;
    double b = e - ro;
    double sa = a * s1 * s2;
    boolean big = ax <= LN2;
    double u = (big ? (s1 * s2 - 1.0) * a + (ro + ro) : sa) / (b * (big ? 3.0 : 2.0) + sa);
    double l = (u + u) * p(u * u);
    return (x > 0 ? x : 0.0) + (big ? l + LN2 : l);
  }

  static double p(double z) {
    double p = P7;
    p = p * z + P6;
    p = p * z + P5;
    p = p * z + P4;
    p = p * z + P3;
    p = p * z + P2;
    p = p * z + P1;
    return p * z + 1.0;
  }
}
