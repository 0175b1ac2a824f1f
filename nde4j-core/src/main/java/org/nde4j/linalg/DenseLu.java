package org.nde4j.linalg;

/**
 * LU factorization with partial (row) pivoting, {@code PA = LU}, of a dense {@code n × n} matrix
 * (Golub &amp; Van Loan, <i>Matrix Computations</i>, 4th ed., Alg. 3.4.1), kept for repeated
 * solves. Allocation-free after construction; not thread-safe.
 */
public final class DenseLu implements LinearSolver {
  private final int n;
  private final double[] lu;
  private final int[] pivot;
  private long factorizations;
  private long solves;
  private boolean valid;

  /**
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public DenseLu(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("DenseLu: size must be ≥ 1, got " + n);
    }
    this.n = n;
    this.lu = new double[n * n];
    this.pivot = new int[n];
  }

  @Override
  public int size() {
    return n;
  }

  /**
   * @return false for a singular matrix or one with a non-finite entry
   * @throws IllegalArgumentException if {@code a} does not hold {@code n²} values
   */
  @Override
  public boolean factor(double[] a) {
    if (a.length != n * n) {
      throw new IllegalArgumentException("DenseLu: matrix has " + a.length + " values, a " + n
          + " × " + n + " matrix needs " + n * n);
    }
    factorizations++;
    valid = false;
    for (double v : a) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    System.arraycopy(a, 0, lu, 0, n * n);
    for (int k = 0; k < n; k++) {
      int p = k;
      double max = Math.abs(lu[k * n + k]);
      for (int i = k + 1; i < n; i++) {
        double v = Math.abs(lu[i * n + k]);
        if (v > max) {
          max = v;
          p = i;
        }
      }
      if (!(max > 0) || !Double.isFinite(max)) {
        return false;
      }
      pivot[k] = p;
      if (p != k) {
        int rk = k * n;
        int rp = p * n;
        for (int j = 0; j < n; j++) {
          double tmp = lu[rk + j];
          lu[rk + j] = lu[rp + j];
          lu[rp + j] = tmp;
        }
      }
      double inv = 1 / lu[k * n + k];
      for (int i = k + 1; i < n; i++) {
        int ri = i * n;
        double l = lu[ri + k] * inv;
        lu[ri + k] = l;
        if (l != 0) {
          int rk = k * n;
          for (int j = k + 1; j < n; j++) {
            lu[ri + j] -= l * lu[rk + j];
          }
        }
      }
    }
    valid = true;
    return true;
  }

  /**
   * @throws IllegalStateException if there is no successful factorization
   */
  @Override
  public void solve(double[] b) {
    if (!valid) {
      throw new IllegalStateException("DenseLu: no valid factorization (singular or not factored)");
    }
    solves++;
    for (int k = 0; k < n; k++) {
      int p = pivot[k];
      if (p != k) {
        double tmp = b[k];
        b[k] = b[p];
        b[p] = tmp;
      }
    }
    for (int i = 1; i < n; i++) {
      int ri = i * n;
      double s = b[i];
      for (int j = 0; j < i; j++) {
        s -= lu[ri + j] * b[j];
      }
      b[i] = s;
    }
    for (int i = n - 1; i >= 0; i--) {
      int ri = i * n;
      double s = b[i];
      for (int j = i + 1; j < n; j++) {
        s -= lu[ri + j] * b[j];
      }
      b[i] = s / lu[ri + i];
    }
  }

  @Override
  public long factorizations() {
    return factorizations;
  }

  @Override
  public long solves() {
    return solves;
  }
}
