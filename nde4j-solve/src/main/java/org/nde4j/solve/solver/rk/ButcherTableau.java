package org.nde4j.solve.solver.rk;

import java.util.Arrays;

/**
 * The coefficients of an explicit Runge–Kutta method with {@code s} stages: nodes {@code c},
 * strictly lower-triangular matrix {@code a} (row {@code i} has {@code i} entries), weights
 * {@code b} and optionally error weights {@code e = b − b̂} of an embedded method (and, for Hairer's
 * DOP853, a second, lower-order error estimate {@code e2}, combined as in {@code dop853.f}).
 *
 * <p>Immutable and validated on construction: {@code Σ_j a_ij = c_i} for every row, {@code Σ b = 1},
 * {@code Σ e = 0} (and {@code Σ e2 = 0}), all to 1e-13. A method is <em>first same as last</em>
 * (FSAL) when its last stage is evaluated at the new solution ({@code c_s = 1}, {@code a_s = b},
 * {@code b_s = 0}); the engine then reuses that stage as the next step's first.
 */
public final class ButcherTableau {
  private static final double TOL = 1e-13;

  private final double[] c;
  private final double[][] a;
  private final double[] b;
  private final double[] e;
  private final double[] e2;
  private final boolean fsal;
  private final double stabilityBoundary;

  private ButcherTableau(double[] c, double[][] a, double[] b, double[] e, double[] e2) {
    this.c = c;
    this.a = a;
    this.b = b;
    this.e = e;
    this.e2 = e2;
    validate();
    this.fsal = detectFsal();
    this.stabilityBoundary = computeStabilityBoundary();
  }

  /**
   * A tableau without an error estimate.
   *
   * @throws IllegalArgumentException if the sizes disagree or a consistency condition fails
   */
  public static ButcherTableau of(double[] c, double[][] a, double[] b) {
    return new ButcherTableau(c.clone(), deepCopy(a), b.clone(), null, null);
  }

  /** A tableau with error weights {@code e = b − b̂}. */
  public static ButcherTableau of(double[] c, double[][] a, double[] b, double[] e) {
    return new ButcherTableau(c.clone(), deepCopy(a), b.clone(), e.clone(), null);
  }

  /**
   * A tableau with two error estimates combined as in Hairer's DOP853 ({@code err = e² /
   * sqrt(e² + 0.01·e2²)} in the scaled norm; Hairer, Nørsett, Wanner, <i>Solving ODEs I</i>, 2nd
   * ed., §II.10).
   */
  public static ButcherTableau of(double[] c, double[][] a, double[] b, double[] e, double[] e2) {
    return new ButcherTableau(c.clone(), deepCopy(a), b.clone(), e.clone(), e2.clone());
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] r = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i].clone();
    }
    return r;
  }

  private void validate() {
    int s = c.length;
    if (s == 0 || a.length != s || b.length != s || (e != null && e.length != s)
        || (e2 != null && e2.length != s)) {
      throw new IllegalArgumentException("ButcherTableau: c, a, b (and error weights) must all"
          + " have one entry per stage; got c=" + s + ", a=" + a.length + ", b=" + b.length
          + (e == null ? "" : ", e=" + e.length));
    }
    for (int i = 0; i < s; i++) {
      if (a[i].length != i) {
        throw new IllegalArgumentException("ButcherTableau: row " + i + " of a must have " + i
            + " entries (explicit method), got " + a[i].length);
      }
      double sum = 0;
      for (double v : a[i]) {
        sum += v;
      }
      if (Math.abs(sum - c[i]) > TOL * Math.max(1, Math.abs(c[i]))) {
        throw new IllegalArgumentException("ButcherTableau: row " + i + " of a sums to " + sum
            + " but c[" + i + "] = " + c[i]);
      }
    }
    checkSum("b", b, 1);
    if (e != null) {
      checkSum("e (b − b̂)", e, 0);
    }
    if (e2 != null) {
      checkSum("e2", e2, 0);
    }
  }

  private static void checkSum(String name, double[] w, double expected) {
    double sum = 0;
    double mag = 0;
    for (double v : w) {
      sum += v;
      mag += Math.abs(v);
    }
    if (Math.abs(sum - expected) > TOL * Math.max(1, mag)) {
      throw new IllegalArgumentException("ButcherTableau: Σ " + name + " = " + sum
          + ", must be " + expected);
    }
  }

  private boolean detectFsal() {
    int s = c.length;
    if (s < 2 || c[s - 1] != 1 || b[s - 1] != 0) {
      return false;
    }
    for (int j = 0; j < s - 1; j++) {
      if (a[s - 1][j] != b[j]) {
        return false;
      }
    }
    return true;
  }

  /** Indices of the non-zero entries of {@code w}, so that the engines skip zero coefficients. */
  static int[] nonZero(double[] w) {
    int count = 0;
    for (double v : w) {
      count += v != 0 ? 1 : 0;
    }
    int[] idx = new int[count];
    int m = 0;
    for (int j = 0; j < w.length; j++) {
      if (w[j] != 0) {
        idx[m++] = j;
      }
    }
    return idx;
  }

  /** The stability function {@code R(z) = 1 + z bᵀ(I − zA)⁻¹ 1} at a real {@code z}. */
  public double stabilityFunction(double z) {
    int s = c.length;
    double[] g = new double[s];
    double r = 1;
    for (int i = 0; i < s; i++) {
      double acc = 1;
      for (int j = 0; j < i; j++) {
        acc += z * a[i][j] * g[j];
      }
      g[i] = acc;
      r += z * b[i] * acc;
    }
    return r;
  }

  private double computeStabilityBoundary() {
    double step = 1e-3;
    double x = step;
    while (x < 50 && Math.abs(stabilityFunction(-x)) <= 1) {
      x += step;
    }
    double lo = x - step;
    double hi = x;
    for (int k = 0; k < 40; k++) {
      double mid = 0.5 * (lo + hi);
      if (Math.abs(stabilityFunction(-mid)) <= 1) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Number of stages. */
  public int stages() {
    return c.length;
  }

  /** Node {@code c_i}. */
  public double c(int i) {
    return c[i];
  }

  /** Entry {@code a_ij}, {@code j < i}. */
  public double a(int i, int j) {
    return a[i][j];
  }

  /** Weight {@code b_i}. */
  public double b(int i) {
    return b[i];
  }

  /** Nodes (copy). */
  public double[] c() {
    return c.clone();
  }

  /** Weights (copy). */
  public double[] b() {
    return b.clone();
  }

  /** Row {@code i} of {@code a} (copy). */
  public double[] aRow(int i) {
    return a[i].clone();
  }

  /** Error weights {@code b − b̂} (copy), or null without an embedded method. */
  public double[] errorWeights() {
    return e == null ? null : e.clone();
  }

  /** Second error weights of a DOP853-style combined estimate (copy), or null. */
  public double[] secondErrorWeights() {
    return e2 == null ? null : e2.clone();
  }

  /** True when the last stage is the first stage of the next step. */
  public boolean isFsal() {
    return fsal;
  }

  /**
   * The largest {@code x} such that {@code |R(−ξ)| ≤ 1} for all {@code ξ ∈ [0, x]}: the stability
   * boundary on the negative real axis (e.g. 2 for Euler, about 3.3 for Dormand–Prince 5).
   */
  public double stabilityBoundary() {
    return stabilityBoundary;
  }

  @Override
  public String toString() {
    return "ButcherTableau[stages=" + c.length + ", c=" + Arrays.toString(c) + ", fsal=" + fsal
        + "]";
  }
}
