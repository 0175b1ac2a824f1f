package org.nde4j.solve.stepsize;

/** The weighted RMS / max norm (and seminorm) of {@link ErrorNorm}. */
final class WeightedNorm implements ErrorNorm {
  private final double rtol;
  private final double atol;
  private final boolean max;
  private final boolean[] include;

  WeightedNorm(double rtol, double atol, boolean max, boolean[] include) {
    Tolerances.check(rtol, atol);
    this.rtol = rtol;
    this.atol = atol;
    this.max = max;
    this.include = include;
  }

  @Override
  public double ratio(double[] err, double[] y0, double[] y1) {
    double acc = 0;
    int count = 0;
    for (int i = 0; i < err.length; i++) {
      if (include != null && !include[i]) {
        continue;
      }
      double scale = atol + rtol * Math.max(Math.abs(y0[i]), Math.abs(y1[i]));
      double r = err[i] / scale;
      if (max) {
        acc = Math.max(acc, Math.abs(r));
        if (r != r) {
          return Double.NaN;
        }
      } else {
        acc += r * r;
      }
      count++;
    }
    if (count == 0) {
      return 0;
    }
    return max ? acc : Math.sqrt(acc / count);
  }

  @Override
  public double weight(int i, double yi) {
    return 1 / (atol + rtol * Math.abs(yi));
  }

  @Override
  public String toString() {
    return (max ? "max" : include != null ? "seminorm" : "rms") + "(rtol=" + rtol + ", atol="
        + atol + ")";
  }
}
