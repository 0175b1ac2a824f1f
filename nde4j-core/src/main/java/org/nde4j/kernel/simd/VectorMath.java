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

  // Every array loop below holds its whole vector computation in its own body. Vector API values
  // only stay in registers while every method they pass through is inlined, and C2 will not
  // inline a helper that it has already compiled on its own into a large method; depending on
  // what else ran first, a shared per-vector helper (exp(DoubleVector) called from several loops)
  // could therefore turn every vector into a heap box. Only the tiny helpers at the end are
  // shared. The exp body appears twice (exp, and exp(-|x|) for sigmoid and softplus) and the
  // polynomial of CodyWaite#q three times for that reason.
  // expNegAbs must stay above C2's FreqInlineSize (325 bytecodes, 340 today): a shorter exp
  // polynomial (degree 10) brought it to 316, C2 then inlined it into sigmoid, hit
  // NodeCountInliningCutoff there and left sigmoid's own loop boxed (64 bytes per vector, ~15
  // ns/element). KernelAllocationTest guards this.

  static void exp(double[] x, int xo, double[] y, int yo, int n) {
    int i = 0;
    for (int end = S.loopBound(n); i < end; i += S.length()) {
      DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
      // compare+blend rather than min/max: cheaper on AVX2 and lets NaN through untouched.
      v = v.blend(EXP_HI, v.compare(VectorOperators.GT, EXP_HI));
      v = v.blend(EXP_LO, v.compare(VectorOperators.LT, EXP_LO));
      DoubleVector kf = v.fma(c(LOG2E), c(MAGIC)).sub(MAGIC);
      DoubleVector r = kf.fma(c(-LN2_HI), v);
      r = kf.fma(c(-LN2_LO), r);
      DoubleVector p = c(CodyWaite.Q12).fma(r, c(CodyWaite.Q11)).fma(r, c(CodyWaite.Q10))
          .fma(r, c(CodyWaite.Q9)).fma(r, c(CodyWaite.Q8)).fma(r, c(CodyWaite.Q7))
          .fma(r, c(CodyWaite.Q6)).fma(r, c(CodyWaite.Q5)).fma(r, c(CodyWaite.Q4))
          .fma(r, c(CodyWaite.Q3)).fma(r, c(CodyWaite.Q2)).fma(r, c(CodyWaite.Q1))
          .fma(r, c(CodyWaite.Q0));
      DoubleVector rq = r.mul(p);
      // k = k1 + k2 with both halves in the normal exponent range, so 2^k never overflows early
      // and the subnormal result is rounded by the last multiplication only.
      DoubleVector t1 = kf.fma(c(0.5), c(MAGIC));
      DoubleVector t2 = kf.sub(t1.sub(MAGIC)).add(MAGIC);
      DoubleVector s1 = twoTo(t1);
      rq.fma(s1, s1).mul(twoTo(t2)).intoArray(y, yo + i);
    }
    for (; i < n; i++) {
      y[yo + i] = CodyWaite.exp(x[xo + i]);
    }
  }

  /**
   * tanh(|x|) = (e^w − 1)/(e^w + 1), w = 2|x| = k·ln2 + r, with e^r = A/B the [6/6] Padé form
   * (see {@link CodyWaite#tanh}): one division and two short polynomials in r² instead of a
   * degree-12 Horner chain and a second division. Relative accuracy holds down to subnormal x.
   */
  static void tanh(double[] x, int xo, double[] y, int yo, int n) {
    int i = 0;
    for (int end = S.loopBound(n); i < end; i += S.length()) {
      DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
      DoubleVector ax = v.abs();
      DoubleVector w = ax.add(ax);
      w = w.blend(2 * TANH_SAT, w.compare(VectorOperators.GT, 2 * TANH_SAT));
      DoubleVector t = w.fma(c(LOG2E), c(MAGIC));
      DoubleVector kf = t.sub(MAGIC);
      DoubleVector r = kf.fma(c(-LN2_HI), w);
      r = kf.fma(c(-LN2_LO), r);
      DoubleVector z = r.mul(r);
      DoubleVector e = c(CodyWaite.E3).fma(z, c(CodyWaite.E2)).fma(z, c(CodyWaite.E1))
          .fma(z, c(1.0));
      DoubleVector ro = c(CodyWaite.O2).fma(z, c(CodyWaite.O1)).fma(z, c(0.5)).mul(r);
      DoubleVector s = twoTo(t);
      // (2^k·A − B)/(2^k·A + B) with 2^k·A − B = (2^k − 1)·A + 2r·O: no cancellation near 0
      DoubleVector num = s.sub(1.0).fma(e.add(ro), ro.add(ro));
      DoubleVector th = num.div(s.fma(e.add(ro), e.sub(ro)));
      th = th.blend(1.0, ax.compare(VectorOperators.GT, TANH_SAT));
      copySign(th, v).intoArray(y, yo + i);
    }
    for (; i < n; i++) {
      y[yo + i] = CodyWaite.tanh(x[xo + i]);
    }
  }

  /**
   * 1/(1+e^{-x}) as two passes per chunk: e = e^{-|x|} ≤ 1 into scratch, then s = 1/(1+e) and
   * the result s (x ≥ 0) or e·s (x &lt; 0), so nothing overflows for any x.
   */
  static void sigmoid(double[] x, int xo, double[] y, int yo, int n) {
    double[] e = KernelScratch.get().chunk;
    for (int base = 0; base < n; base += CHUNK) {
      int len = Math.min(CHUNK, n - base);
      int end = S.loopBound(len);
      expNegAbs(x, xo + base, e, end);
      for (int i = 0; i < end; i += S.length()) {
        DoubleVector v = DoubleVector.fromArray(S, x, xo + base + i);
        DoubleVector ev = DoubleVector.fromArray(S, e, i);
        DoubleVector sv = c(1.0).div(ev.add(1.0));
        VectorMask<Double> neg = v.compare(VectorOperators.GE, 0.0).not();
        sv.blend(ev.mul(sv), neg).intoArray(y, yo + base + i);
      }
      for (int i = end; i < len; i++) {
        y[yo + base + i] = CodyWaite.sigmoid(x[xo + base + i]);
      }
    }
  }

  /** Two passes per chunk: e = e^{-|x|} into scratch, then max(x, 0) + log1p(e). */
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

  /** {@code e[i] = exp(-|x[xo+i]|)} for i below {@code end} (a multiple of the vector length). */
  private static void expNegAbs(double[] x, int xo, double[] e, int end) {
    for (int i = 0; i < end; i += S.length()) {
      // e^{-|x|} ≤ 1 never overflows; only the lower clamp is needed
      DoubleVector v = DoubleVector.fromArray(S, x, xo + i).abs().neg();
      v = v.blend(EXP_LO, v.compare(VectorOperators.LT, EXP_LO));
      DoubleVector kf = v.fma(c(LOG2E), c(MAGIC)).sub(MAGIC);
      DoubleVector r = kf.fma(c(-LN2_HI), v);
      r = kf.fma(c(-LN2_LO), r);
      DoubleVector p = c(CodyWaite.Q12).fma(r, c(CodyWaite.Q11)).fma(r, c(CodyWaite.Q10))
          .fma(r, c(CodyWaite.Q9)).fma(r, c(CodyWaite.Q8)).fma(r, c(CodyWaite.Q7))
          .fma(r, c(CodyWaite.Q6)).fma(r, c(CodyWaite.Q5)).fma(r, c(CodyWaite.Q4))
          .fma(r, c(CodyWaite.Q3)).fma(r, c(CodyWaite.Q2)).fma(r, c(CodyWaite.Q1))
          .fma(r, c(CodyWaite.Q0));
      DoubleVector rq = r.mul(p);
      DoubleVector t1 = kf.fma(c(0.5), c(MAGIC));
      DoubleVector t2 = kf.sub(t1.sub(MAGIC)).add(MAGIC);
      DoubleVector s1 = twoTo(t1);
      rq.fma(s1, s1).mul(twoTo(t2)).intoArray(e, i);
    }
  }

  /** {@code y = max(x, 0) + log1p(e)} for lanes e in [0, 1]; see {@link CodyWaite#log1pUnit}. */
  private static void softplusFinish(double[] x, int xo, double[] e, double[] y, int yo, int end) {
    for (int i = 0; i < end; i += S.length()) {
      DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
      DoubleVector ev = DoubleVector.fromArray(S, e, i);
      VectorMask<Double> big = ev.compare(VectorOperators.GE, 0.5);
      DoubleVector f = ev.blend(ev.sub(1.0).mul(0.5), big);
      DoubleVector s = f.div(f.add(2.0));
      DoubleVector z = s.mul(s);
      DoubleVector p = c(CodyWaite.P7).fma(z, c(CodyWaite.P6)).fma(z, c(CodyWaite.P5))
          .fma(z, c(CodyWaite.P4)).fma(z, c(CodyWaite.P3))
          .fma(z, c(CodyWaite.P2)).fma(z, c(CodyWaite.P1)).fma(z, c(1.0));
      DoubleVector l = s.add(s).mul(p);
      l = l.blend(l.add(LN2), big);
      DoubleVector pos = DoubleVector.zero(S).blend(v, v.compare(VectorOperators.GT, 0.0));
      pos.add(l).intoArray(y, yo + i);
    }
  }

  /** A broadcast constant; loop-invariant, so C2 hoists it out of the callers' loops. */
  private static DoubleVector c(double v) {
    return DoubleVector.broadcast(S, v);
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
