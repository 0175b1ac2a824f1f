package org.nde4j.testkit.problems;

import java.util.Optional;
import java.util.Random;

/**
 * A linear stiff test problem {@code y' = A y} with {@code A = Q D Qᵀ}: {@code Q} a random
 * orthogonal matrix (Gram–Schmidt of a seeded Gaussian matrix) and {@code D} diagonal with
 * eigenvalues {@code −10^(6k/(n−1))}, k = 0 … n−1, spread from −1 to −1e6. The exact solution
 * {@code Q e^{Dt} Qᵀ y0} is evaluated in double precision (relative error ~1e−15), so order tests of
 * implicit methods have a reference that does not come from a solver. Stiffness ratio 1e6.
 */
public final class StiffLinear implements OdeProblem {
  private final int n;
  private final long seed;
  private final double t1;
  private final double[] q;
  private final double[] lambda;
  private final double[] a;

  /** n = 8, seed 11, t ∈ [0, 1]. */
  public static StiffLinear standard() {
    return new StiffLinear(8, 11, 1);
  }

  /**
   * @throws IllegalArgumentException if {@code n < 2}
   */
  public StiffLinear(int n, long seed, double t1) {
    if (n < 2) {
      throw new IllegalArgumentException("stiff linear: n must be ≥ 2, got " + n);
    }
    this.n = n;
    this.seed = seed;
    this.t1 = t1;
    this.q = orthogonal(n, seed);
    this.lambda = new double[n];
    for (int k = 0; k < n; k++) {
      lambda[k] = -Math.pow(10, 6.0 * k / (n - 1));
    }
    this.a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += q[i * n + k] * lambda[k] * q[j * n + k];
        }
        a[i * n + j] = s;
      }
    }
  }

  private static double[] orthogonal(int n, long seed) {
    Random r = new Random(seed);
    double[] m = new double[n * n];
    for (int i = 0; i < m.length; i++) {
      m[i] = r.nextGaussian();
    }
    // modified Gram–Schmidt on the columns
    for (int j = 0; j < n; j++) {
      for (int p = 0; p < j; p++) {
        double dot = 0;
        for (int i = 0; i < n; i++) {
          dot += m[i * n + j] * m[i * n + p];
        }
        for (int i = 0; i < n; i++) {
          m[i * n + j] -= dot * m[i * n + p];
        }
      }
      double norm = 0;
      for (int i = 0; i < n; i++) {
        norm += m[i * n + j] * m[i * n + j];
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < n; i++) {
        m[i * n + j] /= norm;
      }
    }
    return m;
  }

  /** The matrix {@code A} (row-major copy). */
  public double[] matrix() {
    return a.clone();
  }

  /** The eigenvalues of {@code A} (copy). */
  public double[] eigenvalues() {
    return lambda.clone();
  }

  @Override public String name() {
    return "stiff-linear-" + n;
  }

  @Override public String citation() {
    return "constructed: A = Q diag(-10^(6k/(n-1))) Q^T, Q orthogonal from seed " + seed;
  }

  @Override public int dim() {
    return n;
  }

  @Override public double t0() {
    return 0;
  }

  @Override public double t1() {
    return t1;
  }

  /** All ones. */
  @Override public double[] y0() {
    double[] y = new double[n];
    java.util.Arrays.fill(y, 1);
    return y;
  }

  @Override public void rhs(double t, double[] y, double[] dy) {
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += a[i * n + j] * y[j];
      }
      dy[i] = s;
    }
  }

  @Override public Optional<double[]> exact(double t) {
    double[] y0 = y0();
    double[] c = new double[n];
    for (int k = 0; k < n; k++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += q[i * n + k] * y0[i];
      }
      c[k] = s * Math.exp(lambda[k] * t);
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = 0; k < n; k++) {
        s += q[i * n + k] * c[k];
      }
      y[i] = s;
    }
    return Optional.of(y);
  }

  @Override public double[] reference() {
    return exact(t1).orElseThrow();
  }
}
