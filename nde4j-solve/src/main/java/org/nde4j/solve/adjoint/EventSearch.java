package org.nde4j.solve.adjoint;

import org.nde4j.solve.integrate.Stepping;
import org.nde4j.solve.rootfind.Illinois;
import org.nde4j.solve.term.DifferentiableTerm;

/**
 * Watches the accepted steps of a forward solve for the terminal event: a crossing of {@code g}
 * between consecutive step ends, then located to round-off ({@link Illinois}) on a function of
 * time that subclasses define, together with the solved state there (the plain state, or one
 * augmented with sensitivities, whose first {@code n} values are the state). Keeps the event's
 * outputs.
 */
abstract class EventSearch implements ForwardLoop.Terminal {
  private final TerminalEvent event;
  private final DifferentiableTerm.Evaluator reset;
  private final double[] y;
  private double gPrevious = Double.NaN;
  private double tStar = Double.NaN;
  private double[] zMinus;
  private double[] yPlus;

  EventSearch(TerminalEvent event, int n) {
    this.event = event;
    this.reset = event.resetEvaluator();
    this.y = new double[n];
  }

  /** {@code g(t, ·)} of the state held in the first {@code n} values of {@code z}. */
  final double g(double t, double[] z) {
    System.arraycopy(z, 0, y, 0, y.length);
    return event.function().value(t, y);
  }

  /**
   * {@code g} along the step {@code [t, tNext]} from {@code z}, at time {@code tau}; {@code
   * stepping} holds the step's dense output.
   */
  abstract double gAlongStep(double t, double[] z, double tau, Stepping stepping);

  /** The solved state at {@code tau} inside the step (a fresh array). */
  abstract double[] stateAt(double t, double tNext, double[] z, double[] zNext, double tau,
      Stepping stepping);

  @Override
  public final boolean stops(double t, double tNext, double[] z, double[] zNext,
      Stepping stepping) {
    double g0 = Double.isNaN(gPrevious) ? g(t, z) : gPrevious;
    double g1 = g(tNext, zNext);
    gPrevious = g1;
    if (!event.crosses(g0, g1)) {
      return false;
    }
    // The crossing is bracketed again on the function subclasses define (it may differ from the
    // accepted step's end by round-off); without a sign change there, the step end is the event.
    double gEnd = gAlongStep(t, z, tNext, stepping);
    tStar = gEnd == 0 || !event.crosses(g0, gEnd) ? tNext
        : Illinois.root(tau -> gAlongStep(t, z, tau, stepping), t, tNext, g0, gEnd, 0);
    zMinus = stateAt(t, tNext, z, zNext, tStar, stepping);
    if (reset != null) {
      yPlus = new double[y.length];
      System.arraycopy(zMinus, 0, y, 0, y.length);
      TerminalEvent.applyReset(reset, tStar, y, yPlus);
    }
    return true;
  }

  /** The event time, or NaN if it did not happen. */
  final double tStar() {
    return tStar;
  }

  /** The solved (possibly augmented) state at the event (not a copy), or null. */
  final double[] zMinus() {
    return zMinus;
  }

  /** The state at the event, a copy of the first {@code n} values, or null. */
  final double[] yMinus() {
    return zMinus == null ? null : java.util.Arrays.copyOf(zMinus, y.length);
  }

  /** The state after the reset (a copy), or null. */
  final double[] yPlus() {
    return yPlus == null ? null : yPlus.clone();
  }

  final DifferentiableTerm.Evaluator reset() {
    return reset;
  }
}
