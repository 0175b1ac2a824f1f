package org.nde4j.kernel.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector product without packing, for small and medium shapes where copying A and B into panels
 * would cost as much as the product: op(B) must be row-major (row p at {@code bo + p*ldb}, unit
 * column stride); op(A) is read by strides and broadcast. Register blocks of 4 rows × 2 vectors
 * (eight independent FMA chains) cover C; leftover rows use 1-row blocks and the columns past the
 * last full vector go to {@link StridedGemm}.
 */
final class DirectGemm {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int V = S.length();

  private DirectGemm() {}

  static void gemm(int m, int n, int k, double[] a, int ao, int sai, int sap,
      double[] b, int bo, int ldb, double[] c, int co) {
    int nv = n - n % V;
    int i = 0;
    for (; i + 4 <= m; i += 4) {
      int j = 0;
      for (; j + 2 * V <= nv; j += 2 * V) {
        block4x2v(i, j, n, k, a, ao, sai, sap, b, bo, ldb, c, co);
      }
      if (j < nv) {
        block4x1v(i, j, n, k, a, ao, sai, sap, b, bo, ldb, c, co);
      }
    }
    for (; i < m; i++) {
      for (int j = 0; j < nv; j += V) {
        block1x1v(i, j, n, k, a, ao, sai, sap, b, bo, ldb, c, co);
      }
    }
    if (nv < n) {
      StridedGemm.gemm(0, m, nv, n, k, a, ao, sai, sap, b, bo, ldb, 1, c, co, n);
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

  private static void block1x1v(int i, int j, int n, int k, double[] a, int ao, int sai, int sap,
      double[] b, int bo, int ldb, double[] c, int co) {
    // Two accumulators over alternate p halve the FMA dependency chain.
    DoubleVector c0 = DoubleVector.zero(S);
    DoubleVector c1 = c0;
    int pa = ao + i * sai;
    int pb = bo + j;
    int p = 0;
    for (; p + 2 <= k; p += 2) {
      c0 = DoubleVector.broadcast(S, a[pa]).fma(DoubleVector.fromArray(S, b, pb), c0);
      c1 = DoubleVector.broadcast(S, a[pa + sap]).fma(DoubleVector.fromArray(S, b, pb + ldb), c1);
      pa += 2 * sap;
      pb += 2 * ldb;
    }
    if (p < k) {
      c0 = DoubleVector.broadcast(S, a[pa]).fma(DoubleVector.fromArray(S, b, pb), c0);
    }
    c0.add(c1).intoArray(c, co + i * n + j);
  }
}
