package org.nde4j.cli.solve;

/**
 * The {@code --saveat t0:t1:n} option: {@code n} equally spaced times from {@code t0} to
 * {@code t1} inclusive.
 */
public record SaveGrid(double t0, double t1, int n) {
  /**
   * @throws IllegalArgumentException naming the option and the expected form if {@code text} is
   *     not {@code t0:t1:n} with finite times and {@code n ≥ 2}
   */
  public static SaveGrid parse(String text) {
    String[] parts = text.split(":", -1);
    String expected = "--saveat: expected t0:t1:n with finite times and n ≥ 2 (e.g. 0:10:101),"
        + " got '" + text + "'";
    if (parts.length != 3) {
      throw new IllegalArgumentException(expected);
    }
    try {
      double a = Double.parseDouble(parts[0].trim());
      double b = Double.parseDouble(parts[1].trim());
      int n = Integer.parseInt(parts[2].trim());
      if (!Double.isFinite(a) || !Double.isFinite(b) || n < 2 || a == b) {
        throw new IllegalArgumentException(expected);
      }
      return new SaveGrid(a, b, n);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(expected, e);
    }
  }

  /** The times; the last one is exactly {@code t1}. */
  public double[] times() {
    double[] ts = new double[n];
    for (int i = 0; i < n; i++) {
      ts[i] = i == n - 1 ? t1 : t0 + (t1 - t0) * i / (n - 1);
    }
    return ts;
  }
}
