package org.nde4j.solve.adjoint;

import org.nde4j.solve.integrate.Stepping;
import org.nde4j.solve.term.DifferentiableTerm;

/**
 * Locates a terminal event for forward sensitivities on the dense output of the augmented solve
 * (as {@code Solve} does for plain events): the root of {@code g(τ, y(τ))} inside the step where
 * {@code g} changes sign, and the augmented state there, whose sensitivity blocks are the
 * derivatives of the interpolated state at fixed {@code τ}.
 */
final class DenseOutputEvent implements ForwardLoop.Terminal {
  private final TerminalEvent event;
  private final DifferentiableTerm.Evaluator reset;
  private final double[] y;
  private double gPrevious = Double.NaN;
  private double tStar = Double.NaN;
  private double[] zMinus;
  private double[] yPlus;

  DenseOutputEvent(TerminalEvent event, int n) {
    this.event = event;
    this.reset = event.resetEvaluator();
    this.y = new double[n];
  }

  private double g(double t, double[] z) {
    System.arraycopy(z, 0, y, 0, y.length);
    return event.function().value(t, y);
  }

  @Override
  public boolean stops(double t, double tNext, double[] z, double[] zNext, Stepping stepping) {
    double g0 = Double.isNaN(gPrevious) ? g(t, z) : gPrevious;
    double g1 = g(tNext, zNext);
    gPrevious = g1;
    if (!event.crosses(g0, g1)) {
      return false;
    }
    tStar = EventRoot.find(tau -> g(tau, stepping.interpolate(tau)), t, tNext, g0, g1);
    zMinus = tStar == tNext ? zNext.clone() : stepping.interpolate(tStar);
    if (reset != null) {
      yPlus = new double[y.length];
      System.arraycopy(zMinus, 0, y, 0, y.length);
      TerminalEvent.applyReset(reset, tStar, y, yPlus);
    }
    return true;
  }

  double tStar() {
    return tStar;
  }

  /** The augmented state at the event (not a copy), or null. */
  double[] zMinus() {
    return zMinus;
  }

  /** The state after the reset (not a copy), or null. */
  double[] yPlus() {
    return yPlus;
  }

  DifferentiableTerm.Evaluator reset() {
    return reset;
  }
}
