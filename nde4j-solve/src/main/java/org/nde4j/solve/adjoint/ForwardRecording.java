package org.nde4j.solve.adjoint;

import org.nde4j.solve.integrate.Stats;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.term.DifferentiableTerm;

/**
 * The record of {@link Adjoint#forwardMode()}: the saved augmented states {@code (Y_i, ∂Y_i/∂y0,
 * ∂Y_i/∂θ)} and, with a terminal event, the augmented state at the event. {@link #backward}
 * contracts them: {@code ∂L/∂y0 = Σ_i (∂Y_i/∂y0)ᵀ ȳ_i}, {@code ∂L/∂θ = Σ_i (∂Y_i/∂θ)ᵀ ȳ_i}, plus
 * the event's cotangent {@code μ} ({@link TerminalEvent#cotangent}) contracted with the
 * sensitivities at the event.
 */
final class ForwardRecording implements SensitivityRecording, EventRecording {
  private final GradientSolve problem;
  private final double[] theta;
  private final DifferentiableTerm.Evaluator f;
  private final ForwardLoop.Result augmented;
  private final ForwardLoop.Result states;
  private final long jvps;
  private final DenseOutputEvent hit;
  private final TerminalEvent event;
  private final int n;
  private final int p;

  ForwardRecording(GradientSolve problem, double[] theta, DifferentiableTerm.Evaluator f,
      ForwardLoop.Result augmented, long jvps, DenseOutputEvent hit, TerminalEvent event) {
    this.problem = problem;
    this.theta = theta;
    this.f = f;
    this.augmented = augmented;
    this.jvps = jvps;
    this.hit = hit;
    this.event = event;
    this.n = problem.term().size();
    this.p = theta.length;
    double[][] zs = augmented.ys();
    double[][] ys = new double[zs.length][];
    for (int i = 0; i < zs.length; i++) {
      ys[i] = zs[i] == null ? null : java.util.Arrays.copyOf(zs[i], n);
    }
    // an interpolated save's slope: its first n entries are dY/dts
    double[][] rates = augmented.saveRates() == null ? null : new double[zs.length][];
    for (int i = 0; rates != null && i < zs.length; i++) {
      double[] r = augmented.saveRates()[i];
      rates[i] = r == null ? null : java.util.Arrays.copyOf(r, n);
    }
    this.states = new ForwardLoop.Result(ys, augmented.saveStep(), augmented.steps(),
        augmented.status(), augmented.stats(), rates);
  }

  @Override
  public double[][] ys() {
    return Backward.copy(states.ys());
  }

  @Override
  public Status status() {
    return states.status();
  }

  @Override
  public Stats stats() {
    return states.stats();
  }

  /** The saved augmented states, each counted as the {@code 1 + n + p} states it holds. */
  @Override
  public long peakStoredStates() {
    long saved = 0;
    for (double[] z : augmented.ys()) {
      saved += z == null ? 0 : 1;
    }
    return saved * (1 + n + p);
  }

  @Override
  public long jvpEvaluations() {
    return jvps;
  }

  private double[] saved(int i) {
    double[] z = augmented.ys()[i];
    if (z == null) {
      throw new IllegalStateException("forward mode: save time ts[" + i + "] was not reached (the"
          + " solve ended with " + status() + ")");
    }
    return z;
  }

  @Override
  public double[][] dYdY0(int i) {
    return block(saved(i), 0, n);
  }

  @Override
  public double[][] dYdTheta(int i) {
    return block(saved(i), n, p);
  }

  /** Columns {@code from … from + count − 1} of the sensitivities in {@code z}, as rows × columns. */
  private double[][] block(double[] z, int from, int count) {
    double[][] m = new double[n][count];
    for (int c = 0; c < count; c++) {
      int at = n + (from + c) * n;
      for (int q = 0; q < n; q++) {
        m[q][c] = z[at + q];
      }
    }
    return m;
  }

  /** Adds {@code (∂y/∂y0)ᵀ w} to {@code y0Bar} and {@code (∂y/∂θ)ᵀ w} to {@code thetaBar}. */
  private void contract(double[] z, double[] w, double[] y0Bar, double[] thetaBar) {
    for (int c = 0; c < n + p; c++) {
      int at = n + c * n;
      double s = 0;
      for (int q = 0; q < n; q++) {
        s += z[at + q] * w[q];
      }
      if (c < n) {
        y0Bar[c] += s;
      } else {
        thetaBar[c - n] += s;
      }
    }
  }

  @Override
  public double eventTime() {
    return hit == null ? Double.NaN : hit.tStar();
  }

  @Override
  public double[] eventState() {
    return hit == null ? null : hit.yMinus();
  }

  @Override
  public double[] eventStateAfterReset() {
    return hit == null ? null : hit.yPlus();
  }

  @Override
  public Gradients backward(double[][] ybar, double eventTimeBar, double[] eventStateBar,
      double[] resetStateBar) {
    Backward.check(problem, states, ybar);
    long rates0 = f.rateEvaluations();
    double[] y0Bar = new double[n];
    double[] thetaBar = new double[p];
    double[][] zs = augmented.ys();
    for (int i = 0; i < zs.length; i++) {
      if (zs[i] != null) {
        contract(zs[i], ybar[i], y0Bar, thetaBar);
      }
    }
    if (status() == Status.EVENT) {
      double tStar = hit.tStar();
      double[] yMinus = eventState();
      double[] rate = new double[n];
      f.rate(tStar, yMinus, theta, rate);
      double[] mu = new double[n];
      event.cotangent(tStar, yMinus, rate, hit.reset(), eventTimeBar, eventStateBar,
          resetStateBar, mu);
      contract(hit.zMinus(), mu, y0Bar, thetaBar);
    } else {
      TerminalEvent.requireNoCotangents(status(), eventTimeBar, eventStateBar, resetStateBar);
    }
    return Backward.gradients(problem, states, f, theta, y0Bar, thetaBar, ybar,
        f.rateEvaluations() - rates0, 0);
  }
}
