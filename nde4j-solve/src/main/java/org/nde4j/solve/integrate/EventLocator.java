package org.nde4j.solve.integrate;

import org.nde4j.solve.event.Event;
import org.nde4j.solve.rootfind.Illinois;
import org.nde4j.solve.solver.Stepper;

/**
 * Finds the first zero crossing of an event function inside an accepted step, on the solver's
 * dense output. The step is scanned at {@link Event#checkPoints()} equally spaced points (as
 * DifferentialEquations.jl's {@code interp_points}), so that a function leaving zero and coming
 * back within one long step is still seen; the first bracketing sub-interval is then narrowed by
 * the Illinois variant of regula falsi ({@link Illinois}). The result is the end of the final
 * bracket on the side the function crossed to, so the same crossing is not found again from
 * there.
 */
final class EventLocator {
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
    return Illinois.root(c -> {
      stepper.interpolate((c - t) / h, y);
      return e.function().value(c, y);
    }, ta, tb, ga, gb, e.timeTolerance());
  }
}
