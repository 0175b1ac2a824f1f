package org.nde4j.solve.adjoint;

import org.nde4j.solve.solver.reversible.ReversibleStepper;
import org.nde4j.solve.term.DifferentiableTerm;

/**
 * The forward record of the reversible adjoint and its backward pass. The forward pass keeps the
 * solver state at the end of the solve ({@code y}, {@code ŷ} and the slope {@code f(t1, ŷ)}) and
 * the step times; the backward pass walks the steps from the last, reconstructing each step's
 * start exactly (up to round-off) with {@link ReversibleStepper#backwardStep} and applying the
 * step's VJP between its two ends ({@link ReversibleStepVjp#vjpBetween}). Nothing else is stored:
 * the states held do not depend on the number of steps.
 */
final class ReversibleRecording extends LoopRecording {
  /** Solver states held: the end kept by the forward pass; the backward pass works on two. */
  private static final int FORWARD_STATES = 1;
  private static final int BACKWARD_STATES = 2;

  /** The end of the forward solve and the stepper that can undo its steps. */
  static final class End {
    final double[] y;
    final double[] yHat;
    final double[] f;
    ReversibleStepper stepper;

    End(int n) {
      this.y = new double[n];
      this.yHat = new double[n];
      this.f = new double[n];
    }
  }

  private final GradientSolve problem;
  private final double[] theta;
  private final DifferentiableTerm.Evaluator f;
  private final ReversibleStepVjp step;
  private final End end;
  private final StepGrid grid;
  private final double[] times;
  private final int n;
  private long peak = FORWARD_STATES;

  ReversibleRecording(GradientSolve problem, double[] theta, DifferentiableTerm.Evaluator f,
      ReversibleStepVjp step, End end, StepGrid grid, double[] times, ForwardLoop.Result result) {
    super(result);
    this.problem = problem;
    this.theta = theta;
    this.f = f;
    this.step = step;
    this.end = end;
    this.grid = grid;
    this.times = times;
    this.n = problem.term().size();
  }

  private double time(int k) {
    return grid != null ? grid.time(k) : times[k];
  }



  /**
   * Solver states {@code (y, ŷ)} (each with its carried slope) held: 1 after the forward pass, 2
   * once a backward pass ran, whatever the number of steps.
   */
  @Override
  public long peakStoredStates() {
    return peak;
  }

  @Override
  public Gradients backward(double[][] ybar) {
    Backward.check(problem, result, ybar);
    long rates0 = f.rateEvaluations() + end.stepper.evaluations();
    long vjps0 = f.vjpEvaluations();
    // Working copies: the end stays for further backward passes.
    double[] y1 = end.y.clone();
    double[] yHat1 = end.yHat.clone();
    double[] f1 = end.f.clone();
    double[] y0 = new double[n];
    double[] yHat0 = new double[n];
    double[] f0 = new double[n];
    peak = Math.max(peak, BACKWARD_STATES);
    double[] lambda = new double[2 * n];
    double[] thetaBar = new double[theta.length];
    int[] saveStep = result.saveStep();
    int next = saveStep.length - 1;
    double tEnd = time(result.steps());
    for (int k = result.steps() - 1; k >= 0; k--) {
      next = Backward.addCotangents(ybar, saveStep, next, k + 1, lambda);
      double t = time(k);
      double h = tEnd - t;
      end.stepper.backwardStep(tEnd, h, y1, yHat1, f1, y0, yHat0, f0);
      step.vjpBetween(t, h, y0, yHat0, f0, y1, yHat1, f1, theta, lambda, thetaBar);
      double[] s = y1;
      y1 = y0;
      y0 = s;
      s = yHat1;
      yHat1 = yHat0;
      yHat0 = s;
      s = f1;
      f1 = f0;
      f0 = s;
      tEnd = t;
    }
    Backward.addCotangents(ybar, saveStep, next, 0, lambda);
    double[] y0Bar = new double[n];
    step.initialVjp(lambda, y0Bar);
    return Backward.gradients(problem, result, f, theta, y0Bar, thetaBar, ybar,
        f.rateEvaluations() + end.stepper.evaluations() - rates0, f.vjpEvaluations() - vjps0);
  }

  /** Scalars kept for the step times (0 for a fixed-step solve without save times inside). */
  long storedTimes() {
    return grid != null ? 3L * grid.runs() : times.length;
  }
}
