package org.nde4j.solve.solver.reversible;

import org.nde4j.solve.solver.DenseSegment;
import org.nde4j.solve.solver.HermiteSegment;
import org.nde4j.solve.stepsize.ErrorNorm;
import org.nde4j.solve.term.Term;

/** The workspace of {@link ReversibleHeun}: carries {@code ŷ} and {@code f(t, ŷ)}. */
final class ReversibleHeunStepper implements ReversibleStepper {
  private final Term term;
  private final int n;
  private double[] yHat0;
  private double[] f0;
  private double[] yHat1;
  private double[] f1;
  private final double[] err;
  private final double[] scratch;
  private boolean carried;
  private double t;
  private double h;
  private double[] y0;
  private double[] y1;
  private long nfe;

  ReversibleHeunStepper(Term term) {
    this.term = term;
    this.n = term.size();
    this.yHat0 = new double[n];
    this.f0 = new double[n];
    this.yHat1 = new double[n];
    this.f1 = new double[n];
    this.err = new double[n];
    this.scratch = new double[n];
  }

  @Override
  public double attempt(double t, double h, double[] y0, double[] y1, ErrorNorm norm) {
    this.t = t;
    this.h = h;
    this.y0 = y0;
    this.y1 = y1;
    if (!carried) {
      System.arraycopy(y0, 0, yHat0, 0, n);
      term.rate(t, yHat0, f0);
      nfe++;
      carried = true;
    }
    for (int i = 0; i < n; i++) {
      yHat1[i] = 2 * y0[i] - yHat0[i] + h * f0[i];
    }
    term.rate(t + h, yHat1, f1);
    nfe++;
    double half = 0.5 * h;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      y1[i] = y0[i] + half * (f0[i] + f1[i]);
      err[i] = half * (f1[i] - f0[i]);
      sum += y1[i] + yHat1[i];
    }
    if (!Double.isFinite(sum)) {
      return Double.NaN;
    }
    if (norm == null) {
      return 0;
    }
    double r = norm.ratio(err, y0, y1);
    return Double.isFinite(r) ? r : Double.NaN;
  }

  @Override
  public void interpolate(double theta, double[] out) {
    HermiteSegment.interpolate(theta, h, y0, y1, f0, f1, out);
  }

  @Override
  public DenseSegment denseSegment() {
    return new HermiteSegment(t, h, y0.clone(), y1.clone(), f0.clone(), f1.clone());
  }

  @Override
  public void accept() {
    double[] s = yHat0;
    yHat0 = yHat1;
    yHat1 = s;
    s = f0;
    f0 = f1;
    f1 = s;
  }

  @Override
  public void restart() {
    carried = false;
  }

  @Override
  public long evaluations() {
    return nfe;
  }

  @Override
  public double stiffnessRatio() {
    return Double.NaN;
  }

  @Override
  public int size() {
    return n;
  }

  @Override
  public boolean hasAuxiliary() {
    return carried;
  }

  @Override
  public void auxiliary(double[] yHat, double[] f) {
    if (!carried) {
      throw new IllegalStateException("reversible_heun: no auxiliary state is carried (before the"
          + " first step or after a restart, the next step starts from ŷ = y)");
    }
    System.arraycopy(yHat0, 0, yHat, 0, n);
    System.arraycopy(f0, 0, f, 0, n);
  }

  @Override
  public void setAuxiliary(double[] yHat, double[] f) {
    System.arraycopy(yHat, 0, yHat0, 0, n);
    System.arraycopy(f, 0, f0, 0, n);
    carried = true;
  }

  @Override
  public void backwardStep(double t1, double h, double[] y1, double[] yHat1, double[] f1,
      double[] y0, double[] yHat0, double[] f0) {
    for (int i = 0; i < n; i++) {
      yHat0[i] = 2 * y1[i] - yHat1[i] - h * f1[i];
    }
    term.rate(t1 - h, yHat0, scratch);
    nfe++;
    double half = 0.5 * h;
    for (int i = 0; i < n; i++) {
      y0[i] = y1[i] - half * (scratch[i] + f1[i]);
    }
    System.arraycopy(scratch, 0, f0, 0, n);
  }
}
