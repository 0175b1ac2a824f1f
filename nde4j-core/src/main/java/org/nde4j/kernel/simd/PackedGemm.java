package org.nde4j.kernel.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Packed, register-blocked product for shapes large enough to amortise packing (the usual
 * Goto/BLIS structure: K. Goto and R. van de Geijn, ACM TOMS 34(3), 2008,
 * doi:10.1145/1356052.1356053). A block of op(A) is copied into MR-row panels and a block of
 * op(B) into NR-column panels (zero padded), so the micro-kernel reads both with unit stride
 * (range checks hoisted, no TLB misses) and keeps an MR × NR tile of C — 4 rows × 2 vectors,
 * 8 accumulators — in registers. Transposes cost nothing extra: they only change how the panels
 * are gathered.
 *
 * <p>Why 4 × 2 vectors and not the usual 6 × 2: the 6-row tile needs 15 of the 16 AVX2 registers
 * (12 accumulators, 2 B vectors, 1 broadcast), and whether C2 then allocates the loop without
 * spills depends on the profile it happened to collect: across JVM launches the same code ran
 * at ~38 or ~15 GF/s (LogCompilation showed two different code sizes for the same method, the
 * larger being the slow one), stable within a launch. With 11 live registers the 4-row tile
 * compiled to the fast loop in every launch measured (~38 GF/s for 96×128×128 in L2, 84 % of an
 * FMA-only loop), and 4 divides the batch sizes in use, so no edge tiles along m.
 */
final class PackedGemm {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int V = S.length();
  static final int MR = 4;
  static final int NR = 2 * V;
  /** Depth of one packed block: an NR-wide B panel of KC rows (16 KB) stays in L1. */
  static final int KC = 256;
  /** Rows of A packed at a time: MC × KC doubles (256 KB) stay in L2 (512 KB per core). */
  static final int MC = 128;
  /** Columns of B packed at a time (multiple of NR). */
  static final int NC = 64 * NR;

  private PackedGemm() {}

  static void gemm(boolean ta, boolean tb, int m, int n, int k,
      double[] a, int ao, double[] b, int bo, double[] c, int co) {
    KernelScratch buf = KernelScratch.get();
    int kcMax = Math.min(KC, k);
    double[] pa = buf.a(kcMax * roundUp(Math.min(MC, m), MR));
    double[] pb = buf.b(kcMax * roundUp(Math.min(NC, n), NR));
    for (int jc = 0; jc < n; jc += NC) {
      int nc = Math.min(NC, n - jc);
      for (int pc = 0; pc < k; pc += KC) {
        int kc = Math.min(KC, k - pc);
        packB(tb, b, bo, n, k, jc, nc, pc, kc, pb);
        for (int ic = 0; ic < m; ic += MC) {
          int mc = Math.min(MC, m - ic);
          packA(ta, a, ao, m, k, ic, mc, pc, kc, pa);
          for (int jr = 0; jr < nc; jr += NR) {
            int bOff = (jr / NR) * kc * NR;
            for (int ir = 0; ir < mc; ir += MR) {
              kernel(kc, pa, (ir / MR) * kc * MR, pb, bOff, c, co + (ic + ir) * n + jc + jr, n,
                  pc > 0, Math.min(MR, mc - ir), Math.min(NR, nc - jr), buf.tile);
            }
          }
        }
      }
    }
  }

  private static int roundUp(int x, int q) {
    return (x + q - 1) / q * q;
  }

  /** Panels of MR rows: element (ic+ir+r, pc+p) at {@code dst[(ir/MR)*kc*MR + p*MR + r]}. */
  private static void packA(boolean ta, double[] a, int ao, int m, int k,
      int ic, int mc, int pc, int kc, double[] dst) {
    for (int ir = 0; ir < mc; ir += MR) {
      int mr = Math.min(MR, mc - ir);
      int d = (ir / MR) * kc * MR;
      if (ta && mr == MR && MR == V) {
        // A stored k×m: the MR elements of one p are contiguous, one vector copy per p.
        for (int p = 0; p < kc; p++) {
          DoubleVector.fromArray(S, a, ao + (pc + p) * m + ic + ir).intoArray(dst, d + p * MR);
        }
      } else if (ta) {
        for (int p = 0; p < kc; p++) {
          int src = ao + (pc + p) * m + ic + ir;
          int dp = d + p * MR;
          for (int r = 0; r < mr; r++) {
            dst[dp + r] = a[src + r];
          }
          for (int r = mr; r < MR; r++) {
            dst[dp + r] = 0.0;
          }
        }
      } else if (mr == MR) {
        // Four row streams read in step, so the panel is written sequentially.
        int s0 = ao + (ic + ir) * k + pc;
        int s1 = s0 + k;
        int s2 = s1 + k;
        int s3 = s2 + k;
        for (int p = 0; p < kc; p++) {
          int dp = d + p * MR;
          dst[dp] = a[s0 + p];
          dst[dp + 1] = a[s1 + p];
          dst[dp + 2] = a[s2 + p];
          dst[dp + 3] = a[s3 + p];
        }
      } else {
        for (int r = 0; r < mr; r++) {
          int src = ao + (ic + ir + r) * k + pc;
          for (int p = 0; p < kc; p++) {
            dst[d + p * MR + r] = a[src + p];
          }
        }
        for (int r = mr; r < MR; r++) {
          for (int p = 0; p < kc; p++) {
            dst[d + p * MR + r] = 0.0;
          }
        }
      }
    }
  }

  /** Panels of NR columns: element (p, jr+j) at {@code dst[(jr/NR)*kc*NR + p*NR + j]}. */
  private static void packB(boolean tb, double[] b, int bo, int n, int k,
      int jc, int nc, int pc, int kc, double[] dst) {
    for (int jr = 0; jr < nc; jr += NR) {
      int nr = Math.min(NR, nc - jr);
      int d = (jr / NR) * kc * NR;
      if (tb) {
        // B stored n×k: each column of op(B) is a contiguous row of B.
        for (int j = 0; j < nr; j++) {
          int src = bo + (jc + jr + j) * k + pc;
          for (int p = 0; p < kc; p++) {
            dst[d + p * NR + j] = b[src + p];
          }
        }
        for (int j = nr; j < NR; j++) {
          for (int p = 0; p < kc; p++) {
            dst[d + p * NR + j] = 0.0;
          }
        }
      } else if (nr == NR) {
        for (int p = 0; p < kc; p++) {
          int src = bo + (pc + p) * n + jc + jr;
          int dp = d + p * NR;
          DoubleVector.fromArray(S, b, src).intoArray(dst, dp);
          DoubleVector.fromArray(S, b, src + V).intoArray(dst, dp + V);
        }
      } else {
        for (int p = 0; p < kc; p++) {
          int src = bo + (pc + p) * n + jc + jr;
          int dp = d + p * NR;
          for (int j = 0; j < nr; j++) {
            dst[dp + j] = b[src + j];
          }
          for (int j = nr; j < NR; j++) {
            dst[dp + j] = 0.0;
          }
        }
      }
    }
  }

  /** C tile (mr × nr of MR × NR valid) = or += packed A panel · packed B panel. */
  private static void kernel(int kc, double[] pa, int aOff, double[] pb, int bOff,
      double[] c, int ci, int ldc, boolean add, int mr, int nr, double[] tile) {
    DoubleVector c00 = DoubleVector.zero(S);
    DoubleVector c01 = c00;
    DoubleVector c10 = c00;
    DoubleVector c11 = c00;
    DoubleVector c20 = c00;
    DoubleVector c21 = c00;
    DoubleVector c30 = c00;
    DoubleVector c31 = c00;
    for (int p = 0; p < kc; p++) {
      int ia = aOff + p * MR;
      int ib = bOff + p * NR;
      DoubleVector b0 = DoubleVector.fromArray(S, pb, ib);
      DoubleVector b1 = DoubleVector.fromArray(S, pb, ib + V);
      DoubleVector x = DoubleVector.broadcast(S, pa[ia]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = DoubleVector.broadcast(S, pa[ia + 1]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = DoubleVector.broadcast(S, pa[ia + 2]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = DoubleVector.broadcast(S, pa[ia + 3]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
    }
    if (mr == MR && nr == NR) {
      if (add) {
        c00 = c00.add(DoubleVector.fromArray(S, c, ci));
        c01 = c01.add(DoubleVector.fromArray(S, c, ci + V));
        c10 = c10.add(DoubleVector.fromArray(S, c, ci + ldc));
        c11 = c11.add(DoubleVector.fromArray(S, c, ci + ldc + V));
        c20 = c20.add(DoubleVector.fromArray(S, c, ci + 2 * ldc));
        c21 = c21.add(DoubleVector.fromArray(S, c, ci + 2 * ldc + V));
        c30 = c30.add(DoubleVector.fromArray(S, c, ci + 3 * ldc));
        c31 = c31.add(DoubleVector.fromArray(S, c, ci + 3 * ldc + V));
      }
      c00.intoArray(c, ci);
      c01.intoArray(c, ci + V);
      c10.intoArray(c, ci + ldc);
      c11.intoArray(c, ci + ldc + V);
      c20.intoArray(c, ci + 2 * ldc);
      c21.intoArray(c, ci + 2 * ldc + V);
      c30.intoArray(c, ci + 3 * ldc);
      c31.intoArray(c, ci + 3 * ldc + V);
      return;
    }
    // Edge tile: spill to scratch, copy the valid part (once per tile, so scalar is fine).
    c00.intoArray(tile, 0);
    c01.intoArray(tile, V);
    c10.intoArray(tile, NR);
    c11.intoArray(tile, NR + V);
    c20.intoArray(tile, 2 * NR);
    c21.intoArray(tile, 2 * NR + V);
    c30.intoArray(tile, 3 * NR);
    c31.intoArray(tile, 3 * NR + V);
    for (int r = 0; r < mr; r++) {
      int cr = ci + r * ldc;
      for (int j = 0; j < nr; j++) {
        c[cr + j] = add ? c[cr + j] + tile[r * NR + j] : tile[r * NR + j];
      }
    }
  }
}
