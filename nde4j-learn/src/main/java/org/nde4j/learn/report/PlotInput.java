package org.nde4j.learn.report;

import java.util.Arrays;
import java.util.List;

/** Checks of plot arguments, with messages naming the plot and the argument. */
final class PlotInput {
  private PlotInput() {}

  /** Points (x[i], y[i]) that can be drawn: both finite and, on a log axis, y > 0. */
  record Points(double[] x, double[] y) {
    int size() {
      return x.length;
    }
  }

  static void nonEmpty(String plot, String param, double[] a) {
    if (a == null || a.length == 0) {
      throw new IllegalArgumentException(plot + ": " + param + " is empty; at least one value "
          + "is needed");
    }
  }

  static void sameLength(String plot, String xParam, double[] x, String yParam, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(plot + ": " + xParam + " has " + x.length
          + " values but " + yParam + " has " + y.length + "; they must match one to one");
    }
  }

  /** Checks that {@code m} is {@code rows × cols} (rows = times, columns = channels). */
  static void matrix(String plot, String param, double[][] m, int rows, String rowsName,
      int cols) {
    if (m == null || m.length == 0) {
      throw new IllegalArgumentException(plot + ": " + param + " is empty; at least one row is "
          + "needed");
    }
    if (m.length != rows) {
      throw new IllegalArgumentException(plot + ": " + param + " has " + m.length
          + " rows but " + rowsName + " has " + rows + "; they must match one to one");
    }
    for (int i = 0; i < m.length; i++) {
      if (m[i] == null || m[i].length != cols) {
        throw new IllegalArgumentException(plot + ": " + param + " row " + i + " has "
            + (m[i] == null ? 0 : m[i].length) + " values, expected " + cols
            + " (one per channel)");
      }
    }
  }

  static void channels(String plot, List<String> channels) {
    if (channels == null || channels.isEmpty()) {
      throw new IllegalArgumentException(plot + ": channels is empty; name at least one");
    }
  }

  static Points drawable(double[] x, double[] y, boolean logY) {
    double[] xs = new double[x.length];
    double[] ys = new double[x.length];
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!logY || y[i] > 0)) {
        xs[n] = x[i];
        ys[n] = y[i];
        n++;
      }
    }
    return new Points(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n));
  }

  static double[] column(double[][] m, int c) {
    double[] v = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      v[i] = m[i][c];
    }
    return v;
  }
}
