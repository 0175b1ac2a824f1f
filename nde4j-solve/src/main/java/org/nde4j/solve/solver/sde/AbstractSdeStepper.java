package org.nde4j.solve.solver.sde;

import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.solve.solver.DenseSegment;
import org.nde4j.solve.solver.Finite;
import org.nde4j.solve.solver.HermiteSegment;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.stepsize.ErrorNorm;
import org.nde4j.solve.term.SdeTerm;

/**
 * What every SDE stepper shares: the Brownian query of a step (increment {@code w}, and the
 * space-time Lévy area {@code area} when asked), linear dense output, the finiteness check and the
 * error norm. Steppers carry nothing across steps unless they say so.
 */
abstract class AbstractSdeStepper implements Stepper {
  protected final SdeTerm term;
  protected final BrownianMotion bm;
  protected final int n;
  protected final int m;
  /** The step's Brownian increment, {@code m} values. */
  protected final double[] w;
  /** The step's space-time Lévy area, {@code m} values (filled when asked). */
  protected final double[] area;
  protected long nfe;
  private double t;
  private double h;
  private double[] y0;
  private double[] y1;

  AbstractSdeStepper(SdeTerm term) {
    this.term = term;
    this.bm = term.brownian();
    this.n = term.size();
    this.m = term.noiseDim();
    this.w = new double[m];
    this.area = new double[m];
  }

  /**
   * Remembers the step for dense output and queries the Brownian motion over it. For {@code h <
   * 0} the increment is {@code W(t + h) − W(t)} and the area that of the time-reversed path, which
   * equals {@code H} of {@code [t + h, t]}.
   */
  protected final void begin(double t, double h, double[] y0, double[] y1, boolean withArea) {
    this.t = t;
    this.h = h;
    this.y0 = y0;
    this.y1 = y1;
    if (!withArea) {
      bm.increment(t, t + h, w);
    } else if (h >= 0) {
      bm.spaceTimeIncrement(t, t + h, w, area);
    } else {
      bm.spaceTimeIncrement(t + h, t, w, area);
      for (int j = 0; j < m; j++) {
        w[j] = -w[j];
      }
    }
  }

  /** NaN when the candidate is not finite; else the error ratio ({@code err} may be null). */
  protected final double finish(double[] y0, double[] y1, double[] err, ErrorNorm norm) {
    if (!Finite.all(y1, n)) {
      return Double.NaN;
    }
    if (norm == null || err == null) {
      return 0;
    }
    double r = norm.ratio(err, y0, y1);
    return Double.isFinite(r) ? r : Double.NaN;
  }

  /** Linear interpolation between the step's end points. */
  @Override
  public void interpolate(double theta, double[] out) {
    for (int i = 0; i < n; i++) {
      out[i] = y0[i] + theta * (y1[i] - y0[i]);
    }
  }

  /** The linear interpolant, as a Hermite segment whose end slopes are both the secant. */
  @Override
  public DenseSegment denseSegment() {
    double[] secant = new double[n];
    for (int i = 0; i < n; i++) {
      secant[i] = (y1[i] - y0[i]) / h;
    }
    return new HermiteSegment(t, h, y0.clone(), y1.clone(), secant, secant.clone());
  }

  @Override
  public void accept() {}

  @Override
  public void restart() {}

  @Override
  public long evaluations() {
    return nfe;
  }

  @Override
  public double stiffnessRatio() {
    return Double.NaN;
  }
}
