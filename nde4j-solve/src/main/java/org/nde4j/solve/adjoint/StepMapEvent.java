package org.nde4j.solve.adjoint;

import org.nde4j.solve.integrate.Stepping;

/**
 * The terminal event for the discrete adjoint, located on the solver's own step map: in the step
 * {@code [t_k, t_{k+1}]} where {@code g} changes sign, the event time is the root of {@code τ ↦
 * g(τ, Φ(t_k, τ − t_k, y_k))}, and the state at the event is the result of that partial step, so
 * that the step's VJP differentiates it exactly (only {@code ∂Φ/∂h} is taken as {@code f(t*, y−)},
 * which it equals up to the method's local error).
 */
final class StepMapEvent extends EventSearch {
  private final StepVjp step;
  private final double[] theta;
  private final double[] trial;

  StepMapEvent(TerminalEvent event, StepVjp step, double[] theta, int n) {
    super(event, n);
    this.step = step;
    this.theta = theta;
    this.trial = new double[n];
  }

  @Override
  double gAlongStep(double t, double[] y, double tau, Stepping stepping) {
    step.step(t, tau - t, y, theta, trial);
    return g(tau, trial);
  }

  @Override
  double[] stateAt(double t, double tNext, double[] y, double[] yNext, double tau,
      Stepping stepping) {
    double[] out = new double[y.length];
    step.step(t, tau - t, y, theta, out);
    return out;
  }
}
