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
  // could therefore turn every vector into a heap box. That holds for tiny helpers too: run from
  // C1-compiled callers while C2 is busy (say, right after a burst of matrix products), a helper
  // such as 2^k or a broadcast constant got its own, boxing C2 compile, larger than
  // InlineSmallCode, and from then on no loop inlined it: every call of all four functions then
  // allocated. So nothing here calls a method of this class; only the Vector API's own
  // @ForceInline methods are called. softplus is split into two passes over a chunk because one
  // loop body holding all of it passed C2's NodeCountInliningCutoff.

  static void exp(double[] x, int xo, double[] y, int yo, int n) {
    int i = 0;
    for (int end = S.loopBound(n); i < end; i += S.length()) {
      DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
      // compare+blend rather than min/max: cheaper on AVX2 and lets NaN through untouched.
      v = v.blend(EXP_HI, v.compare(VectorOperators.GT, EXP_HI));
      v = v.blend(EXP_LO, v.compare(VectorOperators.LT, EXP_LO));
      DoubleVector kf = v
          .fma(DoubleVector.broadcast(S, LOG2E), DoubleVector.broadcast(S, MAGIC)).sub(MAGIC);
      DoubleVector r = kf.fma(DoubleVector.broadcast(S, -LN2_HI), v);
      r = kf.fma(DoubleVector.broadcast(S, -LN2_LO), r);
      DoubleVector p = DoubleVector.broadcast(S, CodyWaite.Q12)
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q11))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q10))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q9))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q8))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q7))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q6))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q5))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q4))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q3))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q2))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q1))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q0));
      DoubleVector rq = r.mul(p);
      // k = k1 + k2 with both halves in the normal exponent range, so 2^k never overflows early
      // and the subnormal result is rounded by the last multiplication only.
      DoubleVector t1 = kf.fma(DoubleVector.broadcast(S, 0.5), DoubleVector.broadcast(S, MAGIC));
      DoubleVector t2 = kf.sub(t1.sub(MAGIC)).add(MAGIC);
      DoubleVector s1 = t1.reinterpretAsLongs()
          .add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
      DoubleVector s2 = t2.reinterpretAsLongs()
          .add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
      rq.fma(s1, s1).mul(s2).intoArray(y, yo + i);
    }
    for (; i < n; i++) {
      y[yo + i] = CodyWaite.exp(x[xo + i]);
    }
  }

  /**
   * 1 − e^{−x} = (1 − 2^k) − 2^k·(e^r − 1) for w = −x = k·ln2 + r, with e^r − 1 = r·Q(r) and 2^k
   * in two halves as in {@link #exp}: no cancellation when k = 0 (small x keep full relative
   * accuracy) and 1 − 2^k exact otherwise. w is clamped below at −40, where e^{w} is under half
   * an ulp of 1; above 40, where 1 is under half an ulp of e^w, the result is −e^w as {@link
   * #exp} computes it (−∞ once that overflows).
   */
  static void softplusSlope(double[] x, int xo, double[] y, int yo, int n) {
    int i = 0;
    for (int end = S.loopBound(n); i < end; i += S.length()) {
      DoubleVector w = DoubleVector.fromArray(S, x, xo + i).neg();
      w = w.blend(EXP_HI, w.compare(VectorOperators.GT, EXP_HI));
      w = w.blend(-40.0, w.compare(VectorOperators.LT, -40.0));
      DoubleVector kf = w
          .fma(DoubleVector.broadcast(S, LOG2E), DoubleVector.broadcast(S, MAGIC)).sub(MAGIC);
      DoubleVector r = kf.fma(DoubleVector.broadcast(S, -LN2_HI), w);
      r = kf.fma(DoubleVector.broadcast(S, -LN2_LO), r);
      DoubleVector p = DoubleVector.broadcast(S, CodyWaite.Q12)
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q11))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q10))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q9))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q8))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q7))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q6))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q5))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q4))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q3))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q2))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q1))
          .fma(r, DoubleVector.broadcast(S, CodyWaite.Q0));
      DoubleVector rq = r.mul(p);
      DoubleVector t1 = kf.fma(DoubleVector.broadcast(S, 0.5), DoubleVector.broadcast(S, MAGIC));
      DoubleVector t2 = kf.sub(t1.sub(MAGIC)).add(MAGIC);
      DoubleVector s1 = t1.reinterpretAsLongs()
          .add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
      DoubleVector s2 = t2.reinterpretAsLongs()
          .add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
      DoubleVector s = s1.mul(s2); // exact and finite where it is used (k ≤ 58)
      DoubleVector small = rq.neg().fma(s, DoubleVector.broadcast(S, 1.0).sub(s));
      DoubleVector large = rq.fma(s1, s1).mul(s2).neg();
      small.blend(large, w.compare(VectorOperators.GT, 40.0)).intoArray(y, yo + i);
    }
    for (; i < n; i++) {
      y[yo + i] = -Math.expm1(-x[xo + i]);
    }
  }

  /**
   * tanh by the algorithm of {@link CodyWaite#tanh}: one division and two short polynomials in
   * ρ², with a one-constant reduction ρ = |x| − k·(ln2/2) by FMA (exactly rounded; the constant's
   * own error, k·2e-17 with k ≤ 64, moves tanh by far less than an ulp since its slope there is
   * 4·2^{-k}). Every operation removed counted (no doubling of |x|, no second reduction
   * constant, a [5/5] rather than [6/6] Padé form, ρ·O as ρ + ρ³·(…)): about 1.2× from the
   * reduction and 1.15× from the [5/5] form in alternating-call comparisons, for a maximum
   * absolute error of 5e-16 (3e-16 before). The out-of-order core already overlaps consecutive
   * iterations: two vectors per iteration measured no faster (1.17 vs 1.09 ns per element at
   * n = 1000, 1.33 vs 1.36 at 32768), so the loop is bound by its number of operations.
   */
  static void tanh(double[] x, int xo, double[] y, int yo, int n) {
    int i = 0;
    for (int end = S.loopBound(n); i < end; i += S.length()) {
      DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
      DoubleVector ax = v.abs();
      DoubleVector t = ax.fma(DoubleVector.broadcast(S, 2 * LOG2E),
          DoubleVector.broadcast(S, MAGIC));
      DoubleVector kf = t.sub(MAGIC);
      DoubleVector rho = kf.fma(DoubleVector.broadcast(S, -0.5 * LN2), ax);
      DoubleVector z = rho.mul(rho);
      DoubleVector e = z.fma(z.fma(DoubleVector.broadcast(S, CodyWaite.TANH_E2),
          DoubleVector.broadcast(S, CodyWaite.TANH_E1)), DoubleVector.broadcast(S, 1.0));
      DoubleVector ro = rho.mul(z).fma(z.fma(DoubleVector.broadcast(S, CodyWaite.TANH_O2),
          DoubleVector.broadcast(S, CodyWaite.TANH_O1)), rho);
      DoubleVector s = t.reinterpretAsLongs()
          .add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
      DoubleVector a = e.add(ro);
      DoubleVector num = s.sub(1.0).fma(a, ro.add(ro));
      DoubleVector th = num.div(s.fma(a, e.sub(ro)));
      // Where |x| > TANH_SAT (including ±inf, where 2^k overflows and the quotient is NaN) the
      // result is 1; NaN stays NaN.
      th = th.blend(1.0, ax.compare(VectorOperators.GT, TANH_SAT));
      th.reinterpretAsLongs().or(v.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles()
          .intoArray(y, yo + i);
    }
    for (; i < n; i++) {
      y[yo + i] = CodyWaite.tanh(x[xo + i]);
    }
  }

  /**
   * 1/(1+e^{-x}) in one pass and one division: with e^{-|x|} = 2^k·A/B (the Padé form of {@link
   * CodyWaite#sigmoid}), sigmoid(|x|) = B/(B + 2^k·A) and sigmoid(−|x|) = 2^k·A/(B + 2^k·A).
   * 2^k is applied as two factors, the second last, so that subnormal results round once.
   */
  static void sigmoid(double[] x, int xo, double[] y, int yo, int n) {
    int i = 0;
    for (int end = S.loopBound(n); i < end; i += S.length()) {
      DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
      // e^{-|x|} ≤ 1 never overflows; only the lower clamp is needed
      DoubleVector w = v.abs().neg();
      w = w.blend(EXP_LO, w.compare(VectorOperators.LT, EXP_LO));
      DoubleVector kf = w
          .fma(DoubleVector.broadcast(S, LOG2E), DoubleVector.broadcast(S, MAGIC)).sub(MAGIC);
      DoubleVector r = kf.fma(DoubleVector.broadcast(S, -LN2_HI), w);
      r = kf.fma(DoubleVector.broadcast(S, -LN2_LO), r);
      DoubleVector z = r.mul(r);
      DoubleVector e = DoubleVector.broadcast(S, CodyWaite.E3)
          .fma(z, DoubleVector.broadcast(S, CodyWaite.E2))
          .fma(z, DoubleVector.broadcast(S, CodyWaite.E1))
          .fma(z, DoubleVector.broadcast(S, 1.0));
      DoubleVector ro = DoubleVector.broadcast(S, CodyWaite.O2)
          .fma(z, DoubleVector.broadcast(S, CodyWaite.O1))
          .fma(z, DoubleVector.broadcast(S, 0.5)).mul(r);
      DoubleVector t1 = kf.fma(DoubleVector.broadcast(S, 0.5), DoubleVector.broadcast(S, MAGIC));
      DoubleVector t2 = kf.sub(t1.sub(MAGIC)).add(MAGIC);
      DoubleVector s2 = t2.reinterpretAsLongs()
          .add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
      DoubleVector s1 = t1.reinterpretAsLongs()
          .add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
      DoubleVector a1 = e.add(ro).mul(s1);
      DoubleVector b = e.sub(ro);
      DoubleVector q = DoubleVector.broadcast(S, 1.0).div(a1.fma(s2, b));
      VectorMask<Double> neg = v.compare(VectorOperators.LT, 0.0);
      b.mul(q).blend(a1.mul(q).mul(s2), neg).intoArray(y, yo + i);
    }
    for (; i < n; i++) {
      y[yo + i] = CodyWaite.sigmoid(x[xo + i]);
    }
  }

  /**
   * max(x, 0) + log1p(e^{-|x|}) as two passes per chunk (one loop would exceed what C2 keeps in
   * registers): the argument u of log1p = 2·atanh(u) into scratch (see {@link
   * CodyWaite#softplus}), then the odd polynomial.
   */
  static void softplus(double[] x, int xo, double[] y, int yo, int n) {
    softplusSigmoid(x, xo, y, yo, null, 0, n);
  }

  /**
   * {@link #softplus} into {@code y} and {@link #sigmoid} into {@code s} of the same {@code x}:
   * the first pass computes e^{-|x|} once for the log1p argument and the sigmoid, so both results
   * are bitwise those of the separate calls. {@code s} may be null: softplus only.
   */
  static void softplusSigmoid(double[] x, int xo, double[] y, int yo, double[] s, int so,
      int n) {
    double[] u = KernelScratch.get().chunk;
    for (int base = 0; base < n; base += CHUNK) {
      int len = Math.min(CHUNK, n - base);
      int end = S.loopBound(len);
      log1pArgument(x, xo + base, u, end, s, so + base);
      softplusFinish(x, xo + base, u, y, yo + base, end);
      for (int i = end; i < len; i++) {
        y[yo + base + i] = CodyWaite.softplus(x[xo + base + i]);
        if (s != null) {
          s[so + base + i] = CodyWaite.sigmoid(x[xo + base + i]);
        }
      }
    }
  }

  /**
   * {@code u[i]} for {@code x[xo+i]}, i below {@code end} (a multiple of the vector length):
   * with e = e^{-|x|} = 2^k·A/B, u = e/(2 + e) = 2^k·A/(2B + 2^k·A) when e &lt; 1/2, else
   * u = f/(2 + f) for f = (e − 1)/2, i.e. (2^k·A − B)/(3B + 2^k·A). With {@code sg} not null,
   * also sigmoid(x) into {@code sg[so+i]}, by the operations of {@link #sigmoid}.
   */
  private static void log1pArgument(double[] x, int xo, double[] u, int end, double[] sg,
      int so) {
    for (int i = 0; i < end; i += S.length()) {
      DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
      DoubleVector ax = v.abs();
      DoubleVector w = ax.neg();
      w = w.blend(EXP_LO, w.compare(VectorOperators.LT, EXP_LO));
      DoubleVector kf = w
          .fma(DoubleVector.broadcast(S, LOG2E), DoubleVector.broadcast(S, MAGIC)).sub(MAGIC);
      DoubleVector r = kf.fma(DoubleVector.broadcast(S, -LN2_HI), w);
      r = kf.fma(DoubleVector.broadcast(S, -LN2_LO), r);
      DoubleVector z = r.mul(r);
      DoubleVector e = DoubleVector.broadcast(S, CodyWaite.E3)
          .fma(z, DoubleVector.broadcast(S, CodyWaite.E2))
          .fma(z, DoubleVector.broadcast(S, CodyWaite.E1))
          .fma(z, DoubleVector.broadcast(S, 1.0));
      DoubleVector ro = DoubleVector.broadcast(S, CodyWaite.O2)
          .fma(z, DoubleVector.broadcast(S, CodyWaite.O1))
          .fma(z, DoubleVector.broadcast(S, 0.5)).mul(r);
      DoubleVector t1 = kf.fma(DoubleVector.broadcast(S, 0.5), DoubleVector.broadcast(S, MAGIC));
      DoubleVector s1 = t1.reinterpretAsLongs()
          .add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
      DoubleVector t2 = kf.sub(t1.sub(MAGIC)).add(MAGIC);
      DoubleVector s2 = t2.reinterpretAsLongs()
          .add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
      DoubleVector a = e.add(ro);
      DoubleVector b = e.sub(ro);
      DoubleVector a1 = a.mul(s1);
      if (sg != null) {
        DoubleVector q = DoubleVector.broadcast(S, 1.0).div(a1.fma(s2, b));
        b.mul(q).blend(a1.mul(q).mul(s2), v.compare(VectorOperators.LT, 0.0))
            .intoArray(sg, so + i);
      }
      DoubleVector sa = a1.mul(s2);
      VectorMask<Double> big = ax.compare(VectorOperators.LE, LN2);
      // k ∈ {0, −1} when big, so 2^k − 1 is exact and 2^k·A − B = (2^k − 1)·A + 2r·O
      DoubleVector num = sa.blend(s1.mul(s2).sub(1.0).fma(a, ro.add(ro)), big);
      DoubleVector den = b.fma(DoubleVector.broadcast(S, 2.0).blend(3.0, big), sa);
      num.div(den).intoArray(u, i);
    }
  }

  /** {@code y = max(x, 0) + 2·atanh(u)} (+ ln2 where |x| ≤ ln2); see {@link #log1pArgument}. */
  private static void softplusFinish(double[] x, int xo, double[] u, double[] y, int yo, int end) {
    for (int i = 0; i < end; i += S.length()) {
      DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
      DoubleVector s = DoubleVector.fromArray(S, u, i);
      DoubleVector z = s.mul(s);
      DoubleVector p = DoubleVector.broadcast(S, CodyWaite.P7)
          .fma(z, DoubleVector.broadcast(S, CodyWaite.P6))
          .fma(z, DoubleVector.broadcast(S, CodyWaite.P5))
          .fma(z, DoubleVector.broadcast(S, CodyWaite.P4))
          .fma(z, DoubleVector.broadcast(S, CodyWaite.P3))
          .fma(z, DoubleVector.broadcast(S, CodyWaite.P2))
          .fma(z, DoubleVector.broadcast(S, CodyWaite.P1)).fma(z, DoubleVector.broadcast(S, 1.0));
      DoubleVector l = s.add(s).mul(p);
      l = l.blend(l.add(LN2), v.abs().compare(VectorOperators.LE, LN2));
      DoubleVector pos = DoubleVector.zero(S).blend(v, v.compare(VectorOperators.GT, 0.0));
      pos.add(l).intoArray(y, yo + i);
    }
  }
}
