package org.nde4j.solve.adjoint;

import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.solver.sde.ReversibleHeunSdeStepper;
import org.nde4j.solve.solver.sde.StochasticReversibleHeun;
import org.nde4j.solve.stepsize.ConstantStepSize;

/**
 * {@link Adjoint#reversible()} for an SDE solve with {@link StochasticReversibleHeun} (Kidger,
 * Foster, Li, Lyons, <i>Efficient and Accurate Gradients for Neural SDEs</i>, NeurIPS 2021,
 * arXiv:2105.13493, §3): the forward pass keeps the end state {@code (y, ŷ)} and the step times
 * (a few scalars per save time with constant steps); the backward pass undoes the steps from the
 * last exactly (up to round-off), re-querying each step's Brownian increment, and applies the
 * VJP of {@link ReversibleHeunSdeStepVjp} as it goes ({@link #backward}). The gradient is the
 * discrete adjoint's of the same steps, up to the round-off of the reconstruction; the states
 * held do not depend on the number of steps.
 */
final class ReversibleSdeRecording extends LoopRecording {
  private static final int FORWARD_STATES = 1;
  private static final int BACKWARD_STATES = 2;

  private final GradientSolve problem;
  private final double[] theta;
  private final SdeFields sde;
  private final double[] yEnd;
  private final double[] yHatEnd;
  private final StepGrid grid;
  private final double[] times;
  private final int n;
  private long peak = FORWARD_STATES;

  private ReversibleSdeRecording(GradientSolve problem, double[] theta, SdeFields sde,
      double[] yEnd, double[] yHatEnd, StepGrid grid,
      double[] times, ForwardLoop.Result result) {
    super(result);
    this.problem = problem;
    this.theta = theta;
    this.sde = sde;
    this.yEnd = yEnd;
    this.yHatEnd = yHatEnd;
    this.grid = grid;
    this.times = times;
    this.n = sde.n;
  }

  /**
   * Runs the forward solve keeping only its end and step times.
   *
   * @throws IllegalArgumentException before solving if the solver is not {@code
   *     stochastic_reversible_heun}
   */
  static Recording forward(GradientSolve p) {
    if (!(p.solver() instanceof StochasticReversibleHeun)) {
      throw new IllegalArgumentException("reversible adjoint: SDE solver " + p.solver().name()
          + " is not algebraically reversible; use stochastic_reversible_heun with this adjoint,"
          + " or keep " + p.solver().name() + " and use Adjoint.discrete() or"
          + " Adjoint.checkpointed(budget)");
    }
    double[] theta = p.theta();
    SdeFields sde = new SdeFields(p.sdeTerm(), p.brownian());
    int n = sde.n;
    boolean constant = p.controller() instanceof ConstantStepSize;
    StepGrid grid = constant ? new StepGrid(p.t0(), Math.copySign(p.dt0(), p.t1() - p.t0()))
        : null;
    StepTimes raw = constant ? null : new StepTimes();
    double[] yEnd = new double[n];
    ReversibleHeunSdeStepper[] stepper = new ReversibleHeunSdeStepper[1];
    ForwardLoop.Result r = ForwardLoop.run(p, p.bound(theta), new ForwardLoop.Listener() {
      @Override
      public void started(Stepper s) {
        stepper[0] = (ReversibleHeunSdeStepper) s;
      }

      @Override
      public void accepted(int k, double t, double tNext, double[] y, double[] yNext) {
        if (k == 0) {
          add(t);
        }
        add(tNext);
        System.arraycopy(yNext, 0, yEnd, 0, n);
      }

      private void add(double t) {
        if (constant) {
          grid.add(t);
        } else {
          raw.add(t);
        }
      }
    });
    double[] yHatEnd = new double[n];
    if (r.status() == Status.SUCCESS) {
      // The loop is over: declare the last step accepted so that ŷ belongs to the solve's end.
      stepper[0].accept();
      stepper[0].auxiliary(yHatEnd);
    }
    return new ReversibleSdeRecording(p, theta, sde, yEnd, yHatEnd, grid,
        constant ? null : raw.toArray(), r);
  }

  private double time(int k) {
    return grid != null ? grid.time(k) : times[k];
  }



  /** Solver states {@code (y, ŷ)} held: 1 after the forward pass, 2 once a backward pass ran. */
  @Override
  public long peakStoredStates() {
    return peak;
  }

  /**
   * The backward pass, one step at a time from the last. Each step {@code k} is undone with the
   * closed-form inverse of {@link ReversibleHeunSdeStepper#backwardStep}, {@code ŷ_k = 2 y_{k+1} −
   * ŷ_{k+1} − h f_{k+1} − g_{k+1} ⊙ W_k} and {@code y_k = y_{k+1} − ½ h (f_k + f_{k+1}) − ½ (g_k +
   * g_{k+1}) ⊙ W_k}, with {@code f_k, g_k} evaluated once, keeping their residuals. The step VJP
   * of {@link ReversibleHeunSdeStepVjp} reads the Jacobians at {@code ŷ_k} twice (as the end of
   * step {@code k − 1} and the start of step {@code k}), and only the sum of the two products is
   * used ({@code m_{k−1} = u1_{k−1} + u0_k − m_k}), so the two cotangents are added and one VJP
   * per field and point is run from the residuals: per step two evaluations and two VJPs, plus
   * one evaluation pair at the end state.
   */
  @Override
  public Gradients backward(double[][] ybar) {
    Backward.check(problem, result, ybar);
    long rates0 = sde.rateEvaluations();
    long vjps0 = sde.vjpEvaluations();
    peak = Math.max(peak, BACKWARD_STATES);
    double[] y = yEnd.clone();
    double[] yHat = yHatEnd.clone();
    Point later = new Point(sde);
    Point earlier = new Point(sde);
    double[] lambda = new double[n];
    double[] m = new double[n];
    double[] mNext = new double[n];
    double[] aF = new double[n];
    double[] aG = new double[n];
    double[] u = new double[n];
    double[] pBar = new double[theta.length];
    double[] thetaBar = new double[theta.length];
    int[] saveStep = result.saveStep();
    int steps = result.steps();
    double tEnd = time(steps);
    later.evaluate(tEnd, yHat, theta);
    int next = Backward.addCotangents(ybar, saveStep, saveStep.length - 1, steps, lambda);
    for (int k = steps - 1; k >= 0; k--) {
      double t = time(k);
      double h = tEnd - t;
      sde.query(t, h, false);
      // the cotangent at ŷ_{k+1} from step k (its end), added to the one from step k + 1
      for (int q = 0; q < n; q++) {
        aF[q] += 0.5 * h * lambda[q];
      }
      sde.addNoiseBar(sde.w, 0.5, lambda, aG);
      later.vjp(tEnd, theta, aF, aG, u, pBar, thetaBar);
      for (int q = 0; q < n; q++) {
        mNext[q] = u[q] - m[q];
      }
      for (int q = 0; q < n; q++) {
        yHat[q] = 2 * y[q] - yHat[q] - h * later.f[q];
      }
      sde.addNoise(later.g, sde.w, -1, yHat);
      earlier.evaluate(t, yHat, theta);
      for (int q = 0; q < n; q++) {
        y[q] -= 0.5 * h * (earlier.f[q] + later.f[q]);
      }
      sde.addNoise(earlier.g, sde.w, -0.5, y);
      sde.addNoise(later.g, sde.w, -0.5, y);
      // the cotangent at ŷ_k from step k (its start)
      for (int q = 0; q < n; q++) {
        aF[q] = 0.5 * h * lambda[q] + h * mNext[q];
        aG[q] = 0;
      }
      sde.addNoiseBar(sde.w, 0.5, lambda, aG);
      sde.addNoiseBar(sde.w, 1, mNext, aG);
      for (int q = 0; q < n; q++) {
        lambda[q] += 2 * mNext[q];
      }
      next = Backward.addCotangents(ybar, saveStep, next, k, lambda);
      double[] s = m;
      m = mNext;
      mNext = s;
      Point p = later;
      later = earlier;
      earlier = p;
      tEnd = t;
    }
    later.vjp(tEnd, theta, aF, aG, u, pBar, thetaBar);
    double[] y0Bar = new double[n];
    for (int q = 0; q < n; q++) {
      y0Bar[q] = lambda[q] + u[q] - m[q];
    }
    return Backward.gradients(problem, result, sde.counted(), theta, y0Bar, thetaBar, ybar,
        sde.rateEvaluations() - rates0, sde.vjpEvaluations() - vjps0);
  }

  /** The drift and diffusion at one auxiliary state, with the residuals of their VJPs. */
  private static final class Point {
    final double[] f;
    final double[] g;
    private final SdeFields sde;
    private final double[][] fRes;
    private final double[][] gRes;
    private final double[] part;

    Point(SdeFields sde) {
      this.sde = sde;
      this.f = new double[sde.n];
      this.g = new double[sde.n];
      this.fRes = sde.drift.residuals(sde.n);
      this.gRes = sde.diffusion.residuals(sde.n);
      this.part = new double[sde.n];
    }

    void evaluate(double t, double[] yHat, double[] theta) {
      sde.drift.rate(t, yHat, theta, f, fRes);
      sde.diffusion.rate(t, yHat, theta, g, gRes);
    }

    /** {@code u = (∂f/∂ŷ)ᵀ aF + (∂g/∂ŷ)ᵀ aG}, adding the θ parts to {@code thetaBar}. */
    void vjp(double t, double[] theta, double[] aF, double[] aG, double[] u, double[] pBar,
        double[] thetaBar) {
      sde.drift.vjp(t, fRes, theta, aF, u, pBar);
      add(thetaBar, pBar);
      sde.diffusion.vjp(t, gRes, theta, aG, part, pBar);
      add(thetaBar, pBar);
      add(u, part);
    }

    private static void add(double[] acc, double[] v) {
      for (int q = 0; q < acc.length; q++) {
        acc[q] += v[q];
      }
    }
  }

  /** Scalars kept for the step times. */
  long storedTimes() {
    return grid != null ? 3L * grid.runs() : times.length;
  }
}
