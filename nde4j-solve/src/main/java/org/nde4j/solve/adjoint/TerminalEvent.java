package org.nde4j.solve.adjoint;

import org.nde4j.solve.event.Direction;
import org.nde4j.solve.event.Event;
import org.nde4j.solve.term.DifferentiableTerm;

/**
 * The terminal event of a {@link GradientSolve}: the condition {@code g(t, y) = 0} crossed in a
 * {@link Direction}, and an optional reset {@code y+ = r(t*, y−)} (compiled like a vector field
 * with no parameters, for its VJP and JVP). Holds the implicit-function-theorem algebra shared by
 * the adjoints that differentiate events.
 */
final class TerminalEvent {
  private static final double[] NO_PARAMS = new double[0];
  private final DifferentiableEvent g;
  private final Direction direction;
  private final Event probe;
  private final DifferentiableTerm reset;

  TerminalEvent(DifferentiableEvent g, Direction direction, DifferentiableTerm reset) {
    this.g = g;
    this.direction = direction;
    this.probe = Event.when("gradient-solve event", g::value).direction(direction);
    this.reset = reset;
  }

  DifferentiableEvent function() {
    return g;
  }

  Direction direction() {
    return direction;
  }

  boolean hasReset() {
    return reset != null;
  }

  /** True when a step from {@code g0} to {@code g1} crosses zero in the event's direction. */
  boolean crosses(double g0, double g1) {
    return probe.crosses(g0, g1);
  }

  /** A reset evaluator for one thread, or null without a reset. */
  DifferentiableTerm.Evaluator resetEvaluator() {
    return reset == null ? null : reset.evaluator();
  }

  /** {@code out = r(t, y)}. */
  static void applyReset(DifferentiableTerm.Evaluator r, double t, double[] y, double[] out) {
    r.rate(t, y, NO_PARAMS, out);
  }

  /** {@code out = ∂r/∂y · vy + ∂r/∂t · vt}. */
  static void resetJvp(DifferentiableTerm.Evaluator r, double t, double[] y, double vt,
      double[] vy, double[] out) {
    r.jvp(t, y, NO_PARAMS, vt, vy, null, out);
  }

  /**
   * Writes {@code gy = ∂g/∂y} at the event and returns {@code ġ = ∂g/∂t + ∂g/∂y · f}, the rate at
   * which {@code g} crosses zero along the trajectory.
   *
   * @throws IllegalStateException if {@code ġ} is zero or not finite (a tangential crossing: the
   *     event time is not differentiable there)
   */
  double slope(double t, double[] y, double[] f, double[] gy) {
    double gdot = g.gradient(t, y, gy) + Backward.dot(gy, f);
    if (gdot == 0 || !Double.isFinite(gdot)) {
      throw new IllegalStateException("event at t* = " + t + ": g crosses zero with rate ġ = "
          + gdot + " (∂g/∂t + ∂g/∂y·f); a tangential crossing has no differentiable time");
    }
    return gdot;
  }

  /**
   * The cotangent {@code μ} of the state {@code y−} at the event time held fixed, given the
   * cotangents of the event's outputs: {@code t̄} of {@code t*}, {@code ȳ−} of {@code y−} and
   * {@code ȳ+} of {@code y+ = r(t*, y−)} (nulls mean zero). With {@code a = ȳ− + (∂r/∂y)ᵀȳ+} and
   * {@code τ = t̄ + ȳ+·∂r/∂t}, the variations {@code dt* = −g_y·δ/ġ}, {@code dy− = δ + f dt*} give
   * {@code μ = a − ((τ + a·f)/ġ) g_y}.
   *
   * @param f {@code f(t*, y−)}
   * @param r the reset's evaluator (null without a reset)
   * @throws IllegalArgumentException if {@code yPlusBar} is given for an event without reset or
   *     a cotangent has the wrong size
   */
  void cotangent(double t, double[] y, double[] f, DifferentiableTerm.Evaluator r, double tBar,
      double[] yMinusBar, double[] yPlusBar, double[] mu) {
    int n = y.length;
    java.util.Arrays.fill(mu, 0);
    double tau = tBar;
    if (yMinusBar != null) {
      checkSize(yMinusBar, n, "event-state");
      System.arraycopy(yMinusBar, 0, mu, 0, n);
    }
    if (yPlusBar != null) {
      if (r == null) {
        throw new IllegalArgumentException("backward: a cotangent of the state after the reset"
            + " was given, but the event has no reset (use GradientSolve.event(g, direction,"
            + " reset))");
      }
      checkSize(yPlusBar, n, "reset-state");
      double[] ay = new double[n];
      tau += r.vjp(t, y, NO_PARAMS, yPlusBar, ay, null);
      for (int q = 0; q < n; q++) {
        mu[q] += ay[q];
      }
    }
    boolean zero = tau == 0;
    for (int q = 0; q < n && zero; q++) {
      zero = mu[q] == 0;
    }
    if (zero) {
      return;
    }
    double[] gy = new double[n];
    double c = (tau + Backward.dot(mu, f)) / slope(t, y, f, gy);
    for (int q = 0; q < n; q++) {
      mu[q] -= c * gy[q];
    }
  }

  /**
   * @throws IllegalStateException if an event cotangent is non-zero although the event did not
   *     happen (the solve ended with {@code status})
   */
  static void requireNoCotangents(org.nde4j.solve.integrate.Status status, double tBar,
      double[] yMinusBar, double[] yPlusBar) {
    boolean zero = tBar == 0;
    for (double[] a : new double[][] {yMinusBar, yPlusBar}) {
      for (int q = 0; a != null && q < a.length && zero; q++) {
        zero = a[q] == 0;
      }
    }
    if (!zero) {
      throw new IllegalStateException("backward: the event did not happen before t1 (the solve"
          + " ended with " + status + "), so its time and states have no gradient; pass zero"
          + " event cotangents or extend t1");
    }
  }

  private static void checkSize(double[] a, int n, String what) {
    if (a.length != n) {
      throw new IllegalArgumentException("backward: the " + what + " cotangent must have " + n
          + " values (the state's size), got " + a.length);
    }
  }
}
