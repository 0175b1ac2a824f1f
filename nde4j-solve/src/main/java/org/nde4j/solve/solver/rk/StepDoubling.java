package org.nde4j.solve.solver.rk;

import org.nde4j.solve.solver.DenseSegment;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.stepsize.ErrorNorm;
import org.nde4j.solve.term.Term;

/**
 * Gives any one-step method an error estimate by step doubling (Richardson; Hairer, Nørsett,
 * Wanner, <i>Solving ODEs I</i>, §II.4): each step is taken once with {@code h} and twice with
 * {@code h/2}; the two-half-step result is kept and {@code (y_{h/2} − y_h) / (2^p − 1)} estimates
 * its local error (as Richardson's correction {@code exact − y_{h/2}}, i.e. with the opposite sign;
 * the estimate is not added to the result, so there is no local extrapolation). Costs about three steps of the inner method per step; the error order equals
 * the method's order. Dense output comes from the two half steps.
 */
public final class StepDoubling implements Solver {
  private final Solver inner;

  /** Wraps {@code inner}. */
  public StepDoubling(Solver inner) {
    this.inner = inner;
  }

  @Override
  public String name() {
    return inner.name() + "+doubling";
  }

  @Override
  public int order() {
    return inner.order();
  }

  @Override
  public int errorOrder() {
    return inner.order();
  }

  @Override
  public int interpolationOrder() {
    return inner.interpolationOrder();
  }

  @Override
  public Stepper stepper(Term term) {
    return new Doubling(inner.stepper(term), inner.stepper(term), inner.stepper(term),
        term.size(), inner.order());
  }

  /** The three inner steppers: full step, first half, second half. */
  private static final class Doubling implements Stepper {
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

    Doubling(Stepper full, Stepper first, Stepper second, int n, int order) {
      this.full = full;
      this.first = first;
      this.second = second;
      this.yFull = new double[n];
      this.yMid = new double[n];
      this.err = new double[n];
      this.scale = 1.0 / (Math.pow(2, order) - 1);
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
      DenseSegment a = first.denseSegment();
      DenseSegment b = second.denseSegment();
      return new Halves(a, b, t, t + h);
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
