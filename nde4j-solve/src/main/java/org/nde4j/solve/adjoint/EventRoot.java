package org.nde4j.solve.adjoint;

import java.util.function.DoubleUnaryOperator;

/**
 * The root of a scalar function of time inside a bracket, by the Illinois variant of regula falsi
 * (Dowell &amp; Jarratt, BIT 11:168–174, 1971), narrowed until the bracket is a few ulps wide: the
 * event times of a {@link GradientSolve} are located to round-off, so that their derivatives by
 * the implicit-function theorem describe the computed root.
 */
final class EventRoot {
  private static final int MAX_ITERATIONS = 200;

  private EventRoot() {}

  /**
   * A root of {@code g} in {@code [a, b]}, given {@code g(a) = ga} and {@code g(b) = gb} of
   * opposite signs ({@code gb} may be 0).
   */
  static double find(DoubleUnaryOperator g, double a, double b, double ga, double gb) {
    if (gb == 0) {
      return b;
    }
    double ra = ga;   // unhalved values, to pick the end nearer to zero
    double rb = gb;
    int side = 0;
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      if (Math.abs(b - a) <= 4 * Math.ulp(Math.max(Math.abs(a), Math.abs(b)))) {
        break;
      }
      double c = (a * gb - b * ga) / (gb - ga);
      if (!(Math.min(a, b) < c && c < Math.max(a, b))) {
        c = 0.5 * (a + b);
      }
      double gc = g.applyAsDouble(c);
      if (gc == 0) {
        return c;
      }
      if ((gc < 0) == (gb < 0)) {
        b = c;
        gb = gc;
        rb = gc;
        if (side == -1) {
          ga *= 0.5;
        }
        side = -1;
      } else {
        a = c;
        ga = gc;
        ra = gc;
        if (side == 1) {
          gb *= 0.5;
        }
        side = 1;
      }
    }
    // The end nearer to zero: its residual is what the derivative sees.
    return Math.abs(ra) < Math.abs(rb) ? a : b;
  }
}
