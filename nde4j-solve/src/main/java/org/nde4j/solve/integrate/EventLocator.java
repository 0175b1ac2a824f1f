package org.nde4j.solve.integrate;

import org.nde4j.solve.event.Event;
import org.nde4j.solve.solver.Stepper;

/**
 * Finds where an event function crosses zero inside an accepted step, on the solver's dense
 * output, by the Illinois variant of regula falsi (superlinear, keeps a bracket; Dowell &amp;
 * Jarratt, BIT 11:168–174, 1971). Returns the end of the final bracket on the side the function
 * crossed to, so the same crossing is not found again from there.
 */
final class EventLocator {
  private static final int MAX_ITERATIONS = 200;
  private final Stepper stepper;
  private final double[] y;

  EventLocator(Stepper stepper, int n) {
    this.stepper = stepper;
    this.y = new double[n];
  }

  double locate(Event e, double ta, double tb, double ga, double gb) {
    double h = tb - ta;
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
      stepper.interpolate((c - ta) / h, y);
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
