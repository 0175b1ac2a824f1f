package org.nde4j.testkit;

/** Vector norms and the relative error used by the checks. */
public final class Norms {
  private Norms() {}

  public static double dot(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("dot: lengths " + a.length + " and " + b.length);
    }
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  public static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** Concatenates arrays. */
  public static double[] flat(double[]... parts) {
    int n = 0;
    for (double[] p : parts) {
      n += p.length;
    }
    double[] r = new double[n];
    int off = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, r, off, p.length);
      off += p.length;
    }
    return r;
  }

  /**
   * {@code ‖a − b‖ / max(‖a‖, ‖b‖, floor)}: relative in the 2-norm, with {@code floor} guarding
   * vectors that are (nearly) zero.
   */
  public static double relativeError(double[] a, double[] b, double floor) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("relativeError: lengths " + a.length + " and "
          + b.length);
    }
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      double e = a[i] - b[i];
      d += e * e;
    }
    return Math.sqrt(d) / Math.max(Math.max(norm(a), norm(b)), floor);
  }

  /** Relative difference of two scalars with a floor. */
  public static double relativeError(double a, double b, double floor) {
    return Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), floor);
  }
}
