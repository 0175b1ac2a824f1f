package org.nde4j.solve.adjoint;

import java.util.ArrayList;
import java.util.List;
import org.nde4j.solve.adjoint.ContinuousAdjoint.Kind;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.integrate.Stepping;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.rk.AbstractExplicitRk;
import org.nde4j.solve.stepsize.StepSizeController;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.solve.term.Term;

/**
 * The forward record of a {@link ContinuousAdjoint} and its backward pass. The forward solve keeps
 * <i>knots</i>: {@code t0}, the save times and (with checkpoints every {@code k} steps) every
 * {@code k}-th step end, with their states, and, for the interpolating and quadrature adjoints
 * without checkpoints, every step's dense output. The backward pass solves the adjoint system
 * from knot to knot towards {@code t0}, restarting the solver at each (where {@code λ} jumps by
 * the save times' cotangents and backsolve's {@code y} restarts from the stored state). For an
 * SDE solve the backward system is the adjoint SDE of {@link AdjointSde} on the same Brownian
 * motion.
 *
 * <p>{@link #peakStoredStates()} counts the knots, the dense segments held (as the states each
 * holds: {@code stages + 1} for explicit Runge–Kutta methods, 4 for the cubic Hermite segments of
 * other solvers) and the backward pass's {@code y} and {@code λ}.
 */
final class ContinuousRecording extends LoopRecording {
  private final GradientSolve problem;
  private final ContinuousAdjoint adjoint;
  private final double[] theta;
  private final DifferentiableTerm.Evaluator f;
  /** The drift and diffusion of an SDE solve (null for an ODE). */
  private final SdeFields sde;
  private final double[] knotT;
  private final double[][] knotY;
  private final int[] saveKnot;
  private final DenseTrajectory dense;
  private final Solver backSolver;
  private final StepSizeController backController;
  private final Term bound;
  private final int n;
  private final int segmentStates;
  private final long held;
  private long peak;

  private ContinuousRecording(GradientSolve p, ContinuousAdjoint adjoint, double[] theta,
      Term bound, ForwardLoop.Result result, Knots knots, DenseTrajectory dense) {
    super(result);
    this.problem = p;
    this.adjoint = adjoint;
    this.theta = theta;
    this.sde = p.sdeTerm() == null ? null : AdjointSde.fields(p);
    this.f = sde == null ? p.term().evaluator() : sde.counted();
    this.bound = bound;
    this.knotT = knots.times.toArray();
    this.knotY = new double[knotT.length][];
    for (int j = 0; j < knotY.length; j++) {
      knotY[j] = knots.states.get(j);
    }
    for (int i = 0; i < result.ys().length; i++) {
      // Save times' knots share the saved states rather than copying them.
      if (result.ys()[i] != null && knotY[knots.saveKnot[i]] == null) {
        knotY[knots.saveKnot[i]] = result.ys()[i];
      }
    }
    this.saveKnot = knots.saveKnot;
    this.dense = dense;
    this.backSolver = adjoint.backwardSolver(p);
    this.backController = adjoint.backwardController(p);
    this.n = p.term().size();
    this.segmentStates = segmentStates(p.solver());
    this.held = knotT.length + (dense == null ? 0 : (long) dense.size() * segmentStates);
    this.peak = held;
  }

  /** Runs the forward solve of {@code p}, keeping what {@code adjoint} needs. */
  static ContinuousRecording record(GradientSolve p, ContinuousAdjoint adjoint) {
    double[] theta = p.theta();
    Term bound = p.bound(theta);
    Knots knots = new Knots(p, adjoint.every());
    DenseTrajectory dense =
        adjoint.kind() != Kind.BACKSOLVE && adjoint.every() == 0 ? new DenseTrajectory() : null;
    ForwardLoop.Result r = ForwardLoop.run(p, bound, knots, dense == null ? null : dense::add);
    return new ContinuousRecording(p, adjoint, theta, bound, r, knots, dense);
  }

  /** States held by one dense segment of {@code solver}'s stepper. */
  private static int segmentStates(Solver solver) {
    return solver instanceof AbstractExplicitRk rk ? rk.tableau().stages() + 1 : 4;
  }



  @Override
  public long peakStoredStates() {
    return peak;
  }

  @Override
  public Gradients backward(double[][] ybar) {
    Backward.check(problem, result, ybar);
    long rates0 = f.rateEvaluations();
    long vjps0 = f.vjpEvaluations();
    Kind kind = adjoint.kind();
    int p = theta.length;
    double[] z = new double[adjoint.systemSize(problem.term())];
    int lam = kind == Kind.BACKSOLVE ? n : 0;
    double[] quadratureBar = kind == Kind.QUADRATURE ? new double[p] : null;
    Term system;
    InterpolatedAdjointSystem interpolated = null;
    if (sde != null) {
      system = AdjointSde.of(sde, theta, problem.brownian());
    } else if (kind == Kind.BACKSOLVE) {
      system = new BacksolveSystem(f, theta, n);
    } else {
      interpolated = new InterpolatedAdjointSystem(f, theta, n, kind == Kind.INTERPOLATING);
      system = interpolated;
    }
    ParameterQuadrature quadrature =
        kind == Kind.QUADRATURE ? new ParameterQuadrature(f, theta, n) : null;
    long working = kind == Kind.BACKSOLVE ? 2 : 1;
    peak = Math.max(peak, held + working);
    int last = 0;
    for (int k : saveKnot) {
      last = Math.max(last, k);
    }
    Backsteps counter = new Backsteps();
    double carried = Double.NaN;
    for (int j = last; j > 0; j--) {
      jump(j, ybar, z, lam);
      if (kind == Kind.BACKSOLVE && (j == last || adjoint.restarts())) {
        System.arraycopy(knotY[j], 0, z, 0, n);
      }
      DenseTrajectory from = null;
      if (interpolated != null) {
        from = dense != null ? dense : resolve(j - 1, j, counter, working);
        interpolated.read(from);
      }
      carried = solveBack(system, j, z, counter, quadrature, from, quadratureBar, carried);
    }
    jump(0, ybar, z, lam);
    double[] lambda = java.util.Arrays.copyOfRange(z, lam, lam + n);
    double[] thetaBar = quadratureBar != null ? quadratureBar
        : java.util.Arrays.copyOfRange(z, lam + n, lam + n + p);
    return Backward.gradients(problem, result, f, theta, lambda, thetaBar, ybar,
        f.rateEvaluations() - rates0 + counter.forwardRates, f.vjpEvaluations() - vjps0);
  }

  /** Adds the cotangents of the save times at knot {@code j} to {@code λ}. */
  private void jump(int j, double[][] ybar, double[] z, int lam) {
    for (int i = 0; i < saveKnot.length; i++) {
      if (saveKnot[i] == j) {
        for (int q = 0; q < n; q++) {
          z[lam + q] += ybar[i][q];
        }
      }
    }
  }

  /** Backward steps and re-solved forward evaluations of one backward pass. */
  private static final class Backsteps {
    long steps;
    long forwardRates;
  }

  /**
   * Solves the backward system in {@code z} from knot {@code j} to knot {@code j − 1}. An adaptive
   * backward solve starts with {@code carried}, the largest step the previous interval accepted
   * (NaN for the first: the controller estimates one), as one backward solve through the save
   * times would continue (SciMLSensitivity's adjoints do), instead of estimating a cautious first
   * step again for every interval; a step too large is rejected and shrunk as any other.
   *
   * @return the largest step magnitude accepted in this interval
   */
  private double solveBack(Term system, int j, double[] z, Backsteps counter,
      ParameterQuadrature quadrature, DenseTrajectory from, double[] quadratureBar,
      double carried) {
    double dt0 = backController.isAdaptive() ? carried : problem.dt0();
    Stepping s = Stepping.start(system, backSolver, backController, knotT[j], knotT[j - 1], z,
        dt0);
    double largest = 0;
    while (s.step()) {
      largest = Math.max(largest, Math.abs(s.t() - s.previousT()));
      if (++counter.steps > problem.maxSteps()) {
        throw new IllegalStateException(adjoint.name() + " adjoint: the backward solve needs more"
            + " than maxSteps = " + problem.maxSteps() + " steps (at t = " + s.t() + "); raise"
            + " GradientSolve.maxSteps, loosen the backward tolerances, or use"
            + " Adjoint.checkpointed(budget)");
      }
      if (quadrature != null) {
        quadrature.add(s, from, quadratureBar);
      }
    }
    if (s.status() != Status.SUCCESS) {
      throw new IllegalStateException(adjoint.name() + " adjoint: the backward solve from t = "
          + knotT[j] + " to " + knotT[j - 1] + " ended with " + s.status() + " at t = " + s.t()
          + (adjoint.kind() == Kind.BACKSOLVE
              ? "; reconstructing y backwards may be unstable: try withCheckpointEvery(k),"
                  + " Adjoint.interpolating() or Adjoint.checkpointed(budget)"
              : "; try other backward tolerances or solver (withController, withSolver)"));
    }
    s.copyY(z);
    return largest > 0 ? largest : Double.NaN;
  }

  /**
   * Re-solves the forward stretch from knot {@code a} to knot {@code b} with dense output (the
   * checkpointed interpolating and quadrature adjoints).
   */
  private DenseTrajectory resolve(int a, int b, Backsteps counter, long working) {
    DenseTrajectory stretch = new DenseTrajectory();
    Stepping s = Stepping.start(bound, problem.solver(), problem.controller(), knotT[a], knotT[b],
        knotY[a], problem.dt0());
    while (s.step()) {
      stretch.add(s.denseSegment());
    }
    if (s.status() != Status.SUCCESS) {
      throw new IllegalStateException(adjoint.name() + " adjoint: re-solving the forward stretch"
          + " from t = " + knotT[a] + " to " + knotT[b] + " ended with " + s.status());
    }
    counter.forwardRates += s.stats().nfe();
    peak = Math.max(peak, held + working + (long) stretch.size() * segmentStates);
    return stretch;
  }

  /**
   * Collects the knots during the forward solve: {@code t0}, each save time (its state is taken
   * from the saved states afterwards; a save read from a step's dense output comes before that
   * step's end) and every {@code every}-th step end.
   */
  private static final class Knots implements ForwardLoop.Listener {
    final StepTimes times = new StepTimes();
    final List<double[]> states = new ArrayList<>();
    final int[] saveKnot;
    private final double[] ts;
    private final int every;
    private final double dir;
    private int nextSave;

    Knots(GradientSolve p, int every) {
      this.ts = p.ts();
      this.every = every;
      this.saveKnot = new int[ts.length];
      this.dir = Math.signum(p.t1() - p.t0());
      times.add(p.t0());
      states.add(p.y0());
      while (nextSave < ts.length && ts[nextSave] == p.t0()) {
        saveKnot[nextSave++] = 0;
      }
    }

    @Override
    public void accepted(int k, double t, double tNext, double[] y, double[] yNext) {
      // save times read from this step's dense output (SaveMode.INTERPOLATED)
      while (nextSave < ts.length && (ts[nextSave] - tNext) * dir < 0) {
        saveKnot[nextSave] = states.size();
        times.add(ts[nextSave++]);
        states.add(null);
      }
      boolean save = nextSave < ts.length && ts[nextSave] == tNext;
      boolean checkpoint = every > 0 && (k + 1) % every == 0;
      if (!save && !checkpoint) {
        return;
      }
      int j = states.size();
      times.add(tNext);
      states.add(save ? null : yNext.clone());
      while (nextSave < ts.length && ts[nextSave] == tNext) {
        saveKnot[nextSave++] = j;
      }
    }
  }
}
