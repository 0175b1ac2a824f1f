package org.nde4j.kernel.simd;

/**
 * Scalar product on a block of C with arbitrary element strides, for shapes too small or too
 * narrow for vectors (e.g. n = 2, or k = 2 with n < 4) and for the column tails of the vector
 * paths. A 4-row × 2-column register block keeps eight independent FMA chains in flight, which
 * is what hides the FMA latency when a dot product alone would be latency-bound.
 *
 * <p>Element (i, p) of op(A) is {@code a[ao + i*sai + p*sap]}; (p, j) of op(B) is
 * {@code b[bo + p*sbp + j*sbj]}; (i, j) of C is {@code c[co + i*ldc + j]}.
 */
final class StridedGemm {
  private StridedGemm() {}

  static void gemm(int i0, int i1, int j0, int j1, int k,
      double[] a, int ao, int sai, int sap, double[] b, int bo, int sbp, int sbj,
      double[] c, int co, int ldc) {
    int i = i0;
    for (; i + 4 <= i1; i += 4) {
      int j = j0;
      for (; j + 2 <= j1; j += 2) {
        block4x2(i, j, k, a, ao, sai, sap, b, bo, sbp, sbj, c, co, ldc);
      }
      if (j < j1) {
        block4x1(i, j, k, a, ao, sai, sap, b, bo, sbp, sbj, c, co, ldc);
      }
    }
    for (; i < i1; i++) {
      int ai = ao + i * sai;
      for (int j = j0; j < j1; j++) {
        int bj = bo + j * sbj;
        double s0 = 0;
        double s1 = 0;
        int p = 0;
        for (; p + 2 <= k; p += 2) {
          s0 += a[ai + p * sap] * b[bj + p * sbp];
          s1 += a[ai + (p + 1) * sap] * b[bj + (p + 1) * sbp];
        }
        if (p < k) {
          s0 += a[ai + p * sap] * b[bj + p * sbp];
        }
        c[co + i * ldc + j] = s0 + s1;
      }
    }
  }

  private static void block4x2(int i, int j, int k,
      double[] a, int ao, int sai, int sap, double[] b, int bo, int sbp, int sbj,
      double[] c, int co, int ldc) {
    double c00 = 0, c01 = 0, c10 = 0, c11 = 0, c20 = 0, c21 = 0, c30 = 0, c31 = 0;
    int pa = ao + i * sai;
    int pb = bo + j * sbj;
    for (int p = 0; p < k; p++) {
      double b0 = b[pb];
      double b1 = b[pb + sbj];
      double a0 = a[pa];
      double a1 = a[pa + sai];
      double a2 = a[pa + 2 * sai];
      double a3 = a[pa + 3 * sai];
      c00 += a0 * b0;
      c01 += a0 * b1;
      c10 += a1 * b0;
      c11 += a1 * b1;
      c20 += a2 * b0;
      c21 += a2 * b1;
      c30 += a3 * b0;
      c31 += a3 * b1;
      pa += sap;
      pb += sbp;
    }
    int ci = co + i * ldc + j;
    c[ci] = c00;
    c[ci + 1] = c01;
    c[ci + ldc] = c10;
    c[ci + ldc + 1] = c11;
    c[ci + 2 * ldc] = c20;
    c[ci + 2 * ldc + 1] = c21;
    c[ci + 3 * ldc] = c30;
    c[ci + 3 * ldc + 1] = c31;
  }

  private static void block4x1(int i, int j, int k,
      double[] a, int ao, int sai, int sap, double[] b, int bo, int sbp, int sbj,
      double[] c, int co, int ldc) {
    double c0 = 0, c1 = 0, c2 = 0, c3 = 0;
    int pa = ao + i * sai;
    int pb = bo + j * sbj;
    for (int p = 0; p < k; p++) {
      double b0 = b[pb];
      c0 += a[pa] * b0;
      c1 += a[pa + sai] * b0;
      c2 += a[pa + 2 * sai] * b0;
      c3 += a[pa + 3 * sai] * b0;
      pa += sap;
      pb += sbp;
    }
    int ci = co + i * ldc + j;
    c[ci] = c0;
    c[ci + ldc] = c1;
    c[ci + 2 * ldc] = c2;
    c[ci + 3 * ldc] = c3;
  }
}
