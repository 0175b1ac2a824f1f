package org.nde4j.solve.integrate;

import org.nde4j.solve.event.Event;
import org.nde4j.solve.solver.Stepper;

/**
 * Finds the first zero crossing of an event function inside an accepted step, on the solver's
 * dense output. The step is scanned at {@link Event#checkPoints()} equally spaced points (as
 * DifferentialEquations.jl's {@code interp_points}), so that a function leaving zero and coming
 * back within one long step is still seen; the first bracketing sub-interval is then narrowed by
 * the Illinois variant of regula falsi (Dowell &amp; Jarratt, BIT 11:168–174, 1971). The result is
 * the end of the final bracket on the side the function crossed to, so the same crossing is not
 * found again from there.
 */
final class EventLocator {
  private static final int MAX_ITERATIONS = 200;
  private final Stepper stepper;
  private final double[] y;

  EventLocator(Stepper stepper, int n) {
    this.stepper = stepper;
    this.y = new double[n];
  }

  /**
   * The first crossing of {@code e} in the step {@code [t, t + h]} whose end values are {@code g0}
   * and {@code g1}, or NaN if there is none.
   */
  double find(Event e, double t, double h, double g0, double g1) {
    int points = e.checkPoints();
    double ta = t;
    double ga = g0;
    for (int k = 1; k <= points; k++) {
      double tb;
      double gb;
      if (k == points) {
        tb = t + h;
        gb = g1;
      } else {
        double theta = (double) k / points;
        tb = t + theta * h;
        stepper.interpolate(theta, y);
        gb = e.function().value(tb, y);
      }
      if (e.crosses(ga, gb)) {
        return gb == 0 ? tb : narrow(e, t, h, ta, tb, ga, gb);
      }
      ta = tb;
      ga = gb;
    }
    return Double.NaN;
  }

  private double narrow(Event e, double t, double h, double ta, double tb, double ga, double gb) {
    double a = ta;
    double b = tb;
    double fa = ga;
    double fb = gb;
    int side = 0;
    double tol = e.timeTolerance();
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double width = Math.abs(b - a);
      double floor = 4 * Math.ulp(Math.max(Math.abs(a), Math.abs(b)));
      if (width <= Math.max(tol, floor)) {
        break;
      }
      double c = (a * fb - b * fa) / (fb - fa);
      if (!(Math.min(a, b) < c && c < Math.max(a, b))) {
        c = 0.5 * (a + b);
      }
      stepper.interpolate((c - t) / h, y);
      double fc = e.function().value(c, y);
      if (fc == 0) {
        return c;
      }
      if ((fc < 0) == (fb < 0)) {
        b = c;
        fb = fc;
        if (side == -1) {
          fa *= 0.5;
        }
        side = -1;
      } else {
        a = c;
        fa = fc;
        if (side == 1) {
          fb *= 0.5;
        }
        side = 1;
      }
    }
    return b;
  }
}
