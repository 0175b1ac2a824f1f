package org.nde4j.solve.solver.implicit;

import org.nde4j.solve.solver.DenseSegment;

/**
 * The polynomial dense output of one ESDIRK / IMEX step, {@code y(t0 + θh) = y0 + h Σ_i θ·P_i(θ)
 * k_i} (Kennedy &amp; Carpenter 2003, §3.3), with {@code k_i} the stage's total slope. Immutable;
 * keeps the arrays it is given.
 */
final class DirkSegment implements DenseSegment {
  private final double t;
  private final double h;
  private final double tEnd;
  private final double[] y0;
  private final double[][] k;
  private final double[][] poly;

  DirkSegment(double t, double h, double tEnd, double[] y0, double[][] k, double[][] poly) {
    this.t = t;
    this.h = h;
    this.tEnd = tEnd;
    this.y0 = y0;
    this.k = k;
    this.poly = poly;
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
    double th = (time - t) / h;
    System.arraycopy(y0, 0, out, 0, y0.length);
    for (int i = 0; i < k.length; i++) {
      double v = 0;
      for (double coef : poly[i]) {
        v = v * th + coef;
      }
      double wi = h * th * v;
      if (wi != 0) {
        for (int m = 0; m < out.length; m++) {
          out[m] += wi * k[i][m];
        }
      }
    }
  }

  @Override
  public DenseSegment endingAt(double time) {
    return new DirkSegment(t, h, time, y0, k, poly);
  }
}
