package org.nde4j.solve.adjoint;

import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.solver.sde.ReversibleHeunSdeStepper;

/**
 * The VJP of one step of {@link org.nde4j.solve.solver.sde.StochasticReversibleHeun} (Kidger,
 * Foster, Li, Lyons, <i>Efficient and Accurate Gradients for Neural SDEs</i>, NeurIPS 2021,
 * arXiv:2105.13493, Algorithm 1) on a differentiable SDE with diagonal or scalar noise. The solver
 * state is {@code s = (y, ŷ)} ({@code 2n} doubles); with the step's increment {@code W}
 * re-queried from the Brownian motion,
 *
 * <pre>
 *   ŷ1 = 2 y0 − ŷ0 + h f0 + g0 ⊙ W,   y1 = y0 + ½ h (f0 + f1) + ½ (g0 + g1) ⊙ W,
 * </pre>
 *
 * <p>with {@code f0, g0} at {@code (t, ŷ0)} and {@code f1, g1} at {@code (t + h, ŷ1)}. With
 * cotangents {@code (λ, μ)} of {@code (y1, ŷ1)}: {@code m = μ + (∂f1/∂ŷ)ᵀ(½ h λ) + (∂g1/∂ŷ)ᵀ(½ W
 * ⊙ λ)}, {@code ȳ0 = λ + 2m}, {@code ŷ̄0 = −m + (∂f0/∂ŷ)ᵀ(½ h λ + h m) + (∂g0/∂ŷ)ᵀ(W ⊙ (½ λ +
 * m))}, and {@code θ̄} gathers the same four products' parameter parts. The initial state is
 * {@code (y0, y0)}. ({@link ReversibleSdeRecording} runs the same sweep with the two products at
 * each auxiliary state merged.)
 */
final class ReversibleHeunSdeStepVjp implements StepVjp {
  private final SdeFields sde;
  private final int n;
  private final double[] yHat0;
  private final double[] yHat1;
  private final double[] f0;
  private final double[] g0;
  private final double[] f1;
  private final double[] g1;
  private final double[] m;
  private final double[] a;
  private final double[] b;
  private final double[] u;
  private final double[] pBar;

  ReversibleHeunSdeStepVjp(SdeFields sde) {
    this.sde = sde;
    this.n = sde.n;
    this.yHat0 = new double[n];
    this.yHat1 = new double[n];
    this.f0 = new double[n];
    this.g0 = new double[n];
    this.f1 = new double[n];
    this.g1 = new double[n];
    this.m = new double[n];
    this.a = new double[n];
    this.b = new double[n];
    this.u = new double[n];
    this.pBar = new double[sde.p];
  }

  @Override
  public int stateSize() {
    return 2 * n;
  }

  /** {@code (y, ŷ)} with {@code ŷ} carried by the stepper (set by the step's first attempt). */
  @Override
  public void capture(Stepper stepper, double[] y, double[] state) {
    System.arraycopy(y, 0, state, 0, n);
    ((ReversibleHeunSdeStepper) stepper).auxiliary(yHat0);
    System.arraycopy(yHat0, 0, state, n, n);
  }

  @Override
  public void initialVjp(double[] stateBar, double[] y0Bar) {
    for (int q = 0; q < n; q++) {
      y0Bar[q] = stateBar[q] + stateBar[n + q];
    }
  }

  /** {@code ŷ1} from {@code (y0, ŷ0)}, with the stepper's arithmetic; queries {@code W}. */
  private void predict(double t, double h, double[] s, double[] theta) {
    sde.query(t, h, false);
    System.arraycopy(s, n, yHat0, 0, n);
    sde.drift.rate(t, yHat0, theta, f0);
    sde.diffusion.rate(t, yHat0, theta, g0);
    for (int q = 0; q < n; q++) {
      yHat1[q] = 2 * s[q] - yHat0[q] + h * f0[q];
    }
    sde.addNoise(g0, sde.w, 1, yHat1);
  }

  @Override
  public void step(double t, double h, double[] s, double[] theta, double[] s1) {
    predict(t, h, s, theta);
    sde.drift.rate(t + h, yHat1, theta, f1);
    sde.diffusion.rate(t + h, yHat1, theta, g1);
    double half = 0.5 * h;
    for (int q = 0; q < n; q++) {
      s1[q] = s[q] + half * (f0[q] + f1[q]);
    }
    sde.addNoise(g0, sde.w, 0.5, s1);
    sde.addNoise(g1, sde.w, 0.5, s1);
    System.arraycopy(yHat1, 0, s1, n, n);
  }

  @Override
  public void vjp(double t, double h, double[] s, double[] theta, double[] lambda,
      double[] thetaBar) {
    predict(t, h, s, theta);
    sweep(t, h, yHat0, yHat1, theta, lambda, thetaBar);
  }

  /** The reverse sweep with {@code W} already queried. */
  private void sweep(double t, double h, double[] yHatStart, double[] yHatEnd, double[] theta,
      double[] lambda, double[] thetaBar) {
    double half = 0.5 * h;
    for (int q = 0; q < n; q++) {
      a[q] = half * lambda[q];
      b[q] = 0;
    }
    sde.addNoiseBar(sde.w, 0.5, lambda, b);
    sde.drift.vjp(t + h, yHatEnd, theta, a, u, pBar);
    accumulate(thetaBar, pBar);
    for (int q = 0; q < n; q++) {
      m[q] = lambda[n + q] + u[q];
    }
    sde.diffusion.vjp(t + h, yHatEnd, theta, b, u, pBar);
    accumulate(thetaBar, pBar);
    for (int q = 0; q < n; q++) {
      m[q] += u[q];
      a[q] = half * lambda[q] + h * m[q];
      b[q] = 0;
    }
    sde.addNoiseBar(sde.w, 0.5, lambda, b);
    sde.addNoiseBar(sde.w, 1, m, b);
    sde.drift.vjp(t, yHatStart, theta, a, u, pBar);
    accumulate(thetaBar, pBar);
    for (int q = 0; q < n; q++) {
      lambda[q] += 2 * m[q];
      lambda[n + q] = u[q] - m[q];
    }
    sde.diffusion.vjp(t, yHatStart, theta, b, u, pBar);
    accumulate(thetaBar, pBar);
    for (int q = 0; q < n; q++) {
      lambda[n + q] += u[q];
    }
  }

  private static void accumulate(double[] acc, double[] v) {
    for (int q = 0; q < acc.length; q++) {
      acc[q] += v[q];
    }
  }
}
