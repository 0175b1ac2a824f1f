package org.nde4j.solve.adjoint;

import org.nde4j.solve.solver.rk.RkInterpolant;

/**
 * The stage cotangents of saves read from explicit Runge–Kutta steps' dense output, for the
 * discrete adjoint ({@link SaveMode#INTERPOLATED}). A save inside step {@code k}, {@code Y_i =
 * y_k + h_k Σ_j b_j(θ_i) k_j}, adds {@code ȳ_i} to {@code λ_k} (as a save at a step end does)
 * and {@code h_k b_j(θ_i) ȳ_i} to each stage cotangent {@code k̄_j} of step {@code k}. The last
 * stage of a first-same-as-last method is {@code f(t_{k+1}, y_{k+1})}, the next step's first
 * stage: its cotangent joins that stage's, so it costs no VJP of its own (except in the last
 * step, which has no next one).
 */
final class InterpolatedSaves {
  private final RkInterpolant interpolant;
  private final int s;
  private final int n;
  private final boolean fsal;
  private final int steps;
  private final double[] times;
  /** Per save: the step whose dense output it reads, or −1 for saves at step ends. */
  private final int[] step;
  private final double[] theta;
  private final double[] w;
  private final double[][] buffer;
  private final double[][] out;

  /**
   * @param times the step times {@code t_0 … t_steps}
   * @param lastStageIsEndRate whether the method is first-same-as-last with its last stage at the
   *     step's end
   */
  InterpolatedSaves(RkInterpolant interpolant, boolean lastStageIsEndRate, ForwardLoop.Result r,
      double[] ts, double[] times, int n) {
    this.interpolant = interpolant;
    this.s = interpolant.totalStages();
    this.n = n;
    this.fsal = lastStageIsEndRate;
    this.steps = r.steps();
    this.times = times;
    this.step = new int[ts.length];
    this.theta = new double[ts.length];
    for (int i = 0; i < ts.length; i++) {
      int k = r.saveStep()[i];
      boolean inside = r.ys()[i] != null && k < steps && ts[i] != times[k];
      step[i] = inside ? k : -1;
      theta[i] = inside ? (ts[i] - times[k]) / (times[k + 1] - times[k]) : 0;
    }
    this.w = new double[s];
    this.buffer = new double[s][n];
    this.out = new double[s][];
  }

  /**
   * The cotangents the saves add to the stages of step {@code k} (rows null where none; null if
   * none at all), from the saves' cotangents {@code ybar}.
   */
  double[][] stageCotangents(int k, double[][] ybar) {
    java.util.Arrays.fill(out, null);
    boolean any = false;
    for (int i = 0; i < step.length; i++) {
      boolean here = step[i] == k;
      // the previous step's last stage is this step's first
      boolean folded = fsal && k > 0 && step[i] == k - 1;
      if (!here && !folded) {
        continue;
      }
      int at = step[i];
      double h = times[at + 1] - times[at];
      interpolant.weights(theta[i], w);
      double[] g = ybar[i];
      for (int j = 0; j < s; j++) {
        boolean last = fsal && j == s - 1;
        int into;
        if (here && !(last && k < steps - 1)) {
          into = j;                         // this step's stage j
        } else if (folded && last) {
          into = 0;                         // f(t_k, y_k), this step's first stage
        } else {
          continue;
        }
        double hw = h * w[j];
        if (hw == 0) {
          continue;
        }
        if (out[into] == null) {
          out[into] = buffer[into];
          java.util.Arrays.fill(out[into], 0);
        }
        double[] e = out[into];
        for (int q = 0; q < n; q++) {
          e[q] += hw * g[q];
        }
        any = true;
      }
    }
    return any ? out : null;
  }
}
