package org.nde4j.learn.optim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Limited-memory BFGS with a strong Wolfe line search, for full-batch losses over the flat
 * parameter vector: Nocedal &amp; Wright, Numerical Optimization, 2nd ed., Algorithm 7.5 with the
 * two-loop recursion of Algorithm 7.4, the initial matrix {@code H₀ = (sᵀy / yᵀy) I} of eq. 7.20
 * and the line search of Algorithms 3.5/3.6. The last {@code m}
 * pairs {@code (s, y)} are kept; a pair with {@code sᵀy ≤ 1e-10·yᵀy} is skipped. The first
 * iteration (empty history) steps along {@code −∇L} with trial step {@code min(1, 1/‖∇L‖₁)}, as
 * {@code torch.optim.LBFGS}; later iterations try the unit step first.
 *
 * <p>{@link #minimize} runs at most {@code maxIterations} further iterations and stops early when
 * {@code ‖∇L‖∞ ≤ gradientTolerance} or the loss changes by at most {@code lossChangeTolerance}
 * in an iteration. Its state (iteration count and history) is {@link Checkpointable}: {@code
 * minimize} for {@code a} iterations, {@link #state()}, {@link #loadState} into a fresh instance,
 * and {@code minimize} for {@code b} more gives bit for bit the point of an uninterrupted run of
 * {@code a + b} iterations (each call evaluates the loss once at its start; the loss must be
 * deterministic).
 *
 * <p>Allocation-free after construction; one thread.
 */
public final class Lbfgs implements Checkpointable {
  /** Why {@link #minimize} returned. */
  public enum Status {
    /** {@code ‖∇L‖∞ ≤ gradientTolerance}. */
    GRADIENT_TOLERANCE,
    /** The loss changed by at most {@code lossChangeTolerance} in the last iteration. */
    LOSS_CHANGE_TOLERANCE,
    /** {@code maxIterations} iterations done. */
    MAX_ITERATIONS,
    /**
     * No step along the search direction decreased the loss enough (usually: converged to the
     * precision the loss allows); θ is the best point found.
     */
    LINE_SEARCH_FAILED,
    /** The loss or gradient at the starting point is not finite; θ is unchanged. */
    NON_FINITE;

    /** Whether the run ended at a point that meets a tolerance. */
    public boolean isConverged() {
      return this == GRADIENT_TOLERANCE || this == LOSS_CHANGE_TOLERANCE;
    }
  }

  /**
   * The outcome of {@link #minimize}.
   *
   * @param loss the loss at the returned θ
   * @param gradientNorm {@code ‖∇L‖∞} there
   * @param iterations iterations done by this call
   * @param evaluations loss evaluations by this call
   * @param status why it stopped
   */
  public record Result(double loss, double gradientNorm, int iterations, int evaluations,
      Status status) {}

  private final int n;
  private final int m;
  private final double gradientTolerance;
  private final double lossChangeTolerance;
  private final StrongWolfeLineSearch lineSearch;
  private final double[] s;
  private final double[] y;
  private final double[] rho;
  private final double[] alphas;
  private final double[] g;
  private final double[] d;
  private final double[] xNew;
  private final double[] gNew;
  private int head;
  private int count;
  private long iterations;

  private Lbfgs(Builder b, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("size must be >= 1, got " + n);
    }
    this.n = n;
    this.m = b.history;
    this.gradientTolerance = b.gradientTolerance;
    this.lossChangeTolerance = b.lossChangeTolerance;
    this.lineSearch = new StrongWolfeLineSearch(n, b.c1, b.c2, b.maxLineSearchEvaluations);
    this.s = new double[m * n];
    this.y = new double[m * n];
    this.rho = new double[m];
    this.alphas = new double[m];
    this.g = new double[n];
    this.d = new double[n];
    this.xNew = new double[n];
    this.gNew = new double[n];
  }

  /**
   * Defaults: history 10, gradient tolerance 1e-7 and loss-change tolerance 1e-9 (as {@code
   * torch.optim.LBFGS}), c₁ = 1e-4, c₂ = 0.9, 25 loss evaluations per line search.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Iterations done over the life of this instance (restored by {@link #loadState}). */
  public long iterations() {
    return iterations;
  }

  /**
   * Minimises {@code f} from {@code theta}, updating {@code theta} in place, for at most {@code
   * maxIterations} iterations.
   *
   * @throws IllegalArgumentException naming {@code theta} if its length is wrong, or {@code
   *     maxIterations} if negative
   */
  public Result minimize(LossFunction f, double[] theta, int maxIterations) {
    Objects.requireNonNull(f, "f");
    if (theta.length != n) {
      throw new IllegalArgumentException("theta has " + theta.length
          + " values but L-BFGS was created for " + n);
    }
    if (maxIterations < 0) {
      throw new IllegalArgumentException("maxIterations must be >= 0, got " + maxIterations);
    }
    int evaluations = 1;
    double fx = f.evaluate(theta, g);
    double gNorm = normInf(g);
    if (!Double.isFinite(fx) || !Double.isFinite(gNorm)) {
      return new Result(fx, gNorm, 0, evaluations, Status.NON_FINITE);
    }
    for (int it = 0; it < maxIterations; it++) {
      if (gNorm <= gradientTolerance) {
        return new Result(fx, gNorm, it, evaluations, Status.GRADIENT_TOLERANCE);
      }
      double slope = direction();
      if (!(slope < 0)) {
        // Rounding made H·g useless as a descent direction: forget the history.
        count = 0;
        head = 0;
        slope = direction();
      }
      double alpha1 = count == 0 ? Math.min(1.0, 1.0 / norm1(g)) : 1.0;
      boolean ok = lineSearch.search(f, theta, fx, slope, d, alpha1, xNew, gNew);
      evaluations += lineSearch.evaluations;
      if (!ok) {
        return new Result(fx, gNorm, it, evaluations, Status.LINE_SEARCH_FAILED);
      }
      remember(theta);
      System.arraycopy(xNew, 0, theta, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      double fOld = fx;
      fx = lineSearch.loss;
      gNorm = normInf(g);
      iterations++;
      if (Math.abs(fOld - fx) <= lossChangeTolerance) {
        return new Result(fx, gNorm, it + 1, evaluations,
            gNorm <= gradientTolerance ? Status.GRADIENT_TOLERANCE
                : Status.LOSS_CHANGE_TOLERANCE);
      }
    }
    return new Result(fx, gNorm, maxIterations, evaluations,
        gNorm <= gradientTolerance ? Status.GRADIENT_TOLERANCE : Status.MAX_ITERATIONS);
  }

  /** {@code d = −H g} by the two-loop recursion (N&amp;W Algorithm 7.4); returns {@code gᵀd}. */
  private double direction() {
    for (int i = 0; i < n; i++) {
      d[i] = -g[i];
    }
    for (int k = 0; k < count; k++) {
      int j = Math.floorMod(head - 1 - k, m);
      double a = rho[j] * dot(s, j * n, d);
      alphas[j] = a;
      axpy(a, y, j * n, d);
    }
    if (count > 0) {
      int newest = Math.floorMod(head - 1, m);
      double yy = dot(y, newest * n, y, newest * n);
      double gamma = 1.0 / (rho[newest] * yy);
      for (int i = 0; i < n; i++) {
        d[i] *= gamma;
      }
    }
    for (int k = count - 1; k >= 0; k--) {
      int j = Math.floorMod(head - 1 - k, m);
      double b = rho[j] * dot(y, j * n, d);
      axpy(b - alphas[j], s, j * n, d);
    }
    double slope = 0;
    for (int i = 0; i < n; i++) {
      slope += g[i] * d[i];
    }
    return slope;
  }

  /** Stores {@code s = xNew − theta}, {@code y = gNew − g} unless the curvature is too small. */
  private void remember(double[] theta) {
    double sy = 0;
    double yy = 0;
    for (int i = 0; i < n; i++) {
      double si = xNew[i] - theta[i];
      double yi = gNew[i] - g[i];
      sy += si * yi;
      yy += yi * yi;
    }
    if (!(sy > 1e-10 * yy)) {
      return;
    }
    int o = head * n;
    for (int i = 0; i < n; i++) {
      s[o + i] = xNew[i] - theta[i];
      y[o + i] = gNew[i] - g[i];
    }
    rho[head] = 1.0 / sy;
    head = (head + 1) % m;
    count = Math.min(count + 1, m);
  }

  /**
   * State entries: {@code step} (iterations), {@code history_head}, {@code history_count}, {@code
   * s} and {@code y} ({@code m × n}, ring buffers), {@code rho} ({@code m}).
   */
  @Override
  public Map<String, double[]> state() {
    Map<String, double[]> st = new LinkedHashMap<>();
    st.put(AbstractOptimizer.STEP, new double[] {iterations});
    st.put("history_head", new double[] {head});
    st.put("history_count", new double[] {count});
    st.put("s", s.clone());
    st.put("y", y.clone());
    st.put("rho", rho.clone());
    return st;
  }

  @Override
  public void loadState(Map<String, double[]> state) {
    for (String k : state.keySet()) {
      if (!Arrays.asList(AbstractOptimizer.STEP, "history_head", "history_count", "s", "y", "rho")
          .contains(k)) {
        throw new IllegalArgumentException("L-BFGS state: unexpected entry '" + k + "'");
      }
    }
    long it = StateEntries.counter(state, AbstractOptimizer.STEP);
    long h = StateEntries.counter(state, "history_head");
    long c = StateEntries.counter(state, "history_count");
    if (h >= m || c > m) {
      throw new IllegalArgumentException("L-BFGS state: history_head " + h + " / history_count "
          + c + " do not fit a history of " + m);
    }
    double[] ss = StateEntries.array(state, "s", m * n);
    double[] yy = StateEntries.array(state, "y", m * n);
    double[] rr = StateEntries.array(state, "rho", m);
    System.arraycopy(ss, 0, s, 0, s.length);
    System.arraycopy(yy, 0, y, 0, y.length);
    System.arraycopy(rr, 0, rho, 0, rho.length);
    iterations = it;
    head = (int) h;
    count = (int) c;
  }

  private double dot(double[] a, int off, double[] v) {
    double r = 0;
    for (int i = 0; i < n; i++) {
      r += a[off + i] * v[i];
    }
    return r;
  }

  private double dot(double[] a, int offA, double[] b, int offB) {
    double r = 0;
    for (int i = 0; i < n; i++) {
      r += a[offA + i] * b[offB + i];
    }
    return r;
  }

  /** {@code v ← v − a · x[off ..]}. */
  private void axpy(double a, double[] x, int off, double[] v) {
    for (int i = 0; i < n; i++) {
      v[i] -= a * x[off + i];
    }
  }

  private static double normInf(double[] v) {
    double r = 0;
    for (double x : v) {
      r = Math.max(r, Math.abs(x));
    }
    return r;
  }

  private static double norm1(double[] v) {
    double r = 0;
    for (double x : v) {
      r += Math.abs(x);
    }
    return r;
  }

  /** Options of {@link Lbfgs}. */
  public static final class Builder {
    private int history = 10;
    private double gradientTolerance = 1e-7;
    private double lossChangeTolerance = 1e-9;
    private double c1 = 1e-4;
    private double c2 = 0.9;
    private int maxLineSearchEvaluations = 25;

    private Builder() {}

    /** Number {@code m ≥ 1} of correction pairs kept. */
    public Builder history(int m) {
      if (m < 1) {
        throw new IllegalArgumentException("history must be >= 1, got " + m);
      }
      this.history = m;
      return this;
    }

    /** Stop when {@code ‖∇L‖∞ ≤ tol} ({@code tol ≥ 0}). */
    public Builder gradientTolerance(double tol) {
      Checks.rate("gradientTolerance", tol);
      this.gradientTolerance = tol;
      return this;
    }

    /** Stop when an iteration changes the loss by at most {@code tol} ({@code tol ≥ 0}). */
    public Builder lossChangeTolerance(double tol) {
      Checks.rate("lossChangeTolerance", tol);
      this.lossChangeTolerance = tol;
      return this;
    }

    /** The Wolfe constants, {@code 0 < c1 < c2 < 1}. */
    public Builder wolfe(double c1, double c2) {
      if (!(c1 > 0 && c1 < c2 && c2 < 1)) {
        throw new IllegalArgumentException("Wolfe constants must satisfy 0 < c1 < c2 < 1, got c1="
            + c1 + ", c2=" + c2);
      }
      this.c1 = c1;
      this.c2 = c2;
      return this;
    }

    /** Loss evaluations allowed per line search ({@code ≥ 1}). */
    public Builder maxLineSearchEvaluations(int k) {
      if (k < 1) {
        throw new IllegalArgumentException("maxLineSearchEvaluations must be >= 1, got " + k);
      }
      this.maxLineSearchEvaluations = k;
      return this;
    }

    /** An L-BFGS for parameter vectors of {@code size ≥ 1} values. */
    public Lbfgs build(int size) {
      return new Lbfgs(this, size);
    }
  }
}
