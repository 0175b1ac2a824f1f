package org.nde4j.linalg;

/**
 * Restarted GMRES(m) for {@code A x = b} with a matrix-free {@link LinearOperator} (Saad &amp;
 * Schultz, SIAM J. Sci. Stat. Comput. 7:856–869, 1986): Arnoldi with modified Gram–Schmidt and
 * Givens rotations, restarting every {@code m} iterations. The building block of Newton–Krylov
 * iterations for large implicit systems, where {@code A v} comes from a Jacobian-vector product and
 * no matrix is formed. Allocation-free after construction; not thread-safe.
 */
public final class Gmres {
  private final int n;
  private final int m;
  private final double[][] v;
  private final double[] h;
  private final double[] cs;
  private final double[] sn;
  private final double[] g;
  private final double[] w;
  private final double[] y;
  private int iterations;
  private double residual;

  /**
   * @param n system size
   * @param restart Krylov dimension before a restart
   * @throws IllegalArgumentException for non-positive sizes
   */
  public Gmres(int n, int restart) {
    if (n < 1 || restart < 1) {
      throw new IllegalArgumentException("Gmres: need n ≥ 1 and restart ≥ 1, got n=" + n
          + ", restart=" + restart);
    }
    this.n = n;
    this.m = Math.min(restart, n);
    this.v = new double[m + 1][n];
    this.h = new double[(m + 1) * m];
    this.cs = new double[m];
    this.sn = new double[m];
    this.g = new double[m + 1];
    this.w = new double[n];
    this.y = new double[m];
  }

  /**
   * Solves {@code A x = b}, starting from the guess in {@code x} (overwritten).
   *
   * @param tol stop when {@code ‖b − A x‖₂ ≤ tol · ‖b‖₂}
   * @param maxIterations total Arnoldi iterations (over all restarts)
   * @return true if the tolerance was met; {@link #iterations()} and {@link #relativeResidual()}
   *     tell how it went
   */
  public boolean solve(LinearOperator a, double[] b, double[] x, double tol, int maxIterations) {
    double bnorm = norm(b);
    iterations = 0;
    if (bnorm == 0) {
      java.util.Arrays.fill(x, 0);
      residual = 0;
      return true;
    }
    while (true) {
      a.apply(x, w);
      for (int i = 0; i < n; i++) {
        v[0][i] = b[i] - w[i];
      }
      double beta = norm(v[0]);
      residual = beta / bnorm;
      if (!Double.isFinite(residual)) {
        return false;
      }
      if (residual <= tol) {
        return true;
      }
      if (iterations >= maxIterations) {
        return false;
      }
      scale(v[0], 1 / beta);
      java.util.Arrays.fill(g, 0);
      g[0] = beta;
      int k = 0;
      for (; k < m && iterations < maxIterations; k++) {
        iterations++;
        a.apply(v[k], v[k + 1]);
        for (int j = 0; j <= k; j++) {
          double d = dot(v[k + 1], v[j]);
          h[j * m + k] = d;
          axpy(-d, v[j], v[k + 1]);
        }
        double hn = norm(v[k + 1]);
        h[(k + 1) * m + k] = hn;
        if (hn > 0) {
          scale(v[k + 1], 1 / hn);
        }
        for (int j = 0; j < k; j++) {
          double t = cs[j] * h[j * m + k] + sn[j] * h[(j + 1) * m + k];
          h[(j + 1) * m + k] = -sn[j] * h[j * m + k] + cs[j] * h[(j + 1) * m + k];
          h[j * m + k] = t;
        }
        double r = Math.hypot(h[k * m + k], h[(k + 1) * m + k]);
        cs[k] = r == 0 ? 1 : h[k * m + k] / r;
        sn[k] = r == 0 ? 0 : h[(k + 1) * m + k] / r;
        h[k * m + k] = r;
        h[(k + 1) * m + k] = 0;
        g[k + 1] = -sn[k] * g[k];
        g[k] = cs[k] * g[k];
        residual = Math.abs(g[k + 1]) / bnorm;
        if (residual <= tol || hn == 0) {
          k++;
          break;
        }
      }
      // y = H⁻¹ g on the k × k upper triangle; x += V y
      for (int i = k - 1; i >= 0; i--) {
        double s = g[i];
        for (int j = i + 1; j < k; j++) {
          s -= h[i * m + j] * y[j];
        }
        y[i] = s / h[i * m + i];
      }
      for (int j = 0; j < k; j++) {
        axpy(y[j], v[j], x);
      }
    }
  }

  /** Arnoldi iterations of the last solve. */
  public int iterations() {
    return iterations;
  }

  /** {@code ‖b − A x‖ / ‖b‖} at the end of the last solve (as tracked by the iteration). */
  public double relativeResidual() {
    return residual;
  }

  private double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  private double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private void axpy(double alpha, double[] xs, double[] ys) {
    for (int i = 0; i < n; i++) {
      ys[i] += alpha * xs[i];
    }
  }

  private void scale(double[] a, double s) {
    for (int i = 0; i < n; i++) {
      a[i] *= s;
    }
  }
}
