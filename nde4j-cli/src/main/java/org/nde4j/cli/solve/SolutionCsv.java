package org.nde4j.cli.solve;

import java.util.List;
import org.nde4j.solve.integrate.Solution;

/** The saved points of a solution as CSV: a header {@code t,<state names…>}, one row per time. */
public final class SolutionCsv {
  private SolutionCsv() {}

  public static String format(Solution s, List<String> names) {
    StringBuilder b = new StringBuilder("t");
    for (String n : names) {
      b.append(',').append(n);
    }
    b.append('\n');
    for (int i = 0; i < s.size(); i++) {
      b.append(repr(s.t(i)));
      for (double v : s.y(i)) {
        b.append(',').append(repr(v));
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** Shortest text that reads back to the same double. */
  static String repr(double v) {
    return Double.toString(v);
  }
}
