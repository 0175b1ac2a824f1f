package org.nde4j.solve.solver;

import org.nde4j.solve.stepsize.ErrorNorm;

/**
 * The stepper of step doubling (Richardson; Hairer, Nørsett, Wanner, <i>Solving ODEs I</i>,
 * §II.4): each attempt takes the step once with {@code h} (one inner stepper) and twice with
 * {@code h/2} (two more), keeps the two-half-step result and returns the norm of {@code scale ·
 * (y_{h/2} − y_h)} as its error estimate. Dense output comes from the two half steps. Each inner
 * stepper is restarted before every attempt, so nothing carries over between steps. Shared by
 * the ODE wrapper {@code rk.StepDoubling} and the SDE wrapper {@code sde.SdeStepDoubling}.
 */
public final class DoublingStepper implements Stepper {
  private final Stepper full;
  private final Stepper first;
  private final Stepper second;
  private final double[] yFull;
  private final double[] yMid;
  private final double[] err;
  private final double scale;
  private double t;
  private double h;
  private double stiffness = Double.NaN;

  /**
   * @param full, first, second three fresh steppers of the inner method for the same term
   * @param n the state size
   * @param scale the factor on the difference of the two results
   */
  public DoublingStepper(Stepper full, Stepper first, Stepper second, int n, double scale) {
    this.full = full;
    this.first = first;
    this.second = second;
    this.yFull = new double[n];
    this.yMid = new double[n];
    this.err = new double[n];
    this.scale = scale;
  }

  @Override
  public double attempt(double t, double h, double[] y0, double[] y1, ErrorNorm norm) {
    this.t = t;
    this.h = h;
    full.restart();
    first.restart();
    second.restart();
    double a = full.attempt(t, h, y0, yFull, norm);
    double b = first.attempt(t, 0.5 * h, y0, yMid, norm);
    double c = second.attempt(t + 0.5 * h, 0.5 * h, yMid, y1, norm);
    stiffness = second.stiffnessRatio();
    if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c)) {
      return Double.NaN;
    }
    for (int i = 0; i < err.length; i++) {
      err[i] = (y1[i] - yFull[i]) * scale;
    }
    if (norm == null) {
      return 0;
    }
    double r = norm.ratio(err, y0, y1);
    return Double.isFinite(r) ? r : Double.NaN;
  }

  @Override
  public void interpolate(double theta, double[] out) {
    if (theta <= 0.5) {
      first.interpolate(2 * theta, out);
    } else {
      second.interpolate(2 * theta - 1, out);
    }
  }

  @Override
  public DenseSegment denseSegment() {
    return new Halves(first.denseSegment(), second.denseSegment(), t, t + h);
  }

  @Override
  public void accept() {}

  @Override
  public void restart() {}

  @Override
  public long evaluations() {
    return full.evaluations() + first.evaluations() + second.evaluations();
  }

  @Override
  public double stiffnessRatio() {
    return stiffness;
  }

  /** Dense output over two half steps. */
  private record Halves(DenseSegment a, DenseSegment b, double tStart, double tEnd)
      implements DenseSegment {
    @Override
    public void evaluate(double time, double[] out) {
      if ((time - a.tEnd()) * (tEnd - tStart) <= 0) {
        a.evaluate(time, out);
      } else {
        b.evaluate(time, out);
      }
    }

    @Override
    public DenseSegment endingAt(double time) {
      return new Halves(a, b, tStart, time);
    }
  }
}
