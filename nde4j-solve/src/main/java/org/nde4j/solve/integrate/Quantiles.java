package org.nde4j.solve.integrate;

/** Sample quantiles by linear interpolation between order statistics (NumPy's default). */
final class Quantiles {
  private Quantiles() {}

  /**
   * The {@code p}-quantile of the first {@code n} values of {@code sorted} (ascending): position
   * {@code h = (n − 1) p}, value {@code x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋])} — Hyndman and
   * Fan's definition 7, numpy.quantile's "linear".
   */
  static double linear(double[] sorted, int n, double p) {
    double h = (n - 1) * p;
    int lo = (int) Math.floor(h);
    if (lo >= n - 1) {
      return sorted[n - 1];
    }
    return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
  }
}
