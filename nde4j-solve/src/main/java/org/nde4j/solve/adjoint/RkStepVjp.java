package org.nde4j.solve.adjoint;

import org.nde4j.solve.solver.rk.ButcherTableau;
import org.nde4j.solve.term.DifferentiableTerm;

/**
 * The VJP of one explicit Runge–Kutta step, written once for any tableau: with stage inputs
 * {@code z_i = y + h Σ_{j<i} a_ij k_j}, {@code k_i = f(t + c_i h, z_i, θ)} and {@code y_1 = y + h Σ
 * b_i k_i}, the reverse sweep runs the stages backwards, {@code k̄_i = h b_i λ + h Σ_{l>i} a_li
 * z̄_l}, {@code z̄_i = (∂f/∂y)ᵀ k̄_i}, {@code θ̄ += (∂f/∂θ)ᵀ k̄_i}, and returns {@code λ + Σ z̄_i}.
 * Stages whose {@code k̄} is identically zero (the last stage of a first-same-as-last method) cost
 * no VJP. The VJPs run from the stages' residuals ({@link DifferentiableTerm.Evaluator#rate(double,
 * double[], double[], double[], double[][])}): kept by the forward solve ({@link SavedStages}), or
 * written when {@link #vjp(double, double, double[], double[], double[], double[])} recomputes the
 * stages of a step from its start state (checkpointing).
 */
final class RkStepVjp implements StepVjp {
  private final ButcherTableau tableau;
  private final DifferentiableTerm.Evaluator f;
  private final int s;
  private final int n;
  private final double[][] z;
  private final double[][] k;
  private final double[][] kBar;
  private final double[] zBar;
  private final double[] pBar;
  private final double[] sum;
  private final boolean[] needed;
  /** Residuals of the needed stages of the step being reversed (allocated on first use). */
  private double[][][] scratch;
  /** Residuals of every stage of the step being reversed, for extra stage cotangents. */
  private double[][][] scratchAll;
  /** Stages the current sweep runs: needed, or given or reached by extra cotangents. */
  private final boolean[] active;

  RkStepVjp(ButcherTableau tableau, DifferentiableTerm.Evaluator f, int n, int p) {
    this.tableau = tableau;
    this.f = f;
    this.s = tableau.stages();
    this.n = n;
    this.z = new double[s][n];
    this.k = new double[s][n];
    this.kBar = new double[s][n];
    this.zBar = new double[n];
    this.pBar = new double[p];
    this.sum = new double[n];
    this.needed = new boolean[s];
    this.active = new boolean[s];
    // k̄_i is non-zero if b_i ≠ 0 or a later needed stage reads k_i.
    for (int i = s - 1; i >= 0; i--) {
      boolean use = tableau.b(i) != 0;
      for (int l = i + 1; l < s && !use; l++) {
        use = needed[l] && tableau.a(l, i) != 0;
      }
      needed[i] = use;
    }
  }

  @Override
  public int stateSize() {
    return n;
  }

  /**
   * Computes the stages {@code z_i}, {@code k_i} from {@code (t, h, y)}, with the residuals of
   * each needed stage written into {@code residuals[i]} when {@code residuals} is not null.
   */
  private void stages(double t, double h, double[] y, double[] theta, double[][][] residuals) {
    for (int i = 0; i < s; i++) {
      double[] zi = z[i];
      System.arraycopy(y, 0, zi, 0, n);
      for (int j = 0; j < i; j++) {
        double a = tableau.a(i, j);
        if (a != 0) {
          double ha = h * a;
          double[] kj = k[j];
          for (int q = 0; q < n; q++) {
            zi[q] += ha * kj[q];
          }
        }
      }
      if (residuals != null && residuals[i] != null) {
        f.rate(t + tableau.c(i) * h, zi, theta, k[i], residuals[i]);
      } else {
        f.rate(t + tableau.c(i) * h, zi, theta, k[i]);
      }
    }
  }

  @Override
  public void step(double t, double h, double[] y, double[] theta, double[] y1) {
    stages(t, h, y, theta, null);
    java.util.Arrays.fill(sum, 0);
    for (int i = 0; i < s; i++) {
      double b = tableau.b(i);
      if (b != 0) {
        double[] ki = k[i];
        for (int q = 0; q < n; q++) {
          sum[q] += b * ki[q];
        }
      }
    }
    for (int q = 0; q < n; q++) {
      y1[q] = y[q] + h * sum[q];
    }
  }

  @Override
  public void vjp(double t, double h, double[] y, double[] theta, double[] lambda,
      double[] thetaBar) {
    // the stages are evaluated with residuals, so the VJPs need not replay the field
    if (scratch == null) {
      scratch = new double[s][][];
      for (int i = 0; i < s; i++) {
        scratch[i] = needed[i] ? f.residuals(n) : null;
      }
    }
    stages(t, h, y, theta, scratch);
    sweep(t, h, theta, scratch, lambda, thetaBar, null);
  }

  /**
   * {@link #vjp(double, double, double[], double[], double[], double[])} of a step whose stages
   * also feed other outputs (the saves read from its dense output): {@code extra[i]}, unless
   * null, is added to the cotangent {@code k̄_i} of stage {@code i} (stages are recomputed with
   * residuals from {@code y}).
   */
  void vjp(double t, double h, double[] y, double[] theta, double[] lambda, double[] thetaBar,
      double[][] extra) {
    if (scratchAll == null) {
      scratchAll = new double[s][][];
      for (int i = 0; i < s; i++) {
        scratchAll[i] = f.residuals(n);
      }
    }
    stages(t, h, y, theta, scratchAll);
    sweep(t, h, theta, scratchAll, lambda, thetaBar, extra);
  }

  /** Number of stages {@code s}. */
  int stages() {
    return s;
  }

  /**
   * Whether the last stage is {@code f(t + h, y_1)}, the field at the step's end (a
   * first-same-as-last method).
   */
  boolean lastStageIsEndRate() {
    return tableau.isFsal() && tableau.c(s - 1) == 1;
  }

  /** Whether the reverse sweep needs stage {@code i} (its {@code k̄_i} is not identically zero). */
  boolean needed(int i) {
    return needed[i];
  }

  /**
   * {@link #vjp} from the residuals the forward solve kept for each needed stage ({@code
   * residuals[i]}, written by {@link DifferentiableTerm.Evaluator#rate(double, double[], double[],
   * double[], double[][])} at stage {@code i}; null for stages not {@link #needed}): no stage is
   * evaluated again.
   */
  void vjp(double t, double h, double[] theta, double[][][] residuals, double[] lambda,
      double[] thetaBar, double[][] extra) {
    sweep(t, h, theta, residuals, lambda, thetaBar, extra);
  }

  /**
   * The reverse sweep over the stages, from the residuals of the stages it runs: the needed ones,
   * and with {@code extra} (cotangents added to {@code k̄_i}; null, or null rows, for none) also
   * those {@code extra} reaches.
   */
  private void sweep(double t, double h, double[] theta, double[][][] residuals, double[] lambda,
      double[] thetaBar, double[][] extra) {
    for (int i = s - 1; i >= 0; i--) {
      boolean use = needed[i] || extra != null && extra[i] != null;
      for (int l = i + 1; l < s && !use; l++) {
        use = active[l] && tableau.a(l, i) != 0;
      }
      active[i] = use;
    }
    for (int i = 0; i < s; i++) {
      double hb = h * tableau.b(i);
      double[] kb = kBar[i];
      for (int q = 0; q < n; q++) {
        kb[q] = hb * lambda[q];
      }
      double[] e = extra == null ? null : extra[i];
      if (e != null) {
        for (int q = 0; q < n; q++) {
          kb[q] += e[q];
        }
      }
    }
    for (int i = s - 1; i >= 0; i--) {
      if (!active[i]) {
        continue;
      }
      double ti = t + tableau.c(i) * h;
      f.vjp(ti, residuals[i], theta, kBar[i], zBar, pBar);
      for (int q = 0; q < pBar.length; q++) {
        thetaBar[q] += pBar[q];
      }
      for (int q = 0; q < n; q++) {
        lambda[q] += zBar[q];
      }
      for (int j = 0; j < i; j++) {
        double a = tableau.a(i, j);
        if (a != 0) {
          double ha = h * a;
          double[] kb = kBar[j];
          for (int q = 0; q < n; q++) {
            kb[q] += ha * zBar[q];
          }
        }
      }
    }
  }
}
