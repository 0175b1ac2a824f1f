package org.nde4j.solve.adjoint;

import java.util.Set;
import java.util.function.Consumer;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.integrate.Stats;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.integrate.Stepping;
import org.nde4j.solve.solver.DenseSegment;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.solver.sde.NoiseOrders;
import org.nde4j.solve.solver.sde.SdeSolver;
import org.nde4j.solve.stepsize.ClipController;
import org.nde4j.solve.stepsize.StepSizeController;
import org.nde4j.solve.term.SdeTerm;
import org.nde4j.solve.term.SdeType;
import org.nde4j.solve.term.Term;

/**
 * The forward solve shared by the adjoints: steps the bound term with the problem's solver and
 * controller, forcing step ends at the save times (or, with {@link SaveMode#INTERPOLATED}, reading
 * the save times inside a step from its dense output), and reports every accepted step to a
 * listener.
 * With a {@link SteadyState} condition the solve stops after the first step whose end satisfies it
 * (one extra evaluation of the field per step); the states saved from then on are that end state.
 */
final class ForwardLoop {
  /** Receives each accepted step {@code k} from {@code (t, y)} to {@code (tNext, yNext)}. */
  interface Listener {
    void accepted(int k, double t, double tNext, double[] y, double[] yNext);

    /**
     * Shows the listener the solve's stepper before the first step (solvers that carry more than
     * {@code y} from step to step, such as reversible ones, expose it there). The stepper has
     * not yet been told of the acceptance of the step being reported when {@link #accepted} runs.
     */
    default void started(Stepper stepper) {}
  }

  /**
   * Decides after each accepted step whether a terminal event happened inside it (the adjoints that
   * differentiate events); {@code stepping}'s dense output covers the step.
   */
  interface Terminal {
    /**
     * @return true to end the solve with {@link Status#EVENT}: the step is then neither reported
     *     to the listener nor counted, and no save time inside it is recorded
     */
    boolean stops(double t, double tNext, double[] y, double[] yNext, Stepping stepping);
  }

  /**
   * What the forward solve produced. {@code saveStep[i]} is the number of steps taken before
   * {@code ys[i]} was saved: the step it ends ({@code ts_i} equal to that step end), or, for a save
   * time read from the dense output of step {@code k} (strictly inside it), {@code k}. {@code
   * saveRates} (null when no save was interpolated) holds for interpolated saves of explicit
   * Runge–Kutta methods the interpolant's slope {@code dY_i/dts_i} (null rows otherwise).
   */
  record Result(double[][] ys, int[] saveStep, int steps, Status status, Stats stats,
      double[][] saveRates) {
    Result(double[][] ys, int[] saveStep, int steps, Status status, Stats stats) {
      this(ys, saveStep, steps, status, stats, null);
    }
  }

  private ForwardLoop() {}

  static Result run(GradientSolve p, Term term, Listener listener) {
    return run(p, term, p.y0(), p.controller(), p.dt0(), listener, null, null);
  }

  /**
   * As {@link #run(GradientSolve, Term, Listener)}, handing each accepted step's dense output to
   * {@code dense} (unless null) before the listener sees the step.
   */
  static Result run(GradientSolve p, Term term, Listener listener,
      Consumer<DenseSegment> dense) {
    return run(p, term, p.y0(), p.controller(), p.dt0(), listener, null, dense);
  }

  /**
   * The forward solve of {@code term} (any size, e.g. a state augmented with sensitivities) from
   * {@code y0} with {@code controller} and first step {@code dt0} (NaN: the controller chooses),
   * stopping where {@code terminal} (nullable) says.
   */
  static Result run(GradientSolve p, Term term, double[] y0, StepSizeController controller,
      double dt0, Listener listener, Terminal terminal) {
    return run(p, term, y0, controller, dt0, listener, terminal, null);
  }

  private static Result run(GradientSolve p, Term term, double[] y0,
      StepSizeController controller, double dt0, Listener listener, Terminal terminal,
      Consumer<DenseSegment> dense) {
    double[] ts = p.ts();
    boolean interpolate = p.interpolatesSaves();
    double[] interior = new double[ts.length];
    int m = 0;
    for (double s : ts) {
      if (s != p.t0() && s != p.t1() && !interpolate) {
        interior[m++] = s;
      }
    }
    double dir = Math.signum(p.t1() - p.t0());
    CapturingSolver solver = p.solver() instanceof SdeSolver sde ? new CapturingSdeSolver(sde)
        : new CapturingSolver(p.solver());
    Stepping stepping = Stepping.start(term, solver,
        ClipController.of(controller, java.util.Arrays.copyOf(interior, m), null), p.t0(),
        p.t1(), y0, dt0);
    int n = term.size();
    double[][] ys = new double[ts.length][];
    int[] saveStep = new int[ts.length];
    double[][] saveRates = interpolate ? new double[ts.length][] : null;
    InterpolantSlope slope = interpolate ? InterpolantSlope.of(p.solver()) : null;
    int next = 0;
    double[] y = y0.clone();
    double[] yNext = new double[n];
    while (next < ts.length && ts[next] == p.t0()) {
      ys[next] = y.clone();
      saveStep[next++] = 0;
    }
    listener.started(solver.stepper);
    SteadyState steady = p.steadyState();
    double[] rate = steady == null ? null : new double[n];
    int k = 0;
    Status status = null;
    while (status == null) {
      if (k >= p.maxSteps()) {
        status = Status.MAX_STEPS;
        break;
      }
      double t = stepping.t();
      if (!stepping.step()) {
        status = stepping.status();
        break;
      }
      stepping.copyY(yNext);
      if (terminal != null && terminal.stops(t, stepping.t(), y, yNext, stepping)) {
        status = Status.EVENT;
        break;
      }
      if (dense != null) {
        dense.accept(stepping.denseSegment());
      }
      while (interpolate && next < ts.length && (ts[next] - stepping.t()) * dir < 0) {
        double[] ys1 = new double[n];
        stepping.interpolate(ts[next], ys1);
        ys[next] = ys1;
        if (slope != null) {
          saveRates[next] = slope.at(solver.stepper, (ts[next] - t) / (stepping.t() - t));
        }
        saveStep[next++] = k;
      }
      listener.accepted(k, t, stepping.t(), y, yNext);
      k++;
      while (next < ts.length && ts[next] == stepping.t()) {
        ys[next] = yNext.clone();
        saveStep[next++] = k;
      }
      double[] swap = y;
      y = yNext;
      yNext = swap;
      if (stepping.isDone()) {
        status = stepping.status();
      } else if (steady != null) {
        term.rate(stepping.t(), y, rate);
        if (steady.holds(y, rate)) {
          while (next < ts.length) {
            ys[next] = y.clone();
            saveStep[next++] = k;
          }
          status = Status.SUCCESS;
        }
      }
    }
    return new Result(ys, saveStep, k, status, stepping.stats(), saveRates);
  }

  /** The problem's solver, remembering the stepper it makes for the solve. */
  private static class CapturingSolver implements Solver {
    private final Solver inner;
    private Stepper stepper;

    CapturingSolver(Solver inner) {
      this.inner = inner;
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public int order() {
      return inner.order();
    }

    @Override
    public int errorOrder() {
      return inner.errorOrder();
    }

    @Override
    public int interpolationOrder() {
      return inner.interpolationOrder();
    }

    @Override
    public boolean isMultistep() {
      return inner.isMultistep();
    }

    @Override
    public boolean isAdaptive() {
      return inner.isAdaptive();
    }

    @Override
    public Class<? extends Term> termType() {
      return inner.termType();
    }

    @Override
    public Stepper stepper(Term term) {
      stepper = inner.stepper(term);
      return stepper;
    }
  }

  /** A {@link CapturingSolver} of an SDE solver, still seen as one by the solve loop. */
  private static final class CapturingSdeSolver extends CapturingSolver implements SdeSolver {
    private final SdeSolver sde;

    CapturingSdeSolver(SdeSolver sde) {
      super(sde);
      this.sde = sde;
    }

    @Override
    public Set<SdeType> sdeTypes() {
      return sde.sdeTypes();
    }

    @Override
    public LevyArea levyArea() {
      return sde.levyArea();
    }

    @Override
    public NoiseOrders strongOrders() {
      return sde.strongOrders();
    }

    @Override
    public NoiseOrders weakOrders() {
      return sde.weakOrders();
    }

    @Override
    public String refusal(SdeTerm term) {
      return sde.refusal(term);
    }

    @Override
    public Class<? extends Term> termType() {
      return sde.termType();
    }
  }
}
