package org.nde4j.solve.solver.rk;

import org.nde4j.solve.solver.DenseSegment;

/** A stored Runge–Kutta step: start, step size, start state and all stages. */
final class RkSegment implements DenseSegment {
  private final double t;
  private final double h;
  private final double tEnd;
  private final double[] y0;
  private final double[][] k;
  private final RkInterpolant interp;

  RkSegment(double t, double h, double tEnd, double[] y0, double[][] k, RkInterpolant interp) {
    this.t = t;
    this.h = h;
    this.tEnd = tEnd;
    this.y0 = y0;
    this.k = k;
    this.interp = interp;
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
    double[] w = new double[k.length];
    interp.weights((time - t) / h, w);
    int n = y0.length;
    System.arraycopy(y0, 0, out, 0, n);
    for (int i = 0; i < k.length; i++) {
      double hw = h * w[i];
      if (hw != 0) {
        double[] ki = k[i];
        for (int m = 0; m < n; m++) {
          out[m] += hw * ki[m];
        }
      }
    }
  }

  @Override
  public DenseSegment endingAt(double time) {
    return new RkSegment(t, h, time, y0, k, interp);
  }
}
