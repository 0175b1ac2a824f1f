package org.nde4j.solve.solver.rosenbrock;

import org.nde4j.solve.solver.DenseSegment;

/**
 * A stored Rosenbrock step: {@code y(t0 + θh) = y0 + θ (y1 − y0) + θ(1 − θ) Σ_r θ^r K_r}, the
 * dense output of {@code rodas.f} (Hairer &amp; Wanner, <i>Solving ODEs II</i>, §IV.7) and of
 * Shampine &amp; Reichelt's {@code ode23s} written in the same shape.
 */
final class RosenbrockSegment implements DenseSegment {
  private final double t;
  private final double h;
  private final double tEnd;
  private final double[] y0;
  private final double[] y1;
  private final double[][] k;

  RosenbrockSegment(double t, double h, double tEnd, double[] y0, double[] y1, double[][] k) {
    this.t = t;
    this.h = h;
    this.tEnd = tEnd;
    this.y0 = y0;
    this.y1 = y1;
    this.k = k;
  }

  /** Writes the interpolant at {@code θ}; no allocation. */
  static void evaluate(double theta, double[] y0, double[] y1, double[][] k, double[] out) {
    double w = theta * (1 - theta);
    int rows = k.length;
    for (int m = 0; m < out.length; m++) {
      double poly = 0;
      for (int r = rows - 1; r >= 0; r--) {
        poly = poly * theta + k[r][m];
      }
      out[m] = y0[m] + theta * (y1[m] - y0[m]) + w * poly;
    }
  }

  @Override
  public double tStart() {
    return t;
  }

  @Override
  public double tEnd() {
    return tEnd;
  }

  @Override
  public void evaluate(double time, double[] out) {
    evaluate((time - t) / h, y0, y1, k, out);
  }

  @Override
  public DenseSegment endingAt(double time) {
    return new RosenbrockSegment(t, h, time, y0, y1, k);
  }
}
