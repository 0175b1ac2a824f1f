package org.nde4j.solve.solver.sde;

import org.nde4j.solve.stepsize.ErrorNorm;
import org.nde4j.solve.term.SdeTerm;

/**
 * The workspace of {@link StochasticReversibleHeun}: carries {@code ŷ}, {@code f(t, ŷ)} and
 * {@code g(t, ŷ)} from step to step, and undoes a step exactly (up to round-off) from its end.
 * The carried state belongs to the start of the next step: set to {@code y} by the first attempt
 * after construction or {@link #restart()}, advanced by {@link #accept()}; rejected attempts leave
 * it unchanged.
 */
public final class ReversibleHeunSdeStepper extends AbstractSdeStepper {
  private double[] yHat0;
  private double[] f0;
  private double[] g0;
  private double[] yHat1;
  private double[] f1;
  private double[] g1;
  private final double[] err;
  private final double[] wBack;
  private boolean carried;

  ReversibleHeunSdeStepper(SdeTerm term) {
    super(term);
    int len = term.diffusionLength();
    this.yHat0 = new double[n];
    this.f0 = new double[n];
    this.g0 = new double[len];
    this.yHat1 = new double[n];
    this.f1 = new double[n];
    this.g1 = new double[len];
    this.err = new double[n];
    this.wBack = new double[m];
  }

  @Override
  public double attempt(double t, double h, double[] y0, double[] y1, ErrorNorm norm) {
    begin(t, h, y0, y1, false);
    if (!carried) {
      System.arraycopy(y0, 0, yHat0, 0, n);
      term.drift(t, yHat0, f0);
      term.diffusion(t, yHat0, g0);
      nfe += 2;
      carried = true;
    }
    for (int i = 0; i < n; i++) {
      yHat1[i] = 2 * y0[i] - yHat0[i] + h * f0[i];
    }
    term.addProduct(g0, w, 1, yHat1);
    term.drift(t + h, yHat1, f1);
    term.diffusion(t + h, yHat1, g1);
    nfe += 2;
    double half = 0.5 * h;
    for (int i = 0; i < n; i++) {
      y1[i] = y0[i] + half * (f0[i] + f1[i]);
      err[i] = half * (f1[i] - f0[i]);
    }
    term.addProduct(g0, w, 0.5, y1);
    term.addProduct(g1, w, 0.5, y1);
    term.addProduct(g1, w, 0.5, err);
    term.addProduct(g0, w, -0.5, err);
    return finish(y0, y1, err, norm);
  }

  @Override
  public void accept() {
    double[] s = yHat0;
    yHat0 = yHat1;
    yHat1 = s;
    s = f0;
    f0 = f1;
    f1 = s;
    s = g0;
    g0 = g1;
    g1 = s;
  }

  @Override
  public void restart() {
    carried = false;
  }

  /**
   * Copies the carried auxiliary state {@code ŷ} ({@code n} values) at the start of the next
   * step.
   *
   * @throws IllegalStateException before the first step or after a restart
   */
  public void auxiliary(double[] yHat) {
    if (!carried) {
      throw new IllegalStateException("stochastic_reversible_heun: no auxiliary state is carried"
          + " (before the first step or after a restart the next step starts from ŷ = y)");
    }
    System.arraycopy(yHat0, 0, yHat, 0, n);
  }

  /**
   * Undoes the step from {@code t1 − h} to {@code t1}: from {@code (y1, ŷ1)} reconstructs {@code
   * (y0, ŷ0)} in place (the arrays are overwritten), querying the Brownian increment of the same
   * interval. Two drift and two diffusion evaluations; it works in the stepper's scratch arrays,
   * so the forward carried state is dropped (a following attempt starts from {@code ŷ = y}).
   */
  public void backwardStep(double t1, double h, double[] y, double[] yHat) {
    double t0 = t1 - h;
    bm.increment(t0, t1, wBack);
    term.drift(t1, yHat, f1);
    term.diffusion(t1, yHat, g1);
    for (int i = 0; i < n; i++) {
      yHat[i] = 2 * y[i] - yHat[i] - h * f1[i];
    }
    term.addProduct(g1, wBack, -1, yHat);
    term.drift(t0, yHat, f0);
    term.diffusion(t0, yHat, g0);
    nfe += 4;
    double half = 0.5 * h;
    for (int i = 0; i < n; i++) {
      y[i] -= half * (f0[i] + f1[i]);
    }
    term.addProduct(g0, wBack, -0.5, y);
    term.addProduct(g1, wBack, -0.5, y);
    carried = false;
  }
}
