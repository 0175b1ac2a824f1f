package org.nde4j.solve.solver.bdf;

import org.nde4j.solve.solver.DenseSegment;

/**
 * Dense output of one BDF step: the interpolating polynomial of the step's order {@code k} through
 * {@code y_{n+1}, …, y_{n+1−k}}, in Newton's backward form on the step's differences (Shampine
 * &amp; Reichelt 1997, §2). Immutable.
 */
final class BdfSegment implements DenseSegment {
  private final double t;
  private final double h;
  private final double tEnd;
  private final int order;
  private final double[][] diffs;

  BdfSegment(double t, double h, double tEnd, int order, double[][] diffs) {
    this.t = t;
    this.h = h;
    this.tEnd = tEnd;
    this.order = order;
    this.diffs = diffs;
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
    BdfStepper.evaluateBackward(diffs, order, (time - t) / h, out);
  }

  @Override
  public DenseSegment endingAt(double time) {
    return new BdfSegment(t, h, time, order, diffs);
  }
}
