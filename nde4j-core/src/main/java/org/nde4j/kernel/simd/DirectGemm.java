package org.nde4j.kernel.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector product without packing, for small and medium shapes where copying A and B into panels
 * would cost as much as the product: op(B) must be row-major (row p at {@code bo + p*ldb}, unit
 * column stride); op(A) is read by strides and broadcast. Register blocks of 4 rows × 2 vectors
 * (eight independent FMA chains) cover C, and 2 or 1 rows × 4 vectors the last rows. A partial
 * last column vector is instead a full one shifted back to end at the edge: the overlapped
 * elements are computed again and stored again, which is cheaper than scalar tails (n = 50 is 12
 * vectors and 2 columns).
 */
final class DirectGemm {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int V = S.length();

  private DirectGemm() {}

  /** Requires n ≥ V: a partial last column vector overlaps the previous one. */
  static void gemm(int m, int n, int k, double[] a, int ao, int sai, int sap,
      double[] b, int bo, int ldb, double[] c, int co) {
    int i = 0;
    for (; i + 4 <= m; i += 4) {
      int j = 0;
      for (; j + 2 * V <= n; j += 2 * V) {
        block4x2v(i, j, n, k, a, ao, sai, sap, b, bo, ldb, c, co);
      }
      for (; j < n; j += V) {
        block4x1v(i, Math.min(j, n - V), n, k, a, ao, sai, sap, b, bo, ldb, c, co);
      }
    }
    // The last one to three rows: wide blocks, so that enough FMA chains are in flight.
    for (; i < m; i += 2) {
      int i1 = Math.min(i + 1, m - 1);
      int j = 0;
      for (; j + 4 * V <= n; j += 4 * V) {
        if (i1 == i) {
          block1x4v(i, j, n, k, a, ao, sai, sap, b, bo, ldb, c, co);
        } else {
          block2x4v(i, i1, j, n, k, a, ao, sai, sap, b, bo, ldb, c, co);
        }
      }
      for (; j < n; j += V) {
        block2x1v(i, i1, Math.min(j, n - V), n, k, a, ao, sai, sap, b, bo, ldb, c, co);
      }
    }
  }

  private static void block4x2v(int i, int j, int n, int k, double[] a, int ao, int sai, int sap,
      double[] b, int bo, int ldb, double[] c, int co) {
    DoubleVector c00 = DoubleVector.zero(S);
    DoubleVector c01 = c00;
    DoubleVector c10 = c00;
    DoubleVector c11 = c00;
    DoubleVector c20 = c00;
    DoubleVector c21 = c00;
    DoubleVector c30 = c00;
    DoubleVector c31 = c00;
    int pa = ao + i * sai;
    int pb = bo + j;
    for (int p = 0; p < k; p++) {
      DoubleVector b0 = DoubleVector.fromArray(S, b, pb);
      DoubleVector b1 = DoubleVector.fromArray(S, b, pb + V);
      DoubleVector a0 = DoubleVector.broadcast(S, a[pa]);
      c00 = a0.fma(b0, c00);
      c01 = a0.fma(b1, c01);
      DoubleVector a1 = DoubleVector.broadcast(S, a[pa + sai]);
      c10 = a1.fma(b0, c10);
      c11 = a1.fma(b1, c11);
      DoubleVector a2 = DoubleVector.broadcast(S, a[pa + 2 * sai]);
      c20 = a2.fma(b0, c20);
      c21 = a2.fma(b1, c21);
      DoubleVector a3 = DoubleVector.broadcast(S, a[pa + 3 * sai]);
      c30 = a3.fma(b0, c30);
      c31 = a3.fma(b1, c31);
      pa += sap;
      pb += ldb;
    }
    int ci = co + i * n + j;
    c00.intoArray(c, ci);
    c01.intoArray(c, ci + V);
    c10.intoArray(c, ci + n);
    c11.intoArray(c, ci + n + V);
    c20.intoArray(c, ci + 2 * n);
    c21.intoArray(c, ci + 2 * n + V);
    c30.intoArray(c, ci + 3 * n);
    c31.intoArray(c, ci + 3 * n + V);
  }

  private static void block4x1v(int i, int j, int n, int k, double[] a, int ao, int sai, int sap,
      double[] b, int bo, int ldb, double[] c, int co) {
    DoubleVector c0 = DoubleVector.zero(S);
    DoubleVector c1 = c0;
    DoubleVector c2 = c0;
    DoubleVector c3 = c0;
    int pa = ao + i * sai;
    int pb = bo + j;
    for (int p = 0; p < k; p++) {
      DoubleVector b0 = DoubleVector.fromArray(S, b, pb);
      c0 = DoubleVector.broadcast(S, a[pa]).fma(b0, c0);
      c1 = DoubleVector.broadcast(S, a[pa + sai]).fma(b0, c1);
      c2 = DoubleVector.broadcast(S, a[pa + 2 * sai]).fma(b0, c2);
      c3 = DoubleVector.broadcast(S, a[pa + 3 * sai]).fma(b0, c3);
      pa += sap;
      pb += ldb;
    }
    int ci = co + i * n + j;
    c0.intoArray(c, ci);
    c1.intoArray(c, ci + n);
    c2.intoArray(c, ci + 2 * n);
    c3.intoArray(c, ci + 3 * n);
  }

  /** Rows i0 and i1 × 4 vectors. */
  private static void block2x4v(int i0, int i1, int j, int n, int k, double[] a, int ao, int sai,
      int sap, double[] b, int bo, int ldb, double[] c, int co) {
    DoubleVector c00 = DoubleVector.zero(S);
    DoubleVector c01 = c00;
    DoubleVector c02 = c00;
    DoubleVector c03 = c00;
    DoubleVector c10 = c00;
    DoubleVector c11 = c00;
    DoubleVector c12 = c00;
    DoubleVector c13 = c00;
    int pa0 = ao + i0 * sai;
    int pa1 = ao + i1 * sai;
    int pb = bo + j;
    for (int p = 0; p < k; p++) {
      DoubleVector a0 = DoubleVector.broadcast(S, a[pa0]);
      DoubleVector a1 = DoubleVector.broadcast(S, a[pa1]);
      DoubleVector x = DoubleVector.fromArray(S, b, pb);
      c00 = a0.fma(x, c00);
      c10 = a1.fma(x, c10);
      x = DoubleVector.fromArray(S, b, pb + V);
      c01 = a0.fma(x, c01);
      c11 = a1.fma(x, c11);
      x = DoubleVector.fromArray(S, b, pb + 2 * V);
      c02 = a0.fma(x, c02);
      c12 = a1.fma(x, c12);
      x = DoubleVector.fromArray(S, b, pb + 3 * V);
      c03 = a0.fma(x, c03);
      c13 = a1.fma(x, c13);
      pa0 += sap;
      pa1 += sap;
      pb += ldb;
    }
    int ci = co + i1 * n + j;
    c10.intoArray(c, ci);
    c11.intoArray(c, ci + V);
    c12.intoArray(c, ci + 2 * V);
    c13.intoArray(c, ci + 3 * V);
    ci = co + i0 * n + j;
    c00.intoArray(c, ci);
    c01.intoArray(c, ci + V);
    c02.intoArray(c, ci + 2 * V);
    c03.intoArray(c, ci + 3 * V);
  }

  /** One row × 4 vectors (a single-row C, or the last row of three). */
  private static void block1x4v(int i, int j, int n, int k, double[] a, int ao, int sai, int sap,
      double[] b, int bo, int ldb, double[] c, int co) {
    DoubleVector c0 = DoubleVector.zero(S);
    DoubleVector c1 = c0;
    DoubleVector c2 = c0;
    DoubleVector c3 = c0;
    int pa = ao + i * sai;
    int pb = bo + j;
    for (int p = 0; p < k; p++) {
      DoubleVector x = DoubleVector.broadcast(S, a[pa]);
      c0 = x.fma(DoubleVector.fromArray(S, b, pb), c0);
      c1 = x.fma(DoubleVector.fromArray(S, b, pb + V), c1);
      c2 = x.fma(DoubleVector.fromArray(S, b, pb + 2 * V), c2);
      c3 = x.fma(DoubleVector.fromArray(S, b, pb + 3 * V), c3);
      pa += sap;
      pb += ldb;
    }
    int ci = co + i * n + j;
    c0.intoArray(c, ci);
    c1.intoArray(c, ci + V);
    c2.intoArray(c, ci + 2 * V);
    c3.intoArray(c, ci + 3 * V);
  }

  /** Rows i0 and i1 × one vector; even and odd p in separate accumulators (four chains). */
  private static void block2x1v(int i0, int i1, int j, int n, int k, double[] a, int ao, int sai,
      int sap, double[] b, int bo, int ldb, double[] c, int co) {
    DoubleVector c0 = DoubleVector.zero(S);
    DoubleVector c1 = c0;
    DoubleVector d0 = c0;
    DoubleVector d1 = c0;
    int pa0 = ao + i0 * sai;
    int pa1 = ao + i1 * sai;
    int pb = bo + j;
    int p = 0;
    for (; p + 2 <= k; p += 2) {
      DoubleVector x = DoubleVector.fromArray(S, b, pb);
      c0 = DoubleVector.broadcast(S, a[pa0]).fma(x, c0);
      c1 = DoubleVector.broadcast(S, a[pa1]).fma(x, c1);
      x = DoubleVector.fromArray(S, b, pb + ldb);
      d0 = DoubleVector.broadcast(S, a[pa0 + sap]).fma(x, d0);
      d1 = DoubleVector.broadcast(S, a[pa1 + sap]).fma(x, d1);
      pa0 += 2 * sap;
      pa1 += 2 * sap;
      pb += 2 * ldb;
    }
    if (p < k) {
      DoubleVector x = DoubleVector.fromArray(S, b, pb);
      c0 = DoubleVector.broadcast(S, a[pa0]).fma(x, c0);
      c1 = DoubleVector.broadcast(S, a[pa1]).fma(x, c1);
    }
    c1.add(d1).intoArray(c, co + i1 * n + j);
    c0.add(d0).intoArray(c, co + i0 * n + j);
  }
}
