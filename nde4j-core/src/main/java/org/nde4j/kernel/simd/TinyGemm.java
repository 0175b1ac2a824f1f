package org.nde4j.kernel.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Products with one dimension of 1–2, the layers of a d → h → d network with small d (inputs and
 * outputs of an ODE right-hand side) at batch 1–20. The work is a few hundred vector FMAs, so
 * what matters is that little else is done: no scalar tails, no per-block set-up, and no lane
 * shuffles ({@code rearrange}). Shuffles are fast once C2 has compiled a kernel, but until then
 * (interpreter, C1) each one costs about a microsecond of allocation in the library's fallback
 * code: a version that de-interleaved and zipped with shuffles ran a batch-1 network 6× slower
 * than the plain kernels before C2 (measured with -XX:TieredStopAtLevel=1), and short benchmark
 * warm-ups measure exactly that phase. Where a width-2 operand is stored interleaved the way a
 * kernel cannot read it, the caller transposes it (2 × 50 values, ~40 ns) instead.
 *
 * <ul>
 *   <li>{@link #k2}: k ≤ 2, n ≥ 4, op(B) row-major — per group of 16 columns (8 or 4 when n is
 *       smaller) the k rows of op(B) stay in registers while each row of C costs one or two
 *       broadcasts.
 *   <li>{@link #dot2}: n = 2, rows of op(A) and of B (stored 2 × k) contiguous in p — dot products
 *       along k in 4 × 2 blocks (eight FMA chains).
 *   <li>{@link #tall2}: n = 2, A stored k × m — both columns of C accumulated along m and written
 *       into row-major C lane by lane.
 * </ul>
 *
 * Tails reuse the last full vector (overlapping columns or rows are recomputed and stored again
 * with the same value), and a dot product's partial last vector has the lanes already summed
 * zeroed by a 0/1 multiplier, so no path has scalar remainders. The kernels use 256-bit vectors
 * ({@link #ENABLED} only where those are native); vectors never leave one method, so C2 keeps
 * them in registers.
 */
final class TinyGemm {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
  private static final int V = 4;
  /** Whether 256-bit vectors are native (otherwise the callers use the general kernels). */
  static final boolean ENABLED = DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
  /** Row r (r = k mod 4): 0/1 lanes keeping the last r lanes of the vector that ends at k. */
  private static final double[] TAIL = {
      1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1, 1, 0, 1, 1, 1};

  private TinyGemm() {}

  /**
   * C (m × n, row-major at {@code co}) = op(A)·op(B) for k ∈ {1, 2} and n ≥ 4, plus the row
   * {@code bias[biaso..biaso+n)} added to every row when {@code bias} is not null (after the
   * product, so the bits are those of a separate add). op(A)(i, p) is {@code a[ao + i*sai +
   * p*sap]}; op(B) is stored k × n at {@code bo}.
   */
  static void k2(int m, int n, int k, double[] a, int ao, int sai, int sap,
      double[] b, int bo, double[] bias, int biaso, double[] c, int co) {
    if (n >= 4 * V && m >= 4) { // below 4 rows, loading 12 vectors per 16 columns costs more
      int j = 0;
      for (; j + 4 * V <= n; j += 4 * V) {
        columns16(m, n, k, j, a, ao, sai, sap, b, bo, bias, biaso, c, co);
      }
      if (j < n) { // the last 16 columns again, overlapping ones with the same values
        columns16(m, n, k, n - 4 * V, a, ao, sai, sap, b, bo, bias, biaso, c, co);
      }
      return;
    }
    int j = 0;
    for (; j + 2 * V <= n; j += 2 * V) {
      columns(m, n, k, j, 2 * V, a, ao, sai, sap, b, bo, bias, biaso, c, co);
    }
    for (; j < n; j += V) {
      columns(m, n, k, Math.min(j, n - V), V, a, ao, sai, sap, b, bo, bias, biaso, c, co);
    }
  }

  /**
   * Columns j..j+15 of C: four column vectors per row, so that the loop's fixed cost (two
   * broadcasts, index updates, one bounds check per store) is spread over four stores. Row
   * offsets advance by addition: an index {@code i*n + j} recomputed in every iteration cost a
   * multiplication by a spilled {@code n} per store, and the loop ran 3× slower at 20 × 50.
   */
  private static void columns16(int m, int n, int k, int j, double[] a, int ao, int sai,
      int sap, double[] b, int bo, double[] bias, int biaso, double[] c, int co) {
    DoubleVector b00 = DoubleVector.fromArray(S, b, bo + j);
    DoubleVector b01 = DoubleVector.fromArray(S, b, bo + j + V);
    DoubleVector b02 = DoubleVector.fromArray(S, b, bo + j + 2 * V);
    DoubleVector b03 = DoubleVector.fromArray(S, b, bo + j + 3 * V);
    boolean biased = bias != null;
    DoubleVector d0 = biased ? DoubleVector.fromArray(S, bias, biaso + j) : b00;
    DoubleVector d1 = biased ? DoubleVector.fromArray(S, bias, biaso + j + V) : b01;
    DoubleVector d2 = biased ? DoubleVector.fromArray(S, bias, biaso + j + 2 * V) : b02;
    DoubleVector d3 = biased ? DoubleVector.fromArray(S, bias, biaso + j + 3 * V) : b03;
    int ai = ao;
    int ci = co + j;
    if (k == 1) {
      for (int i = 0; i < m; i++) {
        DoubleVector x = DoubleVector.broadcast(S, a[ai]);
        DoubleVector u0 = b00.mul(x);
        DoubleVector u1 = b01.mul(x);
        DoubleVector u2 = b02.mul(x);
        DoubleVector u3 = b03.mul(x);
        if (biased) {
          u0 = u0.add(d0);
          u1 = u1.add(d1);
          u2 = u2.add(d2);
          u3 = u3.add(d3);
        }
        u0.intoArray(c, ci);
        u1.intoArray(c, ci + V);
        u2.intoArray(c, ci + 2 * V);
        u3.intoArray(c, ci + 3 * V);
        ai += sai;
        ci += n;
      }
      return;
    }
    DoubleVector b10 = DoubleVector.fromArray(S, b, bo + n + j);
    DoubleVector b11 = DoubleVector.fromArray(S, b, bo + n + j + V);
    DoubleVector b12 = DoubleVector.fromArray(S, b, bo + n + j + 2 * V);
    DoubleVector b13 = DoubleVector.fromArray(S, b, bo + n + j + 3 * V);
    if (!biased) {
      for (int i = 0; i < m; i++) {
        DoubleVector x = DoubleVector.broadcast(S, a[ai]);
        DoubleVector y = DoubleVector.broadcast(S, a[ai + sap]);
        b10.fma(y, b00.mul(x)).intoArray(c, ci);
        b11.fma(y, b01.mul(x)).intoArray(c, ci + V);
        b12.fma(y, b02.mul(x)).intoArray(c, ci + 2 * V);
        b13.fma(y, b03.mul(x)).intoArray(c, ci + 3 * V);
        ai += sai;
        ci += n;
      }
      return;
    }
    for (int i = 0; i < m; i++) {
      DoubleVector x = DoubleVector.broadcast(S, a[ai]);
      DoubleVector y = DoubleVector.broadcast(S, a[ai + sap]);
      b10.fma(y, b00.mul(x)).add(d0).intoArray(c, ci);
      b11.fma(y, b01.mul(x)).add(d1).intoArray(c, ci + V);
      b12.fma(y, b02.mul(x)).add(d2).intoArray(c, ci + 2 * V);
      b13.fma(y, b03.mul(x)).add(d3).intoArray(c, ci + 3 * V);
      ai += sai;
      ci += n;
    }
  }

  /** Columns j..j+w−1 (w = 4 or 8; for 4 the second vector repeats the first) of C. */
  private static void columns(int m, int n, int k, int j, int w, double[] a, int ao, int sai,
      int sap, double[] b, int bo, double[] bias, int biaso, double[] c, int co) {
    int j1 = j + w - V;
    DoubleVector b00 = DoubleVector.fromArray(S, b, bo + j);
    DoubleVector b01 = DoubleVector.fromArray(S, b, bo + j1);
    boolean biased = bias != null;
    DoubleVector d0 = biased ? DoubleVector.fromArray(S, bias, biaso + j) : b00;
    DoubleVector d1 = biased ? DoubleVector.fromArray(S, bias, biaso + j1) : b01;
    // The test of `biased` is loop-invariant (C2 unswitches the loop on it).
    int ai = ao;
    int ci = co + j;
    int step = j1 - j;
    if (k == 1) {
      for (int i = 0; i < m; i++) {
        double x = a[ai];
        DoubleVector u = b00.mul(x);
        DoubleVector v = b01.mul(x);
        if (biased) {
          u = u.add(d0);
          v = v.add(d1);
        }
        u.intoArray(c, ci);
        v.intoArray(c, ci + step);
        ai += sai;
        ci += n;
      }
      return;
    }
    DoubleVector b10 = DoubleVector.fromArray(S, b, bo + n + j);
    DoubleVector b11 = DoubleVector.fromArray(S, b, bo + n + j1);
    for (int i = 0; i < m; i++) {
      DoubleVector x = DoubleVector.broadcast(S, a[ai]);
      DoubleVector y = DoubleVector.broadcast(S, a[ai + sap]);
      DoubleVector u = b10.fma(y, b00.mul(x));
      DoubleVector v = b11.fma(y, b01.mul(x));
      if (biased) {
        u = u.add(d0);
        v = v.add(d1);
      }
      u.intoArray(c, ci);
      v.intoArray(c, ci + step);
      ai += sai;
      ci += n;
    }
  }

  /**
   * C (m × 2, row-major at {@code co}) = op(A)·op(B) for k ≥ 4, with row i of op(A) contiguous
   * at {@code ao + i*lda} and column j of op(B) contiguous at {@code bo + j*ldb} (B stored 2 × k);
   * plus {@code (bias[biaso], bias[biaso+1])} added to every row when {@code bias} is not null
   * (after the dot products: the bits of a separate add).
   */
  static void dot2(int m, int k, double[] a, int ao, int lda, double[] b, int bo, int ldb,
      double[] bias, int biaso, double[] c, int co) {
    double e0 = bias != null ? bias[biaso] : 0.0;
    double e1 = bias != null ? bias[biaso + 1] : 0.0;
    boolean biased = bias != null;
    if (m >= 4) {
      for (int i0 = 0; i0 < m; i0 += 4) {
        dot4x2(Math.min(i0, m - 4), k, a, ao, lda, b, bo, ldb, c, co);
      }
    } else {
      for (int i = 0; i < m; i++) {
        dot1x2(i, k, a, ao, lda, b, bo, ldb, c, co);
      }
    }
    if (biased) {
      for (int i = 0; i < m; i++) {
        c[co + 2 * i] += e0;
        c[co + 2 * i + 1] += e1;
      }
    }
  }

  // Lane sums are written out in a fixed order rather than reduceLanes(ADD): the Vector API
  // leaves that reduction's order unspecified, and the library's Java fallback (running until C2
  // compiles a kernel) and the intrinsic sum in different orders, so the same product could
  // differ in its last bits depending on the JIT's progress.
  private static void dot4x2(int i, int k, double[] a, int ao, int lda, double[] b, int bo,
      int ldb, double[] c, int co) {
    DoubleVector c00 = DoubleVector.zero(S);
    DoubleVector c01 = c00;
    DoubleVector c10 = c00;
    DoubleVector c11 = c00;
    DoubleVector c20 = c00;
    DoubleVector c21 = c00;
    DoubleVector c30 = c00;
    DoubleVector c31 = c00;
    int a0 = ao + i * lda;
    int a1 = a0 + lda;
    int a2 = a1 + lda;
    int a3 = a2 + lda;
    int end = k & -V;
    for (int p = 0; p < end; p += V) {
      DoubleVector b0 = DoubleVector.fromArray(S, b, bo + p);
      DoubleVector b1 = DoubleVector.fromArray(S, b, bo + ldb + p);
      DoubleVector x = DoubleVector.fromArray(S, a, a0 + p);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = DoubleVector.fromArray(S, a, a1 + p);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = DoubleVector.fromArray(S, a, a2 + p);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = DoubleVector.fromArray(S, a, a3 + p);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
    }
    if (end < k) {
      // The vector ending at k, with the lanes already summed zeroed.
      int q = k - V;
      DoubleVector keep = DoubleVector.fromArray(S, TAIL, (k % V) * V);
      DoubleVector b0 = DoubleVector.fromArray(S, b, bo + q).mul(keep);
      DoubleVector b1 = DoubleVector.fromArray(S, b, bo + ldb + q).mul(keep);
      DoubleVector x = DoubleVector.fromArray(S, a, a0 + q);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = DoubleVector.fromArray(S, a, a1 + q);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = DoubleVector.fromArray(S, a, a2 + q);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = DoubleVector.fromArray(S, a, a3 + q);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
    }
    int ci = co + 2 * i;
    c[ci] = (c00.lane(0) + c00.lane(1)) + (c00.lane(2) + c00.lane(3));
    c[ci + 1] = (c01.lane(0) + c01.lane(1)) + (c01.lane(2) + c01.lane(3));
    c[ci + 2] = (c10.lane(0) + c10.lane(1)) + (c10.lane(2) + c10.lane(3));
    c[ci + 3] = (c11.lane(0) + c11.lane(1)) + (c11.lane(2) + c11.lane(3));
    c[ci + 4] = (c20.lane(0) + c20.lane(1)) + (c20.lane(2) + c20.lane(3));
    c[ci + 5] = (c21.lane(0) + c21.lane(1)) + (c21.lane(2) + c21.lane(3));
    c[ci + 6] = (c30.lane(0) + c30.lane(1)) + (c30.lane(2) + c30.lane(3));
    c[ci + 7] = (c31.lane(0) + c31.lane(1)) + (c31.lane(2) + c31.lane(3));
  }

  private static void dot1x2(int i, int k, double[] a, int ao, int lda, double[] b, int bo,
      int ldb, double[] c, int co) {
    // Even and odd steps in separate accumulators: four FMA chains instead of two.
    DoubleVector c0 = DoubleVector.zero(S);
    DoubleVector c1 = c0;
    DoubleVector d0 = c0;
    DoubleVector d1 = c0;
    int ai = ao + i * lda;
    int p = 0;
    for (; p + 2 * V <= k; p += 2 * V) {
      DoubleVector x = DoubleVector.fromArray(S, a, ai + p);
      c0 = x.fma(DoubleVector.fromArray(S, b, bo + p), c0);
      c1 = x.fma(DoubleVector.fromArray(S, b, bo + ldb + p), c1);
      x = DoubleVector.fromArray(S, a, ai + p + V);
      d0 = x.fma(DoubleVector.fromArray(S, b, bo + p + V), d0);
      d1 = x.fma(DoubleVector.fromArray(S, b, bo + ldb + p + V), d1);
    }
    for (; p < k; p += V) {
      int q = Math.min(p, k - V);
      DoubleVector x = DoubleVector.fromArray(S, a, ai + q);
      if (q != p) {
        x = x.mul(DoubleVector.fromArray(S, TAIL, (k % V) * V));
      }
      c0 = x.fma(DoubleVector.fromArray(S, b, bo + q), c0);
      c1 = x.fma(DoubleVector.fromArray(S, b, bo + ldb + q), c1);
    }
    c0 = c0.add(d0);
    c1 = c1.add(d1);
    c[co + 2 * i] = (c0.lane(0) + c0.lane(1)) + (c0.lane(2) + c0.lane(3));
    c[co + 2 * i + 1] = (c1.lane(0) + c1.lane(1)) + (c1.lane(2) + c1.lane(3));
  }

  /**
   * C (m × 2, row-major at {@code co}) = op(A)·op(B) for m ≥ 4 with A stored k × m (rows
   * contiguous in i); op(B)(p, j) is {@code b[bo + p*sbp + j*sbj]}.
   */
  static void tall2(int m, int k, double[] a, int ao, double[] b, int bo, int sbp, int sbj,
      double[] c, int co) {
    if (m >= 4 * V) {
      for (int i0 = 0; i0 < m; i0 += 4 * V) {
        tall4v(Math.min(i0, m - 4 * V), m, k, a, ao, b, bo, sbp, sbj, c, co);
      }
    } else {
      for (int i0 = 0; i0 < m; i0 += V) {
        tall1v(Math.min(i0, m - V), m, k, a, ao, b, bo, sbp, sbj, c, co);
      }
    }
  }

  private static void tall4v(int i, int m, int k, double[] a, int ao, double[] b, int bo,
      int sbp, int sbj, double[] c, int co) {
    DoubleVector x0 = DoubleVector.zero(S);
    DoubleVector x1 = x0;
    DoubleVector x2 = x0;
    DoubleVector x3 = x0;
    DoubleVector y0 = x0;
    DoubleVector y1 = x0;
    DoubleVector y2 = x0;
    DoubleVector y3 = x0;
    int pa = ao + i;
    int pb = bo;
    for (int p = 0; p < k; p++) {
      DoubleVector u = DoubleVector.broadcast(S, b[pb]);
      DoubleVector w = DoubleVector.broadcast(S, b[pb + sbj]);
      DoubleVector v = DoubleVector.fromArray(S, a, pa);
      x0 = v.fma(u, x0);
      y0 = v.fma(w, y0);
      v = DoubleVector.fromArray(S, a, pa + V);
      x1 = v.fma(u, x1);
      y1 = v.fma(w, y1);
      v = DoubleVector.fromArray(S, a, pa + 2 * V);
      x2 = v.fma(u, x2);
      y2 = v.fma(w, y2);
      v = DoubleVector.fromArray(S, a, pa + 3 * V);
      x3 = v.fma(u, x3);
      y3 = v.fma(w, y3);
      pa += m;
      pb += sbp;
    }
    // Row-major C interleaves the two columns: (c[i][0], c[i][1], c[i+1][0], ...).
    int ci = co + 2 * i;
    store(x0.lane(0), y0.lane(0), x0.lane(1), y0.lane(1), c, ci);
    store(x0.lane(2), y0.lane(2), x0.lane(3), y0.lane(3), c, ci + 4);
    store(x1.lane(0), y1.lane(0), x1.lane(1), y1.lane(1), c, ci + 8);
    store(x1.lane(2), y1.lane(2), x1.lane(3), y1.lane(3), c, ci + 12);
    store(x2.lane(0), y2.lane(0), x2.lane(1), y2.lane(1), c, ci + 16);
    store(x2.lane(2), y2.lane(2), x2.lane(3), y2.lane(3), c, ci + 20);
    store(x3.lane(0), y3.lane(0), x3.lane(1), y3.lane(1), c, ci + 24);
    store(x3.lane(2), y3.lane(2), x3.lane(3), y3.lane(3), c, ci + 28);
  }

  private static void tall1v(int i, int m, int k, double[] a, int ao, double[] b, int bo,
      int sbp, int sbj, double[] c, int co) {
    // Even and odd p in separate accumulators: four FMA chains instead of two.
    DoubleVector x0 = DoubleVector.zero(S);
    DoubleVector y0 = x0;
    DoubleVector x1 = x0;
    DoubleVector y1 = x0;
    int pa = ao + i;
    int pb = bo;
    int p = 0;
    for (; p + 2 <= k; p += 2) {
      DoubleVector v = DoubleVector.fromArray(S, a, pa);
      x0 = v.fma(DoubleVector.broadcast(S, b[pb]), x0);
      y0 = v.fma(DoubleVector.broadcast(S, b[pb + sbj]), y0);
      v = DoubleVector.fromArray(S, a, pa + m);
      x1 = v.fma(DoubleVector.broadcast(S, b[pb + sbp]), x1);
      y1 = v.fma(DoubleVector.broadcast(S, b[pb + sbp + sbj]), y1);
      pa += 2 * m;
      pb += 2 * sbp;
    }
    if (p < k) {
      DoubleVector v = DoubleVector.fromArray(S, a, pa);
      x0 = v.fma(DoubleVector.broadcast(S, b[pb]), x0);
      y0 = v.fma(DoubleVector.broadcast(S, b[pb + sbj]), y0);
    }
    x0 = x0.add(x1);
    y0 = y0.add(y1);
    int ci = co + 2 * i;
    store(x0.lane(0), y0.lane(0), x0.lane(1), y0.lane(1), c, ci);
    store(x0.lane(2), y0.lane(2), x0.lane(3), y0.lane(3), c, ci + 4);
  }

  private static void store(double u, double v, double w, double z, double[] c, int ci) {
    c[ci] = u;
    c[ci + 1] = v;
    c[ci + 2] = w;
    c[ci + 3] = z;
  }
}
