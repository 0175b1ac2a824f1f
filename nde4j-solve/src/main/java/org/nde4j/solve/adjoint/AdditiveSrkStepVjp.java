package org.nde4j.solve.adjoint;

import java.util.Arrays;
import org.nde4j.solve.solver.sde.AdditiveTableau;

/**
 * The VJP of one step of an additive-noise stochastic Runge–Kutta method ({@link AdditiveTableau}:
 * SRA1, ShARK, SEA) on a differentiable SDE with additive diagonal noise, for the discrete
 * adjoint. With the step's increment {@code W} and space-time Lévy area {@code H} re-queried from
 * the Brownian motion exactly as the stepper queries them (the same path, never stored), {@code
 * G0 = g(t, θ)}, {@code G1 = g(t + h, θ)} and {@code v = ½ W − H}, the step is the deterministic
 * map
 *
 * <pre>
 *   z_j = y0 + h Σ_{i&lt;j} a_ji f_i + G0 ⊙ (aW_j W + aH_j H),   f_j = f(t + c_j h, z_j, θ),
 *   y1  = y0 + h Σ_j b_j f_j + G0 ⊙ (bW W + bH H) + (G1 − G0) ⊙ v,
 * </pre>
 *
 * <p>and its reverse sweep: {@code f̄_j = h b_j λ + Σ_{l>j} h a_lj z̄_l}, {@code z̄_j = (∂f/∂y)ᵀ
 * f̄_j}, {@code Ḡ0 = (bW W + bH H − v) ⊙ λ + Σ_j (aW_j W + aH_j H) ⊙ z̄_j}, {@code Ḡ1 = v ⊙ λ};
 * {@code θ̄} collects the four kinds of parameter products and {@code ∂L/∂y0 = λ + Σ_j z̄_j} (plus
 * the {@code y}-parts of the diffusion VJPs, zero for a diffusion that does not read {@code y}).
 * The stages are recomputed with their residuals, so each drift VJP runs from them.
 */
final class AdditiveSrkStepVjp implements StepVjp {
  private final AdditiveTableau tab;
  private final SdeFields sde;
  private final int s;
  private final int n;
  private final double[] z;
  private final double[][] f;
  private final double[] g0;
  private final double[] g1;
  private final double[][] fBar;
  private final double[] g0Bar;
  private final double[] g1Bar;
  private final double[][][] stageRes;
  private final double[][] g0Res;
  private final double[][] g1Res;
  private final double[] zBar;
  private final double[] part;
  private final double[] pBar;
  private final double[] mix;

  AdditiveSrkStepVjp(AdditiveTableau tab, SdeFields sde) {
    this.tab = tab;
    this.sde = sde;
    this.s = tab.stages();
    this.n = sde.n;
    this.z = new double[n];
    this.f = new double[s][n];
    this.g0 = new double[n];
    this.g1 = new double[n];
    this.fBar = new double[s][n];
    this.g0Bar = new double[n];
    this.g1Bar = new double[n];
    this.stageRes = new double[s][][];
    for (int j = 0; j < s; j++) {
      stageRes[j] = sde.drift.residuals(n);
    }
    this.g0Res = sde.diffusion.residuals(n);
    this.g1Res = sde.diffusion.residuals(n);
    this.zBar = new double[n];
    this.part = new double[n];
    this.pBar = new double[sde.p];
    this.mix = new double[sde.w.length];
  }

  @Override
  public int stateSize() {
    return n;
  }

  /** Queries the step's noise and evaluates the diffusions and stages (with residuals if asked). */
  private void stages(double t, double h, double[] y, double[] theta, boolean residuals) {
    sde.query(t, h, true);
    if (residuals) {
      sde.diffusion.rate(t, y, theta, g0, g0Res);
      sde.diffusion.rate(t + h, y, theta, g1, g1Res);
    } else {
      sde.diffusion.rate(t, y, theta, g0);
      sde.diffusion.rate(t + h, y, theta, g1);
    }
    for (int j = 0; j < s; j++) {
      System.arraycopy(y, 0, z, 0, n);
      for (int i = 0; i < j; i++) {
        double ha = h * tab.a(j, i);
        double[] fi = f[i];
        for (int k = 0; k < n; k++) {
          z[k] += ha * fi[k];
        }
      }
      sde.mix(tab.aW(j), tab.aH(j), mix);
      sde.addNoise(g0, mix, 1, z);
      double tj = t + tab.c(j) * h;
      if (residuals) {
        sde.drift.rate(tj, z, theta, f[j], stageRes[j]);
      } else {
        sde.drift.rate(tj, z, theta, f[j]);
      }
    }
  }

  @Override
  public void step(double t, double h, double[] y, double[] theta, double[] y1) {
    stages(t, h, y, theta, false);
    System.arraycopy(y, 0, y1, 0, n);
    for (int j = 0; j < s; j++) {
      double hb = h * tab.b(j);
      double[] fj = f[j];
      for (int k = 0; k < n; k++) {
        y1[k] += hb * fj[k];
      }
    }
    sde.mix(tab.bW(), tab.bH(), mix);
    sde.addNoise(g0, mix, 1, y1);
    sde.mix(0.5, -1, mix);
    sde.addNoise(g1, mix, 1, y1);
    sde.addNoise(g0, mix, -1, y1);
  }

  @Override
  public void vjp(double t, double h, double[] y, double[] theta, double[] lambda,
      double[] thetaBar) {
    stages(t, h, y, theta, true);
    for (int j = 0; j < s; j++) {
      double hb = h * tab.b(j);
      double[] fb = fBar[j];
      for (int k = 0; k < n; k++) {
        fb[k] = hb * lambda[k];
      }
    }
    Arrays.fill(g0Bar, 0);
    Arrays.fill(g1Bar, 0);
    sde.mix(tab.bW(), tab.bH(), mix);
    sde.addNoiseBar(mix, 1, lambda, g0Bar);
    sde.mix(0.5, -1, mix);
    sde.addNoiseBar(mix, 1, lambda, g1Bar);
    sde.addNoiseBar(mix, -1, lambda, g0Bar);
    for (int j = s - 1; j >= 0; j--) {
      sde.drift.vjp(t + tab.c(j) * h, stageRes[j], theta, fBar[j], zBar, pBar);
      accumulate(thetaBar, pBar);
      for (int i = 0; i < j; i++) {
        double ha = h * tab.a(j, i);
        double[] fb = fBar[i];
        for (int k = 0; k < n; k++) {
          fb[k] += ha * zBar[k];
        }
      }
      sde.mix(tab.aW(j), tab.aH(j), mix);
      sde.addNoiseBar(mix, 1, zBar, g0Bar);
      accumulate(lambda, zBar);
    }
    sde.diffusion.vjp(t, g0Res, theta, g0Bar, part, pBar);
    accumulate(thetaBar, pBar);
    accumulate(lambda, part);
    sde.diffusion.vjp(t + h, g1Res, theta, g1Bar, part, pBar);
    accumulate(thetaBar, pBar);
    accumulate(lambda, part);
  }

  private static void accumulate(double[] acc, double[] v) {
    for (int q = 0; q < acc.length; q++) {
      acc[q] += v[q];
    }
  }
}
