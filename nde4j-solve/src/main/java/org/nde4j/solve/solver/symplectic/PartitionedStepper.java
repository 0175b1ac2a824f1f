package org.nde4j.solve.solver.symplectic;

import org.nde4j.solve.solver.DenseSegment;
import org.nde4j.solve.solver.HermiteSegment;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.stepsize.ErrorNorm;
import org.nde4j.solve.term.SecondOrderTerm;

/** The kick–drift engine of {@link AbstractSymplectic}; allocation-free after construction. */
final class PartitionedStepper implements Stepper {
  private final SecondOrderTerm term;
  private final int d;
  private final double[] kicks;
  private final double[] drifts;
  /** Cumulative drift coefficients: where τ is after each drift, as a fraction of h. */
  private final double[] tau;
  private final double[] q;
  private final double[] v;
  private double[] aStart;
  private double[] aEnd;
  private final double[] aMid;
  private boolean haveStart;
  private boolean haveEnd;
  private double t;
  private double h;
  private double[] y0;
  private double[] y1;
  private long nfe;

  PartitionedStepper(SecondOrderTerm term, double[] kicks, double[] drifts) {
    this.term = term;
    this.d = term.positions();
    this.kicks = kicks;
    this.drifts = drifts;
    this.tau = new double[drifts.length];
    double s = 0;
    for (int j = 0; j < drifts.length; j++) {
      s += drifts[j];
      tau[j] = s;
    }
    tau[drifts.length - 1] = 1;
    this.q = new double[d];
    this.v = new double[d];
    this.aStart = new double[d];
    this.aEnd = new double[d];
    this.aMid = new double[d];
  }

  @Override
  public double attempt(double t, double h, double[] y0, double[] y1, ErrorNorm norm) {
    this.t = t;
    this.h = h;
    this.y0 = y0;
    this.y1 = y1;
    haveEnd = false;
    System.arraycopy(y0, 0, q, 0, d);
    System.arraycopy(y0, d, v, 0, d);
    if (!haveStart) {
      term.acceleration(t, q, aStart);
      nfe++;
      haveStart = true;
    }
    kick(kicks[0] * h, aStart);
    int m = drifts.length;
    for (int j = 0; j < m; j++) {
      double c = drifts[j] * h;
      for (int i = 0; i < d; i++) {
        q[i] += c * v[i];
      }
      double k = kicks[j + 1];
      if (k != 0) {
        double[] a = j == m - 1 ? aEnd : aMid;
        term.acceleration(j == m - 1 ? t + h : t + tau[j] * h, q, a);
        nfe++;
        kick(k * h, a);
      }
    }
    haveEnd = kicks[m] != 0;
    double sum = 0;
    for (int i = 0; i < d; i++) {
      y1[i] = q[i];
      y1[d + i] = v[i];
      sum += q[i] + v[i];
    }
    return Double.isFinite(sum) ? 0 : Double.NaN;
  }

  private void kick(double hk, double[] a) {
    for (int i = 0; i < d; i++) {
      v[i] += hk * a[i];
    }
  }

  /** {@code a(t1, q1)} for the dense output, once per step. */
  private void ensureEnd() {
    if (!haveEnd) {
      System.arraycopy(y1, 0, q, 0, d);
      term.acceleration(t + h, q, aEnd);
      nfe++;
      haveEnd = true;
    }
  }

  @Override
  public void interpolate(double theta, double[] out) {
    ensureEnd();
    double th2 = theta * theta;
    double th3 = th2 * theta;
    double w01 = 3 * th2 - 2 * th3;
    double w10 = h * (theta - 2 * th2 + th3);
    double w11 = h * (th3 - th2);
    for (int i = 0; i < d; i++) {
      out[i] = y0[i] + w01 * (y1[i] - y0[i]) + w10 * y0[d + i] + w11 * y1[d + i];
      int j = d + i;
      out[j] = y0[j] + w01 * (y1[j] - y0[j]) + w10 * aStart[i] + w11 * aEnd[i];
    }
  }

  @Override
  public DenseSegment denseSegment() {
    ensureEnd();
    double[] f0 = new double[2 * d];
    double[] f1 = new double[2 * d];
    System.arraycopy(y0, d, f0, 0, d);
    System.arraycopy(aStart, 0, f0, d, d);
    System.arraycopy(y1, d, f1, 0, d);
    System.arraycopy(aEnd, 0, f1, d, d);
    return new HermiteSegment(t, h, y0.clone(), y1.clone(), f0, f1);
  }

  @Override
  public void accept() {
    if (haveEnd) {
      double[] s = aStart;
      aStart = aEnd;
      aEnd = s;
    }
    haveStart = haveEnd;
    haveEnd = false;
  }

  @Override
  public void restart() {
    haveStart = false;
  }

  @Override
  public long evaluations() {
    return nfe;
  }

  @Override
  public double stiffnessRatio() {
    return Double.NaN;
  }
}
