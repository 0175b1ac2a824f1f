package org.nde4j.solve.rootfind;

import java.util.function.DoubleUnaryOperator;

/**
 * A root of a scalar function inside a sign-change bracket by the Illinois variant of regula falsi
 * (M. Dowell, P. Jarratt, BIT 11:168–174, 1971): superlinear, and never worse than bisection's
 * bracket guarantee. Used to locate event times on dense output or on a solver's step map.
 */
public final class Illinois {
  private static final int MAX_ITERATIONS = 200;

  private Illinois() {}

  /**
   * Narrows {@code [a, b]}, where {@code g(a) = ga} and {@code g(b) = gb} are non-zero and of
   * opposite signs, until it is at most {@code max(tol, 4 ulp)} wide.
   *
   * @return a point where {@code g} is exactly 0, or else the end of the final bracket on {@code
   *     b}'s side (the side the function crossed to, so a search resumed from there does not find
   *     the same crossing again)
   */
  public static double root(DoubleUnaryOperator g, double a, double b, double ga, double gb,
      double tol) {
    double fa = ga;
    double fb = gb;
    int side = 0;
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
      double fc = g.applyAsDouble(c);
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
