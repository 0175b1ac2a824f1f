package org.nde4j.kernel.simd;

import static org.nde4j.kernel.simd.CodyWaite.EXP_HI;
import static org.nde4j.kernel.simd.CodyWaite.EXP_LO;
import static org.nde4j.kernel.simd.CodyWaite.LN2;
import static org.nde4j.kernel.simd.CodyWaite.LN2_HI;
import static org.nde4j.kernel.simd.CodyWaite.LN2_LO;
import static org.nde4j.kernel.simd.CodyWaite.LOG2E;
import static org.nde4j.kernel.simd.CodyWaite.MAGIC;
import static org.nde4j.kernel.simd.CodyWaite.TANH_SAT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector elementary functions built only from operations C2 intrinsifies on AVX2 (FMA, compare,
 * blend, 64-bit shifts and adds on the raw bits); the library's {@code VectorOperators.EXP/TANH}
 * are calls into a slow fallback here. The algorithms are those of {@link CodyWaite}, whose
 * scalar methods handle array tails.
 */
final class VectorMath {
  static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  /** Elements per pass of the two-pass functions (a multiple of every vector length). */
  static final int CHUNK = 256;
  private static final long SIGN = 0x8000_0000_0000_0000L;

  private VectorMath() {}

  static void exp(double[] x, int xo, double[] y, int yo, int n) {
    int i = 0;
    for (int end = S.loopBound(n); i < end; i += S.length()) {
      exp(DoubleVector.fromArray(S, x, xo + i)).intoArray(y, yo + i);
    }
    for (; i < n; i++) {
      y[yo + i] = CodyWaite.exp(x[xo + i]);
    }
  }

  static void tanh(double[] x, int xo, double[] y, int yo, int n) {
    int i = 0;
    for (int end = S.loopBound(n); i < end; i += S.length()) {
      tanh(DoubleVector.fromArray(S, x, xo + i)).intoArray(y, yo + i);
    }
    for (; i < n; i++) {
      y[yo + i] = CodyWaite.tanh(x[xo + i]);
    }
  }

  static void sigmoid(double[] x, int xo, double[] y, int yo, int n) {
    int i = 0;
    for (int end = S.loopBound(n); i < end; i += S.length()) {
      sigmoid(DoubleVector.fromArray(S, x, xo + i)).intoArray(y, yo + i);
    }
    for (; i < n; i++) {
      y[yo + i] = CodyWaite.sigmoid(x[xo + i]);
    }
  }

  /**
   * Two passes per chunk (e = e^{-|x|} into scratch, then max(x, 0) + log1p(e)): exp and log1p
   * in one loop body exceed C2's inlining node budget, and a call that is not inlined makes every
   * vector a heap box.
   */
  static void softplus(double[] x, int xo, double[] y, int yo, int n) {
    double[] e = KernelScratch.get().chunk;
    for (int base = 0; base < n; base += CHUNK) {
      int len = Math.min(CHUNK, n - base);
      int end = S.loopBound(len);
      expNegAbs(x, xo + base, e, end);
      softplusFinish(x, xo + base, e, y, yo + base, end);
      for (int i = end; i < len; i++) {
        y[yo + base + i] = CodyWaite.softplus(x[xo + base + i]);
      }
    }
  }

  private static void expNegAbs(double[] x, int xo, double[] e, int end) {
    for (int i = 0; i < end; i += S.length()) {
      exp(DoubleVector.fromArray(S, x, xo + i).abs().neg()).intoArray(e, i);
    }
  }

  private static void softplusFinish(double[] x, int xo, double[] e, double[] y, int yo, int end) {
    for (int i = 0; i < end; i += S.length()) {
      DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
      DoubleVector pos = DoubleVector.zero(S).blend(v, v.compare(VectorOperators.GT, 0.0));
      pos.add(log1pUnit(DoubleVector.fromArray(S, e, i))).intoArray(y, yo + i);
    }
  }

  /** e^x on every lane; NaN stays NaN, ±inf give inf / 0, subnormal results rounded once. */
  static DoubleVector exp(DoubleVector x) {
    // compare+blend rather than min/max: cheaper on AVX2 and lets NaN through untouched.
    x = x.blend(EXP_HI, x.compare(VectorOperators.GT, EXP_HI));
    x = x.blend(EXP_LO, x.compare(VectorOperators.LT, EXP_LO));
    DoubleVector t = x.fma(c(LOG2E), c(MAGIC));
    DoubleVector kf = t.sub(MAGIC);
    DoubleVector r = kf.fma(c(-LN2_HI), x);
    r = kf.fma(c(-LN2_LO), r);
    DoubleVector rq = r.mul(q(r));
    // k = k1 + k2 with both halves in the normal exponent range, so 2^k never overflows early
    // and the subnormal result is rounded by the last multiplication only.
    DoubleVector t1 = kf.fma(c(0.5), c(MAGIC));
    DoubleVector t2 = kf.sub(t1.sub(MAGIC)).add(MAGIC);
    DoubleVector s1 = twoTo(t1);
    return rq.fma(s1, s1).mul(twoTo(t2));
  }

  /** tanh on every lane via expm1(2|x|); relative accuracy kept down to subnormal x. */
  static DoubleVector tanh(DoubleVector x) {
    DoubleVector ax = x.abs();
    DoubleVector y = ax.add(ax);
    y = y.blend(2 * TANH_SAT, y.compare(VectorOperators.GT, 2 * TANH_SAT));
    DoubleVector t = y.fma(c(LOG2E), c(MAGIC));
    DoubleVector kf = t.sub(MAGIC);
    DoubleVector r = kf.fma(c(-LN2_HI), y);
    r = kf.fma(c(-LN2_LO), r);
    DoubleVector rq = r.mul(q(r));
    DoubleVector s = twoTo(t);
    DoubleVector e = s.fma(rq, s.sub(1.0)); // expm1(y): s − 1 is exact for 0 ≤ k ≤ 64
    DoubleVector th = e.div(e.add(2.0));
    th = th.blend(1.0, ax.compare(VectorOperators.GT, TANH_SAT));
    return copySign(th, x);
  }

  /** 1/(1+e^{-x}) with e = e^{-|x|} ≤ 1, so nothing overflows for any finite or infinite x. */
  static DoubleVector sigmoid(DoubleVector x) {
    DoubleVector e = exp(x.abs().neg());
    DoubleVector s = e.add(1.0);
    s = DoubleVector.broadcast(S, 1.0).div(s);
    VectorMask<Double> neg = x.compare(VectorOperators.GE, 0.0).not();
    return s.blend(e.mul(s), neg);
  }

  /** log(1 + e) for lanes e in [0, 1]; see {@link CodyWaite#log1pUnit}. */
  static DoubleVector log1pUnit(DoubleVector e) {
    VectorMask<Double> big = e.compare(VectorOperators.GE, 0.5);
    DoubleVector f = e.blend(e.sub(1.0).mul(0.5), big);
    DoubleVector s = f.div(f.add(2.0));
    DoubleVector z = s.mul(s);
    DoubleVector p = DoubleVector.broadcast(S, CodyWaite.P11);
    p = p.fma(z, c(CodyWaite.P10));
    p = p.fma(z, c(CodyWaite.P9));
    p = p.fma(z, c(CodyWaite.P8));
    p = p.fma(z, c(CodyWaite.P7));
    p = p.fma(z, c(CodyWaite.P6));
    p = p.fma(z, c(CodyWaite.P5));
    p = p.fma(z, c(CodyWaite.P4));
    p = p.fma(z, c(CodyWaite.P3));
    p = p.fma(z, c(CodyWaite.P2));
    p = p.fma(z, c(CodyWaite.P1));
    p = p.fma(z, c(1.0));
    DoubleVector l = s.add(s).mul(p);
    return l.blend(l.add(LN2), big);
  }

  /** A broadcast constant; loop-invariant, so C2 hoists it out of the callers' loops. */
  private static DoubleVector c(double v) {
    return DoubleVector.broadcast(S, v);
  }

  private static DoubleVector q(DoubleVector r) {
    DoubleVector p = DoubleVector.broadcast(S, CodyWaite.Q12);
    p = p.fma(r, c(CodyWaite.Q11));
    p = p.fma(r, c(CodyWaite.Q10));
    p = p.fma(r, c(CodyWaite.Q9));
    p = p.fma(r, c(CodyWaite.Q8));
    p = p.fma(r, c(CodyWaite.Q7));
    p = p.fma(r, c(CodyWaite.Q6));
    p = p.fma(r, c(CodyWaite.Q5));
    p = p.fma(r, c(CodyWaite.Q4));
    p = p.fma(r, c(CodyWaite.Q3));
    p = p.fma(r, c(CodyWaite.Q2));
    p = p.fma(r, c(CodyWaite.Q1));
    return p.fma(r, c(CodyWaite.Q0));
  }

  /** 2^k from t = MAGIC + k: k sits in the low mantissa bits, so add the bias and shift. */
  private static DoubleVector twoTo(DoubleVector t) {
    LongVector bits = t.reinterpretAsLongs();
    return bits.add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
  }

  private static DoubleVector copySign(DoubleVector magnitude, DoubleVector sign) {
    LongVector s = sign.reinterpretAsLongs().and(SIGN);
    return magnitude.reinterpretAsLongs().or(s).reinterpretAsDoubles();
  }
}
