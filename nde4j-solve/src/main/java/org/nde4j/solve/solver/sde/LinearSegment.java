package org.nde4j.solve.solver.sde;

import org.nde4j.solve.solver.DenseSegment;

/** Linear interpolation between a step's end points: the dense output of SDE solvers. */
final class LinearSegment implements DenseSegment {
  private final double t;
  private final double h;
  private final double tEnd;
  private final double[] y0;
  private final double[] y1;

  LinearSegment(double t, double h, double tEnd, double[] y0, double[] y1) {
    this.t = t;
    this.h = h;
    this.tEnd = tEnd;
    this.y0 = y0;
    this.y1 = y1;
  }

  static void interpolate(double theta, double[] y0, double[] y1, double[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = y0[i] + theta * (y1[i] - y0[i]);
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
    interpolate((time - t) / h, y0, y1, out);
  }

  @Override
  public DenseSegment endingAt(double time) {
    return new LinearSegment(t, h, time, y0, y1);
  }
}
