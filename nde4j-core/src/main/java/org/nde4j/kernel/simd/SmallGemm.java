package org.nde4j.kernel.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector kernels for products too small for register blocking to pay (few rows, k of 1–4, or an
 * output only 1–7 wide), such as the layers of a 2→50→2 network at batch 1–20. Each keeps its
 * innermost loop on whichever dimension is long and contiguous, with no set-up beyond the loop.
 */
final class SmallGemm {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int V = S.length();

  private SmallGemm() {}

  /**
   * {@code out[r, s] = Σ_p L(r, p) · R[p, s]} for r < rows, s < cols, where
   * {@code L(r, p) = l[lo + r*slr + p*slp]} is read as scalars and row p of R starts at
   * {@code ro + p*ldr} with unit stride. Row by row, each p adds a broadcast multiple of a row of
   * R, vectorised over s; the first p stores, so {@code out} needs no clearing.
   */
  static void axpy(int rows, int cols, int k, double[] l, int lo, int slr, int slp,
      double[] r, int ro, int ldr, double[] out, int oo, int ldo) {
    int colsV = cols - cols % V;
    for (int row = 0; row < rows; row++) {
      int o = oo + row * ldo;
      int lr = lo + row * slr;
      double x = l[lr];
      DoubleVector xv = DoubleVector.broadcast(S, x);
      int s = 0;
      for (; s < colsV; s += V) {
        xv.mul(DoubleVector.fromArray(S, r, ro + s)).intoArray(out, o + s);
      }
      for (; s < cols; s++) {
        out[o + s] = x * r[ro + s];
      }
      for (int p = 1; p < k; p++) {
        x = l[lr + p * slp];
        xv = DoubleVector.broadcast(S, x);
        int rp = ro + p * ldr;
        for (s = 0; s < colsV; s += V) {
          xv.fma(DoubleVector.fromArray(S, r, rp + s), DoubleVector.fromArray(S, out, o + s))
              .intoArray(out, o + s);
        }
        for (; s < cols; s++) {
          out[o + s] += x * r[rp + s];
        }
      }
    }
  }

  /**
   * {@code out[r, s] = Σ_p L[r, p] · R[s, p]} with rows of L at {@code lo + r*ldl} and rows of R
   * at {@code ro + s*ldr}, both unit stride in p (k ≥ V). Blocks of 2 × 2 dot products give four
   * independent FMA chains; an odd last row or column is computed twice, stored once.
   */
  static void dot(int rows, int cols, int k, double[] l, int lo, int ldl,
      double[] r, int ro, int ldr, double[] out, int oo, int ldo) {
    int kv = k - k % V;
    double[] lanes = KernelScratch.get().lanes;
    for (int i = 0; i < rows; i += 2) {
      int i1 = Math.min(i + 1, rows - 1);
      int l0 = lo + i * ldl;
      int l1 = lo + i1 * ldl;
      for (int j = 0; j < cols; j += 2) {
        int j1 = Math.min(j + 1, cols - 1);
        int r0 = ro + j * ldr;
        int r1 = ro + j1 * ldr;
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        for (int p = 0; p < kv; p += V) {
          DoubleVector x0 = DoubleVector.fromArray(S, l, l0 + p);
          DoubleVector x1 = DoubleVector.fromArray(S, l, l1 + p);
          DoubleVector y0 = DoubleVector.fromArray(S, r, r0 + p);
          DoubleVector y1 = DoubleVector.fromArray(S, r, r1 + p);
          c00 = x0.fma(y0, c00);
          c01 = x0.fma(y1, c01);
          c10 = x1.fma(y0, c10);
          c11 = x1.fma(y1, c11);
        }
        // Lane sums in a fixed order through scratch, not reduceLanes(ADD), whose order differs
        // between the Vector API's Java fallback and the C2 intrinsic (see TinyGemm.dot4x2).
        c00.intoArray(lanes, 0);
        c01.intoArray(lanes, V);
        c10.intoArray(lanes, 2 * V);
        c11.intoArray(lanes, 3 * V);
        double s00 = 0.0;
        double s01 = 0.0;
        double s10 = 0.0;
        double s11 = 0.0;
        for (int q = 0; q < V; q++) {
          s00 += lanes[q];
          s01 += lanes[V + q];
          s10 += lanes[2 * V + q];
          s11 += lanes[3 * V + q];
        }
        for (int p = kv; p < k; p++) {
          s00 += l[l0 + p] * r[r0 + p];
          s01 += l[l0 + p] * r[r1 + p];
          s10 += l[l1 + p] * r[r0 + p];
          s11 += l[l1 + p] * r[r1 + p];
        }
        int o0 = oo + i * ldo;
        int o1 = oo + i1 * ldo;
        out[o1 + j1] = s11;
        out[o1 + j] = s10;
        out[o0 + j1] = s01;
        out[o0 + j] = s00;
      }
    }
  }
}
