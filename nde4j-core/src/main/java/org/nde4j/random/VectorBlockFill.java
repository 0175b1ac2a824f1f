package org.nde4j.random;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API {@link BlockFill}: the same values as {@link ScalarBlockFill}, bit for bit, with
 * one lane per Philox block. Loaded by reflection only when {@code jdk.incubator.vector} is present
 * ({@link BlockFill#select()}).
 *
 * <p>Every step is an operation whose result IEEE 754 or two's-complement arithmetic fixes: 32-bit
 * integer multiply (low word), add, shift, and, or, xor; double add, subtract, multiply, divide and square root (all
 * correctly rounded, no fused multiply-add); conversions of integers below 2^52 to double by
 * or-ing them into the mantissa of 2^52 and subtracting 2^52 (exact), and rounding to an integer
 * by adding and subtracting 1.5 * 2^52 (the same round-half-even as {@code Math.rint}). The
 * logarithm is {@link FdlibmLog}'s and the sine and cosine {@link QuarterTrig}'s, both written as
 * one path without branches, so the lanes take exactly the scalar steps; the only selection left
 * is the quarter-turn rotation of {@code (cos, sin)}, done with sign and swap bits.
 *
 * <p>A normal fill is done in chunks of {@link #CHUNK} groups, each in two passes over the output
 * ({@code units}, then {@code boxMuller} in place), so each loop body stays small enough for C2
 * to compile whole with every vector in registers (see the note in
 * {@code org.nde4j.kernel.simd.VectorMath}; nothing here calls a method of this class from inside
 * a loop).
 *
 * <p>The group layout of {@link BlockFill} (a block's two values eight apart) is the one in
 * which eight blocks computed in the 32-bit lanes of one 256-bit vector come out as four 64-bit
 * lanes per value and half, so nothing is shuffled between lanes. With the earlier layout (a
 * block's values side by side) zipping and unzipping lanes cost 40 % of the Box–Muller pass on
 * JDK 17, whose two-vector rearranges are slow.
 */
final class VectorBlockFill implements BlockFill {
  private static final VectorSpecies<Long> L = LongVector.SPECIES_256;
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
  private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
  /** 64-bit lanes per vector: half a group's blocks. */
  private static final int LANES = 4;
  /** Groups per chunk of a normal fill: 2 KB of output, in L1. */
  static final int CHUNK = 16;

  private static final long WORD = 0xFFFFFFFFL;
  /** Philox4x32's multipliers, whole and as 16-bit halves, and its Weyl key increments. */
  private static final int M0_HI = 0xD251;
  private static final int M0_LO = 0x1F53;
  private static final int M1_HI = 0xCD9E;
  private static final int M1_LO = 0x8D57;
  private static final int M0 = 0xD2511F53;
  private static final int M1 = 0xCD9E8D57;
  private static final int W0 = 0x9E3779B9;
  private static final int W1 = 0xBB67AE85;

  /** 2^52 and its bits: {@code bits(2^52) | v} is {@code 2^52 + v} for {@code 0 <= v < 2^52}. */
  private static final double TWO52 = 0x1.0p52;
  private static final long TWO52_BITS = Double.doubleToRawLongBits(TWO52);
  /** 1.5 * 2^52: adding then subtracting it rounds to an integer, half to even. */
  private static final double MAGIC = 6755399441055744.0;
  private static final long MAGIC_BITS = Double.doubleToRawLongBits(MAGIC);
  private static final double HALF_PI = 0.5 * Math.PI;
  private static final long SIGN_SHIFT = 62;

  /** Block offsets within a group by int lane: 0, 4, 1, 5, 2, 6, 3, 7 (see {@link #units}). */
  private static final IntVector COUNTER_OFFSETS = counterOffsets();

  private static IntVector counterOffsets() {
    int[] o = new int[GROUP_BLOCKS];
    for (int i = 0; i < GROUP_BLOCKS; i++) {
      o[i] = (i & 1) == 0 ? i / 2 : LANES + i / 2;
    }
    return IntVector.fromArray(I, o, 0);
  }

  /**
   * Whether this fill runs at vector speed here: 256-bit vectors are native (AVX2 or wider).
   * Narrower hardware would run them through the Vector API's slow Java fallback.
   */
  static boolean supported() {
    return IntVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
  }

  @Override
  public void uniform(int k0, int k1, long firstGroup, int groups, double[] out, int pos) {
    units(k0, k1, Key.UNIFORM, firstGroup, groups, out, pos);
  }

  @Override
  public void normal(int k0, int k1, long firstGroup, int groups, double[] out, int pos) {
    for (int j = 0; j < groups; j += CHUNK) {
      int m = Math.min(CHUNK, groups - j);
      units(k0, k1, Key.NORMAL, firstGroup + j, m, out, pos + GROUP * j);
      boxMuller(out, pos + GROUP * j, GROUP * m);
    }
  }

  /**
   * {@link ScalarBlockFill#units}: Philox4x32-10 on a group's eight blocks, one per 32-bit lane.
   * AVX2 has no 64-bit multiply (C2 emulates a long-vector multiply with about a dozen
   * instructions), so the high words of the 32 x 32 -> 64-bit products are built from 16-bit
   * halves with 32-bit multiplies (no partial sum overflows 32 bits) and the low words are the
   * 32-bit products themselves, all exact. Int lane {@code 2i} holds block {@code i} of the group
   * and lane {@code 2i + 1} block {@code 4 + i}, so that viewed as 64-bit lanes the low halves are
   * blocks 0-3 and the high halves blocks 4-7: each value comes out as two vectors already in the
   * order of the group layout.
   */
  static void units(int k0, int k1, int domain, long firstGroup, int groups, double[] out,
      int pos) {
    for (int j = 0; j < groups; j++) {
      // a group starts at a multiple of 8 blocks: its low counter word never wraps inside it
      long g = (firstGroup + j) * GROUP_BLOCKS;
      int lo = (int) g;
      IntVector x0 = COUNTER_OFFSETS.add(lo);
      IntVector x1 = IntVector.broadcast(I, (int) (g >>> 32));
      IntVector x2 = IntVector.zero(I);
      IntVector x3 = IntVector.broadcast(I, domain);
      int r0 = k0;
      int r1 = k1;
      for (int r = 0; r < Philox4x32.ROUNDS; r++) {
        // high words of x0 * M0 and x2 * M1: with x = xh 2^16 + xl, M = Mh 2^16 + Ml,
        // t = xl Ml, u = xh Ml + t/2^16, v = xl Mh + u mod 2^16, hi = xh Mh + u/2^16 + v/2^16
        IntVector al = x0.and(0xFFFF);
        IntVector ah = x0.lanewise(VectorOperators.LSHR, 16);
        IntVector at = al.mul(M0_LO);
        IntVector au = ah.mul(M0_LO).add(at.lanewise(VectorOperators.LSHR, 16));
        IntVector av = al.mul(M0_HI).add(au.and(0xFFFF));
        IntVector aHi = ah.mul(M0_HI).add(au.lanewise(VectorOperators.LSHR, 16))
            .add(av.lanewise(VectorOperators.LSHR, 16));
        IntVector aLo = x0.mul(M0);
        IntVector bl = x2.and(0xFFFF);
        IntVector bh = x2.lanewise(VectorOperators.LSHR, 16);
        IntVector bt = bl.mul(M1_LO);
        IntVector bu = bh.mul(M1_LO).add(bt.lanewise(VectorOperators.LSHR, 16));
        IntVector bv = bl.mul(M1_HI).add(bu.and(0xFFFF));
        IntVector bHi = bh.mul(M1_HI).add(bu.lanewise(VectorOperators.LSHR, 16))
            .add(bv.lanewise(VectorOperators.LSHR, 16));
        IntVector bLo = x2.mul(M1);
        x0 = bHi.lanewise(VectorOperators.XOR, x1).lanewise(VectorOperators.XOR, r0);
        x2 = aHi.lanewise(VectorOperators.XOR, x3).lanewise(VectorOperators.XOR, r1);
        x1 = bLo;
        x3 = aLo;
        r0 += W0;
        r1 += W1;
      }
      // unit(hi, lo) = hi 2^-32 + (lo >>> 11) 2^-53: both terms exact, bits disjoint, sum exact.
      LongVector w0 = x0.reinterpretAsLongs();
      LongVector w1 = x1.lanewise(VectorOperators.LSHR, 11).reinterpretAsLongs();
      LongVector w2 = x2.reinterpretAsLongs();
      LongVector w3 = x3.lanewise(VectorOperators.LSHR, 11).reinterpretAsLongs();
      DoubleVector a = w0.and(WORD).or(TWO52_BITS).reinterpretAsDoubles().sub(TWO52).mul(0x1.0p-32)
          .add(w1.and(WORD).or(TWO52_BITS).reinterpretAsDoubles().sub(TWO52).mul(0x1.0p-53));
      DoubleVector c = w2.and(WORD).or(TWO52_BITS).reinterpretAsDoubles().sub(TWO52).mul(0x1.0p-32)
          .add(w3.and(WORD).or(TWO52_BITS).reinterpretAsDoubles().sub(TWO52).mul(0x1.0p-53));
      int p = pos + GROUP * j;
      a.intoArray(out, p);
      c.intoArray(out, p + GROUP_BLOCKS);
      a = w0.lanewise(VectorOperators.LSHR, 32).or(TWO52_BITS).reinterpretAsDoubles().sub(TWO52)
          .mul(0x1.0p-32).add(w1.lanewise(VectorOperators.LSHR, 32).or(TWO52_BITS)
              .reinterpretAsDoubles().sub(TWO52).mul(0x1.0p-53));
      c = w2.lanewise(VectorOperators.LSHR, 32).or(TWO52_BITS).reinterpretAsDoubles().sub(TWO52)
          .mul(0x1.0p-32).add(w3.lanewise(VectorOperators.LSHR, 32).or(TWO52_BITS)
              .reinterpretAsDoubles().sub(TWO52).mul(0x1.0p-53));
      a.intoArray(out, p + LANES);
      c.intoArray(out, p + GROUP_BLOCKS + LANES);
    }
  }

  /**
   * {@link ScalarBlockFill#boxMuller} for {@code n}, a multiple of {@link BlockFill#GROUP}: the
   * pairs {@code (v1, v2)} of each group, {@code v1} at offset {@code j} and {@code v2} at
   * {@code j + 8}, are replaced by their two normals, four blocks per pass.
   */
  static void boxMuller(double[] a, int pos, int n) {
    for (int q = 0; q < n; q += 2 * LANES) {
      // passes alternate between the two halves of a group: offsets 0, 4, 16, 20, 32, ...
      int p = pos + (q & -GROUP) + ((q >> 1) & LANES);
      DoubleVector v1 = DoubleVector.fromArray(D, a, p);
      DoubleVector v2 = DoubleVector.fromArray(D, a, p + GROUP_BLOCKS);

      // ---- radius sqrt(-2 log u), u = 1 - v1 in [2^-53, 1]: FdlibmLog.log
      DoubleVector u = DoubleVector.broadcast(D, 1.0).sub(v1);
      LongVector ub = u.reinterpretAsLongs();
      LongVector hx = ub.lanewise(VectorOperators.LSHR, 32);
      LongVector k = hx.lanewise(VectorOperators.LSHR, 20).sub(1023);
      hx = hx.and(0x000fffffL);
      LongVector i = hx.add(0x95f64L).and(0x100000L);
      DoubleVector y = hx.or(i.lanewise(VectorOperators.XOR, 0x3ff00000L))
          .lanewise(VectorOperators.LSHL, 32).or(ub.and(WORD)).reinterpretAsDoubles();
      k = k.add(i.lanewise(VectorOperators.LSHR, 20));
      DoubleVector dk = k.add(MAGIC_BITS).reinterpretAsDoubles().sub(MAGIC);
      DoubleVector f = y.sub(1.0);
      DoubleVector hiK = dk.mul(FdlibmLog.LN2_HI);
      DoubleVector loK = dk.mul(FdlibmLog.LN2_LO);
      DoubleVector s = f.div(f.add(2.0));
      DoubleVector z = s.mul(s);
      DoubleVector w = z.mul(z);
      DoubleVector t1 = w.mul(w.mul(w.mul(FdlibmLog.LG6).add(FdlibmLog.LG4)).add(FdlibmLog.LG2));
      DoubleVector t2 = z.mul(w.mul(w.mul(w.mul(FdlibmLog.LG7).add(FdlibmLog.LG5))
          .add(FdlibmLog.LG3)).add(FdlibmLog.LG1));
      DoubleVector r = t2.add(t1);
      DoubleVector hfsq = f.mul(0.5).mul(f);
      DoubleVector lg = hiK.sub(hfsq.sub(s.mul(hfsq.add(r)).add(loK)).sub(f));
      DoubleVector rad = lg.mul(-2.0).lanewise(VectorOperators.SQRT);

      // ---- angle 2 pi v2 = m pi/2 + x, |x| <= pi/4: QuarterTrig.sin and cos of x
      DoubleVector q4 = v2.mul(4.0);
      DoubleVector mt = q4.add(MAGIC);
      LongVector quad = mt.reinterpretAsLongs().and(3L);
      DoubleVector x = q4.sub(mt.sub(MAGIC)).mul(HALF_PI);
      DoubleVector zz = x.mul(x);
      DoubleVector sr = zz.mul(zz.mul(zz.mul(zz.mul(QuarterTrig.S6).add(QuarterTrig.S5))
          .add(QuarterTrig.S4)).add(QuarterTrig.S3)).add(QuarterTrig.S2);
      DoubleVector sn = x.add(zz.mul(x).mul(zz.mul(sr).add(QuarterTrig.S1)));
      DoubleVector cr = zz.mul(zz.mul(zz.mul(zz.mul(zz.mul(zz.mul(QuarterTrig.C6)
          .add(QuarterTrig.C5)).add(QuarterTrig.C4)).add(QuarterTrig.C3)).add(QuarterTrig.C2))
          .add(QuarterTrig.C1));
      DoubleVector cs = DoubleVector.broadcast(D, 1.0).sub(zz.mul(0.5).sub(zz.mul(cr)));

      // ---- rotate (cos x, sin x) by m quarter turns: odd m swaps, signs by bits of m
      LongVector cb = cs.reinterpretAsLongs();
      LongVector sb = sn.reinterpretAsLongs();
      LongVector swap = cb.lanewise(VectorOperators.XOR, sb).and(quad.and(1L).neg());
      LongVector fb = cb.lanewise(VectorOperators.XOR, swap).lanewise(VectorOperators.XOR,
          quad.add(1L).and(2L).lanewise(VectorOperators.LSHL, SIGN_SHIFT));
      LongVector gb = sb.lanewise(VectorOperators.XOR, swap).lanewise(VectorOperators.XOR,
          quad.and(2L).lanewise(VectorOperators.LSHL, SIGN_SHIFT));
      DoubleVector first = rad.mul(fb.reinterpretAsDoubles());
      DoubleVector second = rad.mul(gb.reinterpretAsDoubles());
      first.intoArray(a, p);
      second.intoArray(a, p + GROUP_BLOCKS);
    }
  }
}
