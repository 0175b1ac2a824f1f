package org.nde4j.solve.adjoint;

import org.nde4j.solve.integrate.Stats;
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
 * last with {@link ReversibleHeunSdeStepper#backwardStep} (which re-queries each step's Brownian
 * increment) and applies the step's VJP between the two auxiliary states ({@link
 * ReversibleHeunSdeStepVjp#vjpBetween}). The gradient is the discrete adjoint's of the same steps,
 * up to the round-off of the reconstruction; the states held do not depend on the number of
 * steps.
 */
final class ReversibleSdeRecording implements Recording {
  private static final int FORWARD_STATES = 1;
  private static final int BACKWARD_STATES = 2;

  private final GradientSolve problem;
  private final double[] theta;
  private final SdeFields sde;
  private final ReversibleHeunSdeStepVjp vjp;
  private final ReversibleHeunSdeStepper stepper;
  private final double[] yEnd;
  private final double[] yHatEnd;
  private final StepGrid grid;
  private final double[] times;
  private final ForwardLoop.Result result;
  private final int n;
  private long peak = FORWARD_STATES;

  private ReversibleSdeRecording(GradientSolve problem, double[] theta, SdeFields sde,
      ReversibleHeunSdeStepper stepper, double[] yEnd, double[] yHatEnd, StepGrid grid,
      double[] times, ForwardLoop.Result result) {
    this.problem = problem;
    this.theta = theta;
    this.sde = sde;
    this.vjp = new ReversibleHeunSdeStepVjp(sde);
    this.stepper = stepper;
    this.yEnd = yEnd;
    this.yHatEnd = yHatEnd;
    this.grid = grid;
    this.times = times;
    this.result = result;
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
    return new ReversibleSdeRecording(p, theta, sde, stepper[0], yEnd, yHatEnd, grid,
        constant ? null : raw.toArray(), r);
  }

  private double time(int k) {
    return grid != null ? grid.time(k) : times[k];
  }

  @Override
  public double[][] ys() {
    return Backward.copy(result.ys());
  }

  @Override
  public Status status() {
    return result.status();
  }

  @Override
  public Stats stats() {
    return result.stats();
  }

  /** Solver states {@code (y, ŷ)} held: 1 after the forward pass, 2 once a backward pass ran. */
  @Override
  public long peakStoredStates() {
    return peak;
  }

  @Override
  public Gradients backward(double[][] ybar) {
    Backward.check(problem, result, ybar);
    long rates0 = sde.rateEvaluations() + stepper.evaluations();
    long vjps0 = sde.vjpEvaluations();
    double[] y = yEnd.clone();
    double[] yHat = yHatEnd.clone();
    double[] yHatLater = new double[n];
    peak = Math.max(peak, BACKWARD_STATES);
    double[] lambda = new double[2 * n];
    double[] thetaBar = new double[theta.length];
    int[] saveStep = result.saveStep();
    int next = saveStep.length - 1;
    double tEnd = time(result.steps());
    for (int k = result.steps() - 1; k >= 0; k--) {
      next = addCotangents(ybar, saveStep, next, k + 1, lambda);
      double t = time(k);
      double h = tEnd - t;
      System.arraycopy(yHat, 0, yHatLater, 0, n);
      stepper.backwardStep(tEnd, h, y, yHat);
      vjp.vjpBetween(t, h, yHat, yHatLater, theta, lambda, thetaBar);
      tEnd = t;
    }
    addCotangents(ybar, saveStep, next, 0, lambda);
    double[] y0Bar = new double[n];
    vjp.initialVjp(lambda, y0Bar);
    return Backward.gradients(problem, result, sde.counted(), theta, y0Bar, thetaBar, ybar,
        sde.rateEvaluations() + stepper.evaluations() - rates0, sde.vjpEvaluations() - vjps0);
  }

  /** Adds the cotangents of the save times reached after {@code k} steps to {@code λ}'s y part. */
  private int addCotangents(double[][] ybar, int[] saveStep, int next, int k, double[] lambda) {
    while (next >= 0 && saveStep[next] == k) {
      double[] g = ybar[next--];
      for (int q = 0; q < n; q++) {
        lambda[q] += g[q];
      }
    }
    return next;
  }

  /** Scalars kept for the step times. */
  long storedTimes() {
    return grid != null ? 3L * grid.runs() : times.length;
  }
}
