package org.nde4j.solve.integrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nde4j.solve.event.Event;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.stepsize.StepSizeController;
import org.nde4j.solve.term.Term;

/**
 * The entry point: one builder per solve, in the spirit of Diffrax's {@code diffeqsolve}.
 *
 * <pre>{@code
 * Solution sol = Solve.of(OdeTerm.of(3, lorenz), new Tsit5(), 0.0, 20.0, y0)
 *     .controller(PidController.of(1e-8, 1e-8))
 *     .saveAt(SaveAt.ts(ts))
 *     .run();
 * }</pre>
 *
 * <p>Defaults: an adaptive solver gets {@code PidController.of(1e-3, 1e-6)} (the tolerances of
 * SciPy and DifferentialEquations.jl), a fixed-step solver needs {@link #dt0}; {@code SaveAt.t1()};
 * at most 100 000 steps; failures are reported in the solution's status and diagnosis, and thrown
 * only with {@link #throwOnFailure(boolean)}. {@code t1 < t0} integrates backwards in time.
 */
public final class Solve {
  private final Term term;
  private final Solver solver;
  private final double t0;
  private final double t1;
  private final double[] y0;
  private double dt0 = Double.NaN;
  private StepSizeController controller;
  private SaveAt saveAt = SaveAt.t1();
  private long maxSteps = 100_000;
  private final List<Event> events = new ArrayList<>();
  private boolean throwOnFailure;
  private String[] stateNames;

  private Solve(Term term, Solver solver, double t0, double t1, double[] y0) {
    this.term = term;
    this.solver = solver;
    this.t0 = t0;
    this.t1 = t1;
    this.y0 = y0;
  }

  /**
   * A solve of {@code term} with {@code solver} from {@code (t0, y0)} to {@code t1}.
   *
   * @throws IllegalArgumentException if a time is not finite, {@code y0} does not have the term's
   *     size, or a component of {@code y0} is not finite (the message names it)
   */
  public static Solve of(Term term, Solver solver, double t0, double t1, double[] y0) {
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(solver, "solver");
    if (!Double.isFinite(t0) || !Double.isFinite(t1)) {
      throw new IllegalArgumentException("solve: t0 and t1 must be finite, got t0=" + t0
          + ", t1=" + t1);
    }
    if (y0.length != term.size()) {
      throw new IllegalArgumentException("solve: y0 has " + y0.length + " values but the term"
          + " acts on " + term.size());
    }
    for (int i = 0; i < y0.length; i++) {
      if (!Double.isFinite(y0[i])) {
        throw new IllegalArgumentException("solve: y0[" + i + "] is " + y0[i]);
      }
    }
    return new Solve(term, solver, t0, t1, y0.clone());
  }

  /** First step size (magnitude); required by fixed-step controllers. */
  public Solve dt0(double dt) {
    this.dt0 = dt;
    return this;
  }

  public Solve controller(StepSizeController c) {
    this.controller = Objects.requireNonNull(c, "controller");
    return this;
  }

  public Solve saveAt(SaveAt s) {
    this.saveAt = Objects.requireNonNull(s, "saveAt");
    return this;
  }

  /**
   * Step budget (attempted steps, accepted or rejected).
   *
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public Solve maxSteps(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("solve: maxSteps must be ≥ 1, got " + n);
    }
    this.maxSteps = n;
    return this;
  }

  public Solve events(Event... es) {
    for (Event e : es) {
      events.add(Objects.requireNonNull(e, "event"));
    }
    return this;
  }

  /** Throw a {@link SolveException} (with the partial solution) when the solve fails. */
  public Solve throwOnFailure(boolean b) {
    this.throwOnFailure = b;
    return this;
  }

  /** Names of the state components, used in diagnoses. */
  public Solve stateNames(String... names) {
    if (names.length != y0.length) {
      throw new IllegalArgumentException("solve: " + names.length + " state names for "
          + y0.length + " components");
    }
    this.stateNames = names.clone();
    return this;
  }

  /** Runs the solve. */
  public Solution run() {
    StepSizeController c = controller;
    if (c == null) {
      c = solver.isAdaptive() ? PidController.of(1e-3, 1e-6) : ConstantStepSize.create();
    }
    saveAt.validate(t0, t1);
    Solution sol = new Integrator(term, solver, c, t0, t1, y0, dt0, saveAt, maxSteps,
        events.toArray(new Event[0]), stateNames).run();
    if (throwOnFailure && !sol.status().isSuccess()) {
      throw new SolveException(sol);
    }
    return sol;
  }
}
