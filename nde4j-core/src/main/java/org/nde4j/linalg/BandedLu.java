package org.nde4j.linalg;

/**
 * LU factorization with partial pivoting of a banded {@code n × n} matrix with {@code kl}
 * sub-diagonals and {@code ku} super-diagonals (LAPACK's {@code dgbtrf}/{@code dgbtrs} scheme:
 * row interchanges are applied to the right-hand side during the forward substitution; fill-in
 * widens the upper band to {@code kl + ku}). Storage and work are {@code O(n (2kl + ku))} and
 * {@code O(n kl (kl + ku))}: method-of-lines discretisations and other banded Jacobians factor in
 * linear time. Allocation-free after construction; not thread-safe.
 */
public final class BandedLu implements LinearSolver {
  private final int n;
  private final int kl;
  private final int ku;
  private final int width;
  private final double[] lu;
  private final int[] pivot;
  private long factorizations;
  private long solves;
  private boolean valid;

  /**
   * @throws IllegalArgumentException for {@code n < 1} or negative bandwidths
   */
  public BandedLu(int n, int kl, int ku) {
    if (n < 1 || kl < 0 || ku < 0) {
      throw new IllegalArgumentException("BandedLu: need n ≥ 1 and bandwidths ≥ 0, got n=" + n
          + ", kl=" + kl + ", ku=" + ku);
    }
    this.n = n;
    this.kl = kl;
    this.ku = ku;
    this.width = 2 * kl + ku + 1;
    this.lu = new double[n * width];
    this.pivot = new int[n];
  }

  /** Index of element (r, c), valid for {@code r − kl ≤ c ≤ r + kl + ku}. */
  private int at(int r, int c) {
    return r * width + c - r + kl;
  }

  @Override
  public int size() {
    return n;
  }

  /** Lower bandwidth. */
  public int lower() {
    return kl;
  }

  /** Upper bandwidth. */
  public int upper() {
    return ku;
  }

  /**
   * Factors the band of the dense row-major matrix {@code a}; entries outside the band are
   * ignored (they are taken to be zero).
   *
   * @return false for a singular matrix or a non-finite entry in the band
   * @throws IllegalArgumentException if {@code a} does not hold {@code n²} values
   */
  @Override
  public boolean factor(double[] a) {
    if (a.length != n * n) {
      throw new IllegalArgumentException("BandedLu: matrix has " + a.length + " values, a " + n
          + " × " + n + " matrix needs " + n * n);
    }
    java.util.Arrays.fill(lu, 0);
    for (int r = 0; r < n; r++) {
      int lo = Math.max(0, r - kl);
      int hi = Math.min(n - 1, r + ku);
      for (int c = lo; c <= hi; c++) {
        lu[at(r, c)] = a[r * n + c];
      }
    }
    return factorInPlace();
  }

  /**
   * Factors a matrix given by its band: {@code band[r·(kl+ku+1) + (c − r + kl)]} holds element
   * {@code (r, c)} for {@code r − kl ≤ c ≤ r + ku} (entries outside the matrix are ignored).
   *
   * @return false for a singular matrix or a non-finite entry
   * @throws IllegalArgumentException if {@code band} does not hold {@code n·(kl+ku+1)} values
   */
  public boolean factorBand(double[] band) {
    int w = kl + ku + 1;
    if (band.length != n * w) {
      throw new IllegalArgumentException("BandedLu: band has " + band.length + " values, needs "
          + n * w + " (n·(kl+ku+1))");
    }
    java.util.Arrays.fill(lu, 0);
    for (int r = 0; r < n; r++) {
      int lo = Math.max(0, r - kl);
      int hi = Math.min(n - 1, r + ku);
      for (int c = lo; c <= hi; c++) {
        lu[at(r, c)] = band[r * w + c - r + kl];
      }
    }
    return factorInPlace();
  }

  private boolean factorInPlace() {
    factorizations++;
    valid = false;
    for (double v : lu) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    for (int k = 0; k < n; k++) {
      int last = Math.min(n - 1, k + kl);
      int p = k;
      double max = Math.abs(lu[at(k, k)]);
      for (int r = k + 1; r <= last; r++) {
        double v = Math.abs(lu[at(r, k)]);
        if (v > max) {
          max = v;
          p = r;
        }
      }
      if (!(max > 0)) {
        return false;
      }
      pivot[k] = p;
      int right = Math.min(n - 1, k + kl + ku);
      if (p != k) {
        for (int c = k; c <= right; c++) {
          int i = at(k, c);
          int j = at(p, c);
          double tmp = lu[i];
          lu[i] = lu[j];
          lu[j] = tmp;
        }
      }
      double inv = 1 / lu[at(k, k)];
      for (int r = k + 1; r <= last; r++) {
        int rk = at(r, k);
        double l = lu[rk] * inv;
        lu[rk] = l;
        if (l != 0) {
          for (int c = k + 1; c <= right; c++) {
            lu[at(r, c)] -= l * lu[at(k, c)];
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
      throw new IllegalStateException("BandedLu: no valid factorization (singular or not"
          + " factored)");
    }
    solves++;
    for (int k = 0; k < n; k++) {
      int p = pivot[k];
      if (p != k) {
        double tmp = b[k];
        b[k] = b[p];
        b[p] = tmp;
      }
      double bk = b[k];
      if (bk != 0) {
        int last = Math.min(n - 1, k + kl);
        for (int r = k + 1; r <= last; r++) {
          b[r] -= lu[at(r, k)] * bk;
        }
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      double s = b[i];
      int right = Math.min(n - 1, i + kl + ku);
      for (int c = i + 1; c <= right; c++) {
        s -= lu[at(i, c)] * b[c];
      }
      b[i] = s / lu[at(i, i)];
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
