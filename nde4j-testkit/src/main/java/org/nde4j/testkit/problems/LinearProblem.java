package org.nde4j.testkit.problems;

import java.util.Optional;
import java.util.Random;

/**
 * A linear constant-coefficient system {@code y' = A y} with a seeded random matrix; the exact
 * solution is {@code y(t) = exp(A t) y0} by the {@link MatrixExponential}.
 *
 * <p>Diffrax's convergence-order tests use the same kind of problem (a random 10×10 {@code A} and
 * the matrix exponential). Construction,
 * with {@code java.util.Random(seed)} (whose sequence the Java SE specification fixes) drawing
 * uniform entries {@code U[−1, 1)} as {@code 2 nextDouble() − 1}, row by row: first {@code R},
 * then {@code Q}, then {@code y0}; then
 * <pre>
 *   A = (R − Rᵀ)/2 − (Q Qᵀ/n + I/2)
 * </pre>
 * The symmetric part of {@code A} is {@code −(Q Qᵀ/n + I/2)}, negative definite, so by Bendixson's
 * theorem every eigenvalue has real part ≤ −1/2, and {@code ‖A‖} is of order one: convergence and
 * stability are both easy, and solutions decay like {@code e^{−t/2}} or faster.
 * {@link #standard()} is {@code n = 10}, seed 7, {@code t ∈ [0, 1]}.
 */
public final class LinearProblem implements OdeProblem {
  private final int n;
  private final long seed;
  private final double t1;
  private final double[][] a;
  private final double[] y0;
  private volatile double[] reference;

  private LinearProblem(int n, long seed, double t1) {
    this.n = n;
    this.seed = seed;
    this.t1 = t1;
    Random random = new Random(seed);
    double[][] r = uniform(random, n);
    double[][] q = uniform(random, n);
    y0 = new double[n];
    for (int i = 0; i < n; i++) {
      y0[i] = 2 * random.nextDouble() - 1;
    }
    a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double qq = 0;
        for (int k = 0; k < n; k++) {
          qq += q[i][k] * q[j][k];
        }
        a[i][j] = 0.5 * (r[i][j] - r[j][i]) - qq / n - (i == j ? 0.5 : 0);
      }
    }
  }

  /** The 10×10 problem with seed 7 on {@code [0, 1]}. */
  public static LinearProblem standard() {
    return random(10, 7, 1);
  }

  /**
   * An {@code n×n} problem on {@code [0, t1]} built from {@code seed} as the class comment says.
   *
   * @throws IllegalArgumentException if {@code n < 1} or {@code t1} is not positive and finite
   */
  public static LinearProblem random(int n, long seed, double t1) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    if (!(t1 > 0 && t1 < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("t1 must be positive and finite, got " + t1);
    }
    return new LinearProblem(n, seed, t1);
  }

  private static double[][] uniform(Random random, int n) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] = 2 * random.nextDouble() - 1;
      }
    }
    return m;
  }

  /** A copy of the matrix {@code A}. */
  public double[][] matrix() {
    double[][] c = new double[n][];
    for (int i = 0; i < n; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  /** The seed the matrix and initial value were drawn with. */
  public long seed() {
    return seed;
  }

  @Override public String name() {
    return n == 10 && seed == 7 && t1 == 1 ? "linear-10"
        : "linear-" + n + "-seed" + seed + "-t" + t1;
  }

  @Override public String citation() {
    return "random linear system y' = A y, exact solution exp(A t) y0 (as in the diffrax order"
        + " tests); seed " + seed;
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

  @Override public double[] y0() {
    return y0.clone();
  }

  @Override public void rhs(double t, double[] y, double[] dy) {
    for (int i = 0; i < n; i++) {
      double[] row = a[i];
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += row[j] * y[j];
      }
      dy[i] = s;
    }
  }

  /** {@code exp(A t) y0}, 50-digit arithmetic on the exact binary A, t and y0, rounded once. */
  @Override public Optional<double[]> exact(double t) {
    return Optional.of(MatrixExponential.apply(a, t, y0));
  }

  @Override public double[] reference() {
    double[] r = reference;
    if (r == null) {
      r = MatrixExponential.apply(a, t1, y0);
      reference = r;
    }
    return r.clone();
  }
}
