package org.nde4j.solve.solver.bdf;

import org.nde4j.linalg.DenseLu;
import org.nde4j.solve.rootfind.Newton;
import org.nde4j.solve.solver.DenseSegment;
import org.nde4j.solve.solver.StepProposer;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.solver.Work;
import org.nde4j.solve.stepsize.ErrorNorm;
import org.nde4j.solve.term.Jacobian;
import org.nde4j.solve.term.Term;

/**
 * The per-solve state of {@link Bdf}: the backward-difference table, the Jacobian and the factored
 * iteration matrix, Newton's convergence history. The formulas are those of Shampine &amp;
 * Reichelt (SIAM J. Sci. Comput. 18:1–22, 1997, §2) documented on {@link Bdf}.
 *
 * <p>{@code D[j]} holds {@code ∇^j y_n} at step size {@code hD} ({@code j ≤ k}), {@code D[k+1]}
 * the last correction {@code d = ∇^{k+1} y_n} and {@code D[k+2] = ∇^{k+2} y_n}. An attempt
 * computes the updated table into {@code next} without touching {@code D}; {@link #accept} swaps
 * them, so a rejected step needs no roll-back (a step-size change re-interpolates {@code D}, which
 * keeps the same polynomial). Allocation-free after construction.
 */
final class BdfStepper implements Stepper, StepProposer {
  private static final int MAX = Bdf.MAX_ORDER;
  private static final int NEWTON_MAX_ITERATIONS = 4;
  private static final double MIN_FACTOR = 0.2;
  /**
   * The only factor by which the step grows (DASSL's rule: double it when the estimates allow at
   * least that, otherwise keep it). Bounded step ratios keep variable-step BDF zero-stable and its
   * error estimates honest; with a growth of up to 10 the global error on Van der Pol was twice as
   * large for the same work.
   */
  private static final double GROWTH = 2;
  /** Newton's tolerance when a constant-step solve gives no error norm. */
  private static final ErrorNorm FIXED_STEP_NORM = ErrorNorm.rms(1e-10, 1e-10);

  private final Term term;
  private final int n;
  private final int maxOrder;
  private final double[] gamma = new double[MAX + 2];
  private final double[] alpha = new double[MAX + 2];
  private final double[] errorConst = new double[MAX + 2];
  private final Jacobian jacobian;
  private final DenseLu lu;
  private final Newton newton;
  private final double[] jac;
  private final double[] w;
  private double[][] table;
  private double[][] next;
  private final double[][] scratch;
  private final double[] ru = new double[(MAX + 1) * (MAX + 1)];
  private final double[] r = new double[(MAX + 1) * (MAX + 1)];
  private final double[] u = new double[(MAX + 1) * (MAX + 1)];
  private final double[] yPred;
  private final double[] psi;
  private final double[] d;
  private final double[] f;
  private final double[] tmp;
  private final Newton.Residual residual;
  private final Newton.UpdateNorm updateNorm;

  private boolean started;
  private boolean haveJacobian;
  /** The Jacobian was evaluated since the last accepted step (no point refreshing it again). */
  private boolean jacobianCurrent;
  private boolean luValid;
  private double luC = Double.NaN;
  private double tD;
  private double hD;
  private int order;
  private int equalSteps;

  // the last attempt
  private ErrorNorm currentNorm;
  private double tOld;
  private double tNew;
  private double hStep;
  private double c;
  private int nextOrder;
  private int nextEqualSteps;
  private double proposal = Double.NaN;

  private long evaluations;
  private long newtonFailures;

  BdfStepper(Term term, double[] kappa, int maxOrder, double newtonTolerance) {
    this.term = term;
    this.n = term.size();
    this.maxOrder = maxOrder;
    for (int k = 1; k <= MAX; k++) {
      gamma[k] = gamma[k - 1] + 1.0 / k;
      alpha[k] = (1 - kappa[k]) * gamma[k];
      errorConst[k] = kappa[k] * gamma[k] + 1.0 / (k + 1);
    }
    this.jacobian = term.jacobian();
    this.lu = new DenseLu(n);
    this.newton = new Newton(n, NEWTON_MAX_ITERATIONS, newtonTolerance);
    this.jac = new double[n * n];
    this.w = new double[n * n];
    this.table = new double[MAX + 3][n];
    this.next = new double[MAX + 3][n];
    this.scratch = new double[MAX + 1][n];
    this.yPred = new double[n];
    this.psi = new double[n];
    this.d = new double[n];
    this.f = new double[n];
    this.tmp = new double[n];
    // G(d) = d − c f(t_{n+1}, y⁽⁰⁾ + d) + ψ; ∂G/∂d ≈ I − cJ.
    this.residual = (z, res) -> {
      for (int i = 0; i < n; i++) {
        tmp[i] = yPred[i] + z[i];
      }
      term.rate(tNew, tmp, f);
      evaluations++;
      for (int i = 0; i < n; i++) {
        res[i] = z[i] - c * f[i] + psi[i];
      }
    };
    this.updateNorm = delta -> currentNorm.ratio(delta, yPred, yPred);
  }

  @Override
  public double attempt(double t, double h, double[] y0, double[] y1, ErrorNorm norm) {
    currentNorm = norm == null ? FIXED_STEP_NORM : norm;
    proposal = Double.NaN;
    // Times and steps that differ by round-off (t + h vs. the controller's end) are the same.
    double slack = 4 * Math.ulp(Math.abs(t) + Math.abs(h));
    if (!started || Math.abs(t - tD) > slack) {
      start(t, h, y0);
    } else if (Math.abs(h - hD) > slack + 1e-12 * Math.abs(hD)) {
      rescale(h / hD);
    }
    int k = order;
    tOld = t;
    tNew = t + h;
    hStep = h;
    double[][] dt = table;
    // Predictor and ψ = Σ γ_j ∇^j y_n / α_k.
    for (int i = 0; i < n; i++) {
      double p = dt[0][i];
      double s = 0;
      for (int j = 1; j <= k; j++) {
        p += dt[j][i];
        s += gamma[j] * dt[j][i];
      }
      yPred[i] = p;
      psi[i] = s / alpha[k];
    }
    c = hD / alpha[k];
    if (!haveJacobian) {
      refreshJacobian(t, y0);
    }
    Newton.Outcome outcome;
    while (true) {
      if (!luValid || c != luC) {
        if (!factor()) {
          if (!jacobianCurrent) {
            refreshJacobian(tNew, yPred);
            continue;
          }
          outcome = Newton.Outcome.DIVERGED;
          java.util.Arrays.fill(d, 0);
          break;
        }
      }
      java.util.Arrays.fill(d, 0);
      outcome = newton.solve(residual, lu, d, updateNorm);
      if (outcome == Newton.Outcome.CONVERGED || jacobianCurrent) {
        break;
      }
      refreshJacobian(tNew, yPred);
    }
    for (int i = 0; i < n; i++) {
      y1[i] = yPred[i] + d[i];
    }
    if (outcome != Newton.Outcome.CONVERGED) {
      newtonFailures++;
      if (outcome == Newton.Outcome.NONFINITE) {
        return Double.NaN;
      }
      proposal = 0.5 * h;
      return Double.POSITIVE_INFINITY;
    }
    // Updated differences (Shampine & Reichelt §2.1): ∇^{k+1} y_{n+1} = d, ∇^j y_{n+1} = ∇^j y_n
    // + ∇^{j+1} y_{n+1}.
    double[][] nx = next;
    for (int i = 0; i < n; i++) {
      nx[k + 2][i] = d[i] - dt[k + 1][i];
      nx[k + 1][i] = d[i];
    }
    for (int j = k; j >= 0; j--) {
      double[] a = dt[j];
      double[] b = nx[j + 1];
      double[] o = nx[j];
      for (int i = 0; i < n; i++) {
        o[i] = a[i] + b[i];
      }
    }
    if (norm == null) {
      nextEqualSteps = equalSteps + 1;
      nextOrder = nextEqualSteps >= k + 1 && k < maxOrder ? k + 1 : k;
      return 0;
    }
    int iterations = newton.iterations();
    double safety = 0.9 * (2 * NEWTON_MAX_ITERATIONS + 1)
        / (2 * NEWTON_MAX_ITERATIONS + iterations);
    double error = scaledNorm(errorConst[k], d, y0, y1, norm);
    if (!(error <= 1)) {
      if (Double.isNaN(error)) {
        return error;
      }
      proposal = h * Math.max(MIN_FACTOR, safety * Math.pow(error, -1.0 / (k + 1)));
      return error;
    }
    nextEqualSteps = equalSteps + 1;
    nextOrder = k;
    if (nextEqualSteps < k + 1) {
      proposal = h;
      return error;
    }
    // Order selection: the step factors of orders k − 1, k, k + 1.
    double best = Math.pow(error, -1.0 / (k + 1));
    if (k > 1) {
      double em = scaledNorm(errorConst[k - 1], nx[k], y0, y1, norm);
      double fm = Math.pow(em, -1.0 / k);
      if (fm > best) {
        best = fm;
        nextOrder = k - 1;
      }
    }
    if (k < maxOrder) {
      double ep = scaledNorm(errorConst[k + 1], nx[k + 2], y0, y1, norm);
      double fp = Math.pow(ep, -1.0 / (k + 2));
      if (fp > best) {
        best = fp;
        nextOrder = k + 1;
      }
    }
    double factor = safety * best;
    proposal = h * (factor >= GROWTH ? GROWTH : Math.min(1, factor));
    return error;
  }

  private double scaledNorm(double coefficient, double[] v, double[] y0, double[] y1,
      ErrorNorm norm) {
    for (int i = 0; i < n; i++) {
      tmp[i] = coefficient * v[i];
    }
    return norm.ratio(tmp, y0, y1);
  }

  /** First step (or after a restart): order 1, {@code D = (y0, h f(t, y0))}. */
  private void start(double t, double h, double[] y0) {
    term.rate(t, y0, f);
    evaluations++;
    for (double[] row : table) {
      java.util.Arrays.fill(row, 0);
    }
    for (int i = 0; i < n; i++) {
      table[0][i] = y0[i];
      table[1][i] = h * f[i];
    }
    started = true;
    tD = t;
    hD = h;
    order = 1;
    equalSteps = 0;
    luValid = false;
    jacobianCurrent = false;
  }

  private void refreshJacobian(double t, double[] y) {
    jacobian.evaluate(t, y, jac);
    haveJacobian = true;
    jacobianCurrent = true;
    luValid = false;
    newton.reset();
  }

  /** Factors {@code W = I − cJ}; false if it is singular or not finite. */
  private boolean factor() {
    for (int i = 0; i < n * n; i++) {
      w[i] = -c * jac[i];
    }
    for (int i = 0; i < n; i++) {
      w[i * n + i] += 1;
    }
    luC = c;
    luValid = lu.factor(w);
    return luValid;
  }

  /**
   * Re-interpolates {@code ∇^0 … ∇^k} from step {@code hD} to {@code factor·hD}: {@code D ← (RU)ᵀ
   * D} with {@code R_{ij} = Π_{m=1..i} (m − 1 − factor·j)/m}, {@code U = R(factor = 1)}
   * (Shampine &amp; Reichelt §2.2, changing the step size in the backward-difference form).
   */
  private void rescale(double factor) {
    int k = order;
    int m = k + 1;
    fillR(r, k, factor);
    fillR(u, k, 1);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int l = 0; l < m; l++) {
          s += r[i * m + l] * u[l * m + j];
        }
        ru[i * m + j] = s;
      }
    }
    for (int j = 0; j < m; j++) {
      double[] o = scratch[j];
      java.util.Arrays.fill(o, 0);
      for (int i = 0; i < m; i++) {
        double a = ru[i * m + j];
        if (a != 0) {
          double[] src = table[i];
          for (int q = 0; q < n; q++) {
            o[q] += a * src[q];
          }
        }
      }
    }
    for (int j = 0; j < m; j++) {
      System.arraycopy(scratch[j], 0, table[j], 0, n);
    }
    hD *= factor;
    equalSteps = 0;
    luValid = false;
  }

  private static void fillR(double[] out, int k, double factor) {
    int m = k + 1;
    for (int j = 0; j < m; j++) {
      out[j] = 1;
    }
    for (int i = 1; i < m; i++) {
      out[i * m] = 0;
      for (int j = 1; j < m; j++) {
        out[i * m + j] = out[(i - 1) * m + j] * (i - 1 - factor * j) / i;
      }
    }
  }

  @Override
  public double proposedStep() {
    return proposal;
  }

  @Override
  public void interpolate(double theta, double[] out) {
    evaluateBackward(next, order, theta, out);
  }

  /**
   * Newton's backward-difference form at {@code t_{n+1} + (θ − 1) h}: {@code Σ_j D_j Π_{m<j} (θ −
   * 1 + m)/(m + 1)}.
   */
  static void evaluateBackward(double[][] diffs, int k, double theta, double[] out) {
    int n = out.length;
    System.arraycopy(diffs[0], 0, out, 0, n);
    double p = 1;
    for (int j = 1; j <= k; j++) {
      p *= (theta - 1 + (j - 1)) / j;
      double[] dj = diffs[j];
      for (int i = 0; i < n; i++) {
        out[i] += p * dj[i];
      }
    }
  }

  @Override
  public DenseSegment denseSegment() {
    double[][] copy = new double[order + 1][];
    for (int j = 0; j <= order; j++) {
      copy[j] = next[j].clone();
    }
    return new BdfSegment(tOld, hStep, tNew, order, copy);
  }

  @Override
  public void accept() {
    double[][] s = table;
    table = next;
    next = s;
    tD = tNew;
    if (nextOrder != order) {
      order = nextOrder;
      equalSteps = 0;
    } else {
      equalSteps = nextEqualSteps;
    }
    jacobianCurrent = false;
  }

  @Override
  public void restart() {
    started = false;
  }

  @Override
  public long evaluations() {
    return evaluations + jacobian.rateEvaluations();
  }

  @Override
  public Work work() {
    return new Work(jacobian.evaluations(), lu.factorizations(), lu.solves(),
        newton.totalIterations(), newtonFailures);
  }

  /** Implicit: no stability limit to report. */
  @Override
  public double stiffnessRatio() {
    return Double.NaN;
  }

  /** The order of the last attempted step (for tests and diagnostics). */
  int order() {
    return order;
  }

  /**
   * Seeds the history with exact values {@code past[m] = y(t − m h)}, {@code m = 0 … k}, at order
   * {@code k} (for order tests that need a start of the method's own accuracy).
   */
  void seed(double t, double h, double[][] past) {
    int k = past.length - 1;
    for (double[] row : table) {
      java.util.Arrays.fill(row, 0);
    }
    // ∇^j y_n = Σ_m (−1)^m C(j, m) y_{n−m}
    for (int j = 0; j <= k; j++) {
      double binom = 1;
      for (int m = 0; m <= j; m++) {
        double sign = (m % 2 == 0) ? 1 : -1;
        for (int i = 0; i < n; i++) {
          table[j][i] += sign * binom * past[m][i];
        }
        binom = binom * (j - m) / (m + 1);
      }
    }
    started = true;
    tD = t;
    hD = h;
    order = k;
    equalSteps = 0;
    luValid = false;
    jacobianCurrent = false;
  }
}
