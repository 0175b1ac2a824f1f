package org.nde4j.solve.adjoint;

import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.term.DifferentiableTerm;

/** Checks and conclusions shared by the adjoints' backward passes. */
final class Backward {
  private Backward() {}

  /**
   * Rows of save times that a terminal event cut off (null in {@code r.ys()}) are ignored and may
   * be null.
   *
   * @throws IllegalStateException if the forward solve failed
   * @throws IllegalArgumentException if the cotangents do not match the saved states
   */
  static void check(GradientSolve p, ForwardLoop.Result r, double[][] ybar) {
    if (r.status() != Status.SUCCESS && r.status() != Status.EVENT) {
      throw new IllegalStateException("backward: the forward solve ended with " + r.status()
          + " after " + r.steps() + " steps; there is no gradient of an unfinished solve");
    }
    int m = r.ys().length;
    int n = p.term().size();
    if (ybar == null || ybar.length != m) {
      throw new IllegalArgumentException("backward: expected " + m + " cotangent row(s), one per"
          + " save time, got " + (ybar == null ? "null" : ybar.length));
    }
    for (int i = 0; i < m; i++) {
      if (r.ys()[i] == null) {
        continue;
      }
      if (ybar[i] == null || ybar[i].length != n) {
        throw new IllegalArgumentException("backward: cotangent row " + i + " must have " + n
            + " values (the state's size), got " + (ybar[i] == null ? "null" : ybar[i].length));
      }
    }
  }

  /**
   * Assembles the gradients from the adjoint state {@code λ(t0) = ∂L/∂y0} and {@code θ̄}: {@code
   * ∂L/∂ts_i = ȳ_i · f(ts_i, Y_i)} (for a save read from an explicit Runge–Kutta step's dense
   * output, {@code ȳ_i · dY_i/dts_i}, the interpolant's slope), {@code ∂L/∂t0 = −(λ(t0) −
   * Σ_{ts_i = t0} ȳ_i) · f(t0, y0)}; NaN time gradients for an SDE solve.
   */
  static Gradients gradients(GradientSolve p, ForwardLoop.Result r,
      DifferentiableTerm.Evaluator f, double[] theta, double[] lambda, double[] thetaBar,
      double[][] ybar, long rates, long vjps) {
    return gradients(p, r, f, theta, lambda, thetaBar, ybar, rates, vjps, null, null);
  }

  /**
   * {@link #gradients(GradientSolve, ForwardLoop.Result, DifferentiableTerm.Evaluator, double[],
   * double[], double[], double[][], long, long)} with values of the field the forward solve
   * already has: {@code known[i] = f(ts_i, Y_i)} (null rows, or a null array: evaluate) and
   * {@code knownStart = f(t0, y0)} (null: evaluate). Evaluations made here are added to {@code
   * rates}.
   */
  static Gradients gradients(GradientSolve p, ForwardLoop.Result r,
      DifferentiableTerm.Evaluator f, double[] theta, double[] lambda, double[] thetaBar,
      double[][] ybar, long rates, long vjps, double[][] known, double[] knownStart) {
    if (p.sdeTerm() != null) {
      // Along a Brownian path y(t) has no time derivative: no time gradients for an SDE solve.
      double[] none = new double[p.ts().length];
      java.util.Arrays.fill(none, Double.NaN);
      return new Gradients(lambda.clone(), thetaBar.clone(), Double.NaN, none, Double.NaN, rates,
          vjps);
    }
    long rates0 = f.rateEvaluations();
    int n = lambda.length;
    double[] ts = p.ts();
    double[] dy = new double[n];
    double[] gts = new double[ts.length];
    double gt1 = 0;
    double[] lambdaAfterStart = lambda.clone();
    for (int i = 0; i < ts.length; i++) {
      if (r.ys()[i] == null) {
        continue;   // cut off by a terminal event
      }
      double[] rate = known == null ? null : known[i];
      if (rate == null && r.saveRates() != null) {
        rate = r.saveRates()[i];   // an interpolated save: the interpolant's slope
      }
      if (rate == null) {
        f.rate(ts[i], r.ys()[i], theta, dy);
        rate = dy;
      }
      gts[i] = dot(ybar[i], rate);
      if (ts[i] == p.t1()) {
        gt1 += gts[i];
      }
      if (ts[i] == p.t0()) {
        for (int q = 0; q < n; q++) {
          lambdaAfterStart[q] -= ybar[i][q];
        }
      }
    }
    double[] start = knownStart;
    if (start == null) {
      f.rate(p.t0(), p.y0(), theta, dy);
      start = dy;
    }
    double gt0 = -dot(lambdaAfterStart, start);
    return new Gradients(lambda.clone(), thetaBar.clone(), gt0, gts, gt1,
        rates + f.rateEvaluations() - rates0, vjps);
  }

  /**
   * A deep copy of the saved states (rows stay null for save times not reached, e.g. after a
   * terminal event).
   */
  static double[][] copy(double[][] ys) {
    double[][] c = new double[ys.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = ys[i] == null ? null : ys[i].clone();
    }
    return c;
  }

  /**
   * Adds the cotangents of the save times reached after {@code k} steps (rows {@code next, next −
   * 1, …} of the non-decreasing {@code saveStep}) to the first {@code ybar[i].length} entries (the
   * {@code y} part) of {@code λ}, for a backward pass that walks the steps from the last; returns
   * the next row still to add.
   */
  static int addCotangents(double[][] ybar, int[] saveStep, int next, int k, double[] lambda) {
    while (next >= 0 && saveStep[next] == k) {
      double[] g = ybar[next--];
      for (int q = 0; q < g.length; q++) {
        lambda[q] += g[q];
      }
    }
    return next;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
