package org.nde4j.solve.adjoint;

import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.solver.reversible.ReversibleStepper;
import org.nde4j.solve.term.DifferentiableTerm;

/**
 * The VJP of one step of {@link org.nde4j.solve.solver.reversible.ReversibleHeun} (Kidger, Foster,
 * Li, Lyons, <i>Efficient and Accurate Gradients for Neural SDEs</i>, NeurIPS 2021,
 * arXiv:2105.13493, Algorithm 1, ODE form). The solver state is the pair {@code s = (y, ŷ)}
 * ({@code 2n} doubles, {@code y} first); a step is
 *
 * <pre>
 *   f0 = f(t, ŷ0),  ŷ1 = 2 y0 − ŷ0 + h f0,  f1 = f(t + h, ŷ1),  y1 = y0 + h/2 (f0 + f1)
 * </pre>
 *
 * <p>({@code f0} is carried from the previous step by the solver, but it is a function of {@code
 * ŷ0}, so the state is the pair alone). With cotangents {@code (λ, μ)} of {@code (y1, ŷ1)}, the
 * reverse sweep is {@code m = μ + J1ᵀ (h/2 λ)}, {@code ȳ0 = λ + 2m}, {@code ŷ̄0 = −m + J0ᵀ (h/2 λ +
 * h m)} and {@code θ̄ += (∂f/∂θ)ᵀ} of the same two cotangents, where {@code J0, J1} are the
 * Jacobians at {@code (t, ŷ0)} and {@code (t + h, ŷ1)}: one evaluation and two VJPs per step. The
 * initial state is {@code (y0, y0)}, so {@code ∂L/∂y0 = λ + μ} at the start.
 */
final class ReversibleHeunStepVjp implements ReversibleStepVjp {
  private final DifferentiableTerm.Evaluator f;
  private final int n;
  private final double[] yHat1;
  private final double[] f0;
  private final double[] f1;
  private final double[] m;
  private final double[] a;
  private final double[] u;
  private final double[] pBar;
  private final double[] yHat;

  ReversibleHeunStepVjp(DifferentiableTerm.Evaluator f, int n, int p) {
    this.f = f;
    this.n = n;
    this.yHat1 = new double[n];
    this.f0 = new double[n];
    this.f1 = new double[n];
    this.m = new double[n];
    this.a = new double[n];
    this.u = new double[n];
    this.pBar = new double[p];
    this.yHat = new double[n];
  }

  @Override
  public int stateSize() {
    return 2 * n;
  }

  /** {@code (y, ŷ)} with {@code ŷ} carried by the stepper ({@code ŷ = y} before the first step). */
  @Override
  public void capture(Stepper stepper, double[] y, double[] state) {
    System.arraycopy(y, 0, state, 0, n);
    if (stepper instanceof ReversibleStepper rs && rs.hasAuxiliary()) {
      rs.auxiliary(yHat, f0);
      System.arraycopy(yHat, 0, state, n, n);
    } else {
      System.arraycopy(y, 0, state, n, n);
    }
  }

  @Override
  public void initialVjp(double[] stateBar, double[] y0Bar) {
    for (int q = 0; q < n; q++) {
      y0Bar[q] = stateBar[q] + stateBar[n + q];
    }
  }

  /** {@code f0 = f(t, ŷ0)} and {@code ŷ1}, with the stepper's arithmetic. */
  private void predict(double t, double h, double[] s, double[] theta) {
    System.arraycopy(s, n, yHat, 0, n);
    f.rate(t, yHat, theta, f0);
    for (int q = 0; q < n; q++) {
      yHat1[q] = 2 * s[q] - yHat[q] + h * f0[q];
    }
  }

  @Override
  public void step(double t, double h, double[] s, double[] theta, double[] s1) {
    predict(t, h, s, theta);
    f.rate(t + h, yHat1, theta, f1);
    double half = 0.5 * h;
    for (int q = 0; q < n; q++) {
      s1[q] = s[q] + half * (f0[q] + f1[q]);
    }
    System.arraycopy(yHat1, 0, s1, n, n);
  }

  @Override
  public void vjp(double t, double h, double[] s, double[] theta, double[] lambda,
      double[] thetaBar) {
    predict(t, h, s, theta);
    sweep(t, h, yHat, yHat1, theta, lambda, thetaBar);
  }

  /** Needs only {@code ŷ0} and {@code ŷ1}: no evaluation of the field. */
  @Override
  public void vjpBetween(double t, double h, double[] y0, double[] yHat0, double[] f0,
      double[] y1, double[] yHatEnd, double[] fEnd, double[] theta, double[] lambda,
      double[] thetaBar) {
    sweep(t, h, yHat0, yHatEnd, theta, lambda, thetaBar);
  }

  private void sweep(double t, double h, double[] yHat0, double[] yHatEnd, double[] theta,
      double[] lambda, double[] thetaBar) {
    double half = 0.5 * h;
    for (int q = 0; q < n; q++) {
      a[q] = half * lambda[q];
    }
    f.vjp(t + h, yHatEnd, theta, a, u, pBar);
    addTo(thetaBar, pBar);
    for (int q = 0; q < n; q++) {
      m[q] = lambda[n + q] + u[q];
      a[q] = half * lambda[q] + h * m[q];
    }
    f.vjp(t, yHat0, theta, a, u, pBar);
    addTo(thetaBar, pBar);
    for (int q = 0; q < n; q++) {
      lambda[q] += 2 * m[q];
      lambda[n + q] = u[q] - m[q];
    }
  }

  private static void addTo(double[] acc, double[] v) {
    for (int q = 0; q < v.length; q++) {
      acc[q] += v[q];
    }
  }
}
