package org.nde4j.solve.adjoint;

import java.util.Arrays;
import org.nde4j.solve.solver.sde.SrkTableau;

/**
 * The VJP of one step of an explicit stochastic Runge–Kutta method ({@link SrkTableau}: Euler–
 * Maruyama, Euler–Heun, Heun, midpoint, SPaRK) on a differentiable SDE with diagonal or scalar
 * noise, for the discrete adjoint. With the step's increment {@code W} and Lévy area {@code H}
 * re-queried from the Brownian motion (the same path, never stored), the step is a deterministic
 * map of {@code (y0, θ)}:
 *
 * <pre>
 *   z_j = y0 + Σ_{i&lt;j} (h a_ji f_i + G_i ⊙ (aW_ji W + aH_ji H)),   f_i = f(t + c_i h, z_i, θ),
 *   y1  = y0 + Σ_j (h b_j f_j + G_j ⊙ (bW_j W + bH_j H)),          G_i = g(t + c_i h, z_i, θ),
 * </pre>
 *
 * <p>and its reverse sweep runs the stages backwards: {@code f̄_j = h b_j λ + Σ_{l>j} h a_lj z̄_l},
 * {@code Ḡ_j = (bW_j W + bH_j H) ⊙ λ + Σ_{l>j} (aW_lj W + aH_lj H) ⊙ z̄_l}, {@code z̄_j = (∂f/∂y)ᵀ
 * f̄_j + (∂g/∂y)ᵀ Ḡ_j}, {@code θ̄ += (∂f/∂θ)ᵀ f̄_j + (∂g/∂θ)ᵀ Ḡ_j}; the result is {@code λ + Σ_j
 * z̄_j}. The stages are recomputed from the step's start with their residuals, so each VJP runs
 * from them without another forward pass, or (full storage, {@link SavedSdeStages}) the
 * residuals the forward solve kept are used and nothing is recomputed. This is backpropagation
 * through the solver, as torchsde's direct mode and Diffrax's {@code RecursiveCheckpointAdjoint}
 * do for SDEs.
 */
final class SrkStepVjp implements StepVjp {
  private final SrkTableau tab;
  private final SdeFields sde;
  private final int s;
  private final int n;
  private final double[][] z;
  private final double[][] f;
  private final double[][] g;
  private final double[][] fBar;
  private final double[][] gBar;
  private final double[][][] fRes;
  private final double[][][] gRes;
  private final double[] zBar;
  private final double[] part;
  private final double[] pBar;
  private final double[] mix;

  SrkStepVjp(SrkTableau tab, SdeFields sde) {
    this.tab = tab;
    this.sde = sde;
    this.s = tab.stages();
    this.n = sde.n;
    this.z = new double[s][n];
    this.f = new double[s][n];
    this.g = new double[s][n];
    this.fBar = new double[s][n];
    this.gBar = new double[s][n];
    this.fRes = new double[s][][];
    this.gRes = new double[s][][];
    for (int i = 0; i < s; i++) {
      fRes[i] = tab.needsDrift(i) ? sde.drift.residuals(n) : null;
      gRes[i] = tab.needsDiffusion(i) ? sde.diffusion.residuals(n) : null;
    }
    this.zBar = new double[n];
    this.part = new double[n];
    this.pBar = new double[sde.p];
    this.mix = new double[sde.w.length];
  }

  @Override
  public int stateSize() {
    return n;
  }

  /** Number of stages of the tableau. */
  int stages() {
    return s;
  }

  /** Whether stage {@code j} evaluates the drift. */
  boolean needsDrift(int j) {
    return tab.needsDrift(j);
  }

  /** Whether stage {@code j} evaluates the diffusion. */
  boolean needsDiffusion(int j) {
    return tab.needsDiffusion(j);
  }

  /** Queries the step's noise and evaluates the stages (with residuals when asked). */
  private void stages(double t, double h, double[] y, double[] theta, boolean residuals) {
    sde.query(t, h, tab.usesArea());
    for (int j = 0; j < s; j++) {
      double[] zj = z[j];
      System.arraycopy(y, 0, zj, 0, n);
      for (int i = 0; i < j; i++) {
        double ai = tab.a(j, i);
        if (ai != 0) {
          double[] fi = f[i];
          for (int k = 0; k < n; k++) {
            zj[k] += h * ai * fi[k];
          }
        }
        if (tab.aW(j, i) != 0 || tab.aH(j, i) != 0) {
          sde.mix(tab.aW(j, i), tab.aH(j, i), mix);
          sde.addNoise(g[i], mix, 1, zj);
        }
      }
      double tj = t + tab.c(j) * h;
      if (tab.needsDrift(j)) {
        if (residuals) {
          sde.drift.rate(tj, zj, theta, f[j], fRes[j]);
        } else {
          sde.drift.rate(tj, zj, theta, f[j]);
        }
      }
      if (tab.needsDiffusion(j)) {
        if (residuals) {
          sde.diffusion.rate(tj, zj, theta, g[j], gRes[j]);
        } else {
          sde.diffusion.rate(tj, zj, theta, g[j]);
        }
      }
    }
  }

  @Override
  public void step(double t, double h, double[] y, double[] theta, double[] y1) {
    stages(t, h, y, theta, false);
    System.arraycopy(y, 0, y1, 0, n);
    for (int j = 0; j < s; j++) {
      if (tab.b(j) != 0) {
        double c = h * tab.b(j);
        double[] fj = f[j];
        for (int k = 0; k < n; k++) {
          y1[k] += c * fj[k];
        }
      }
      if (tab.bW(j) != 0 || tab.bH(j) != 0) {
        sde.mix(tab.bW(j), tab.bH(j), mix);
        sde.addNoise(g[j], mix, 1, y1);
      }
    }
  }

  @Override
  public void vjp(double t, double h, double[] y, double[] theta, double[] lambda,
      double[] thetaBar) {
    stages(t, h, y, theta, true);
    reverse(t, h, theta, fRes, gRes, lambda, thetaBar);
  }

  /**
   * The VJP of the step from {@code t} by {@code h} from the stage residuals its forward
   * evaluation kept ({@code keptF[j]}, {@code keptG[j]} for the stages that evaluate the drift or
   * the diffusion): only the step's noise is queried again.
   */
  void vjp(double t, double h, double[] theta, double[][][] keptF, double[][][] keptG,
      double[] lambda, double[] thetaBar) {
    sde.query(t, h, tab.usesArea());
    reverse(t, h, theta, keptF, keptG, lambda, thetaBar);
  }

  /** The reverse sweep over the stages, from their residuals and the queried noise. */
  private void reverse(double t, double h, double[] theta, double[][][] fRes, double[][][] gRes,
      double[] lambda, double[] thetaBar) {
    for (int j = 0; j < s; j++) {
      double hb = h * tab.b(j);
      double[] fb = fBar[j];
      for (int k = 0; k < n; k++) {
        fb[k] = hb * lambda[k];
      }
      Arrays.fill(gBar[j], 0);
      sde.mix(tab.bW(j), tab.bH(j), mix);
      sde.addNoiseBar(mix, 1, lambda, gBar[j]);
    }
    for (int j = s - 1; j >= 0; j--) {
      double tj = t + tab.c(j) * h;
      Arrays.fill(zBar, 0);
      if (tab.needsDrift(j)) {
        sde.drift.vjp(tj, fRes[j], theta, fBar[j], part, pBar);
        accumulate(thetaBar, pBar);
        accumulate(zBar, part);
      }
      if (tab.needsDiffusion(j)) {
        sde.diffusion.vjp(tj, gRes[j], theta, gBar[j], part, pBar);
        accumulate(thetaBar, pBar);
        accumulate(zBar, part);
      }
      accumulate(lambda, zBar);
      for (int i = 0; i < j; i++) {
        double ha = h * tab.a(j, i);
        if (ha != 0) {
          double[] fb = fBar[i];
          for (int k = 0; k < n; k++) {
            fb[k] += ha * zBar[k];
          }
        }
        if (tab.aW(j, i) != 0 || tab.aH(j, i) != 0) {
          sde.mix(tab.aW(j, i), tab.aH(j, i), mix);
          sde.addNoiseBar(mix, 1, zBar, gBar[i]);
        }
      }
    }
  }

  private static void accumulate(double[] acc, double[] v) {
    for (int q = 0; q < acc.length; q++) {
      acc[q] += v[q];
    }
  }
}
