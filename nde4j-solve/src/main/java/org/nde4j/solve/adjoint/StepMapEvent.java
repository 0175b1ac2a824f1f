package org.nde4j.solve.adjoint;

import org.nde4j.solve.integrate.Stepping;
import org.nde4j.solve.term.DifferentiableTerm;

/**
 * Locates a terminal event for the discrete adjoint on the solver's own step map: in the step
 * {@code [t_k, t_{k+1}]} where {@code g} changes sign, the event time is the root of {@code τ ↦
 * g(τ, Φ(t_k, τ − t_k, y_k))}, and the state at the event is the result of that partial step, so
 * that the step's VJP differentiates it exactly (only {@code ∂Φ/∂h} is taken as {@code f(t*, y−)},
 * which it equals up to the method's local error).
 */
final class StepMapEvent implements ForwardLoop.Terminal {
  private final TerminalEvent event;
  private final StepVjp step;
  private final double[] theta;
  private final DifferentiableTerm.Evaluator reset;
  private final double[] trial;
  private double gPrevious = Double.NaN;
  private double tStar = Double.NaN;
  private double tStart;
  private double[] yMinus;
  private double[] yPlus;

  StepMapEvent(TerminalEvent event, StepVjp step, double[] theta, int n) {
    this.event = event;
    this.step = step;
    this.theta = theta;
    this.reset = event.resetEvaluator();
    this.trial = new double[n];
  }

  @Override
  public boolean stops(double t, double tNext, double[] y, double[] yNext, Stepping stepping) {
    DifferentiableEvent g = event.function();
    double g0 = Double.isNaN(gPrevious) ? g.value(t, y) : gPrevious;
    double g1 = g.value(tNext, yNext);
    gPrevious = g1;
    if (!event.crosses(g0, g1)) {
      return false;
    }
    tStart = t;
    step.step(t, tNext - t, y, theta, trial);
    double gEnd = g.value(tNext, trial);
    if (event.crosses(g0, gEnd)) {
      tStar = EventRoot.find(tau -> {
        step.step(t, tau - t, y, theta, trial);
        return g.value(tau, trial);
      }, t, tNext, g0, gEnd);
    } else {
      tStar = tNext;   // the replayed step ends a hair short of the crossing the solver saw
    }
    yMinus = new double[y.length];
    step.step(t, tStar - t, y, theta, yMinus);
    if (reset != null) {
      yPlus = new double[y.length];
      TerminalEvent.applyReset(reset, tStar, yMinus, yPlus);
    }
    return true;
  }

  double tStar() {
    return tStar;
  }

  double tStart() {
    return tStart;
  }

  /** The state at the event (not a copy), or null. */
  double[] yMinus() {
    return yMinus;
  }

  /** The state after the reset (not a copy), or null. */
  double[] yPlus() {
    return yPlus;
  }

  DifferentiableTerm.Evaluator reset() {
    return reset;
  }
}
