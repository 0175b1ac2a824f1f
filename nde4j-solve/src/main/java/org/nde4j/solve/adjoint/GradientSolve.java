package org.nde4j.solve.adjoint;

import java.util.Objects;
import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.solve.event.Direction;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.reversible.ReversibleHeun;
import org.nde4j.solve.solver.rk.AbstractExplicitRk;
import org.nde4j.solve.solver.sde.SdeSolver;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.stepsize.StepSizeController;
import org.nde4j.solve.term.DifferentiableSdeTerm;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.solve.term.Term;
import org.nde4j.tensor.TensorFn;

/**
 * A solve whose saved states can be differentiated with respect to {@code y0}, the parameters
 * {@code θ}, {@code t0}, {@code t1} and the save times: {@code Y_i = y(ts_i)} for {@code dy/dt =
 * f(t, y, θ)}, {@code y(t0) = y0}. The {@link Adjoint} runs the forward solve and computes the
 * gradients.
 *
 * <pre>{@code
 * Recording r = GradientSolve.of(term, new Tsit5(), 0, 10, y0, theta)
 *     .controller(PidController.of(1e-8, 1e-8)).saveAt(ts).adjoint(Adjoint.checkpointed(64))
 *     .forward();
 * Gradients g = r.backward(dLdY);          // g.y0(), g.theta(), g.t0(), g.ts(), g.t1()
 * }</pre>
 *
 * <p>By default steps land exactly on the save times (they are forced step ends, as with a {@link
 * org.nde4j.solve.stepsize.ClipController}), so saved states are step results, not
 * interpolations; {@link #saveMode}{@code (SaveMode.INTERPOLATED)} reads them from the solver's
 * dense output instead (fewer steps when the save times are dense). Time gradients use {@code dY/dts = f(ts, Y)} and {@code ∂L/∂t0 = −λ(t0)·f(t0,
 * y0)} with the adjoint state {@code λ(t0) = ∂L/∂y0}.
 */
public final class GradientSolve {
  private final DifferentiableTerm term;
  private final Solver solver;
  private final double t0;
  private final double t1;
  private final double[] y0;
  private final double[] theta;
  private final DifferentiableSdeTerm sdeTerm;
  private final BrownianMotion brownian;
  private double[] ts;
  private double dt0 = Double.NaN;
  private StepSizeController controller;
  private long maxSteps = 100_000;
  private Adjoint adjoint = Adjoint.auto();
  private SteadyState steadyState;
  private TerminalEvent event;
  private Recording recycled;
  private SaveMode saveMode = SaveMode.STEP_ENDS;
  /** Whether the running forward solve reads its saves from the dense output (set by forward). */
  private boolean interpolating;

  private GradientSolve(DifferentiableTerm term, Solver solver, double t0, double t1,
      double[] y0, double[] theta) {
    this(term, solver, t0, t1, y0, theta, null, null);
  }

  private GradientSolve(DifferentiableTerm term, Solver solver, double t0, double t1,
      double[] y0, double[] theta, DifferentiableSdeTerm sdeTerm, BrownianMotion brownian) {
    this.sdeTerm = sdeTerm;
    this.brownian = brownian;
    this.term = term;
    this.solver = solver;
    this.t0 = t0;
    this.t1 = t1;
    this.y0 = y0.clone();
    this.theta = theta.clone();
    this.ts = new double[] {t1};
  }

  /**
   * A differentiable solve from {@code (t0, y0)} to {@code t1} with parameters {@code theta}.
   *
   * @throws IllegalArgumentException as {@link Solve#of} does for bad times or states, or if
   *     {@code theta} does not have the term's number of parameters or is not finite
   */
  public static GradientSolve of(DifferentiableTerm term, Solver solver, double t0, double t1,
      double[] y0, double[] theta) {
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(theta, "theta");
    Solve.of(term.bind(theta), solver, t0, t1, y0);
    for (int i = 0; i < theta.length; i++) {
      if (!Double.isFinite(theta[i])) {
        throw new IllegalArgumentException("gradient solve: theta[" + i + "] is " + theta[i]);
      }
    }
    if (t0 == t1) {
      throw new IllegalArgumentException("gradient solve: t0 and t1 are both " + t0);
    }
    return new GradientSolve(term, solver, t0, t1, y0, theta);
  }

  /**
   * A differentiable solve of the SDE {@code dy = f(t, y, θ) dt + g(t, y, θ) dW} driven by the
   * Brownian motion {@code bm} (one path: the backward pass re-queries the same increments, so
   * the gradients are those of the solve along this path). Gradients with respect to {@code y0}
   * and {@code θ}; the time gradients of {@link Gradients} are NaN (along a Brownian path {@code
   * y(t)} has no time derivative). Adjoints: {@link Adjoint#discrete()} and {@link
   * Adjoint#checkpointed(int)} (the exact gradient of the discretised solve, for the stochastic
   * Runge–Kutta methods, the additive-noise methods SRA1, ShARK, SEA and stochastic reversible
   * Heun), {@link Adjoint#reversible()} (the same
   * gradient in {@code O(1)} memory for {@code stochastic_reversible_heun}), {@link
   * Adjoint#backsolve()} (the stochastic adjoint of Li et al., AISTATS 2020: the adjoint SDE solved
   * backwards on the same path, {@code O(1)} memory, Stratonovich terms) and {@link
   * Adjoint#auto()}; no events, no steady state. With constant steps the step ends must lie
   * on {@code bm}'s grid when it is a {@link org.nde4j.solve.brownian.BrownianGrid}.
   *
   * @throws IllegalArgumentException as {@link #of(DifferentiableTerm, Solver, double, double,
   *     double[], double[])}, if {@code bm} does not have the term's number of channels, or if
   *     {@code solver} refuses the term (wrong SDE type, missing Lévy area; the message names the
   *     solvers that would work)
   */
  public static GradientSolve of(DifferentiableSdeTerm term, BrownianMotion bm, SdeSolver solver,
      double t0, double t1, double[] y0, double[] theta) {
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(bm, "bm");
    Objects.requireNonNull(theta, "theta");
    Objects.requireNonNull(solver, "solver");
    GradientSolve.of(term.drift(), solver, t0, t1, y0, theta);
    solver.stepper(term.bind(theta, bm));
    return new GradientSolve(term.drift(), solver, t0, t1, y0, theta, term, bm);
  }

  /**
   * The save times (default: {@code t1} alone), strictly monotone in the direction of
   * integration, within {@code [t0, t1]}.
   *
   * @throws IllegalArgumentException naming the offending entry otherwise
   */
  public GradientSolve saveAt(double... times) {
    if (times.length == 0) {
      throw new IllegalArgumentException("gradient solve: saveAt needs at least one time");
    }
    double dir = Math.signum(t1 - t0);
    for (int i = 0; i < times.length; i++) {
      double s = times[i];
      if (!Double.isFinite(s) || (s - t0) * dir < 0 || (s - t1) * dir > 0) {
        throw new IllegalArgumentException("gradient solve: save time ts[" + i + "] = " + s
            + " is not within [t0, t1] = [" + t0 + ", " + t1 + "]");
      }
      if (i > 0 && (s - times[i - 1]) * dir <= 0) {
        throw new IllegalArgumentException("gradient solve: save times must be strictly "
            + (dir > 0 ? "increasing" : "decreasing") + ", but ts[" + i + "] = " + s
            + " follows ts[" + (i - 1) + "] = " + times[i - 1]);
      }
    }
    this.ts = times.clone();
    return this;
  }

  /**
   * How the saved states are produced (default {@link SaveMode#STEP_ENDS}): forced step ends, or
   * read from the dense output ({@link SaveMode#INTERPOLATED}; {@link
   * SaveMode#INTERPOLATED_WHERE_SUPPORTED} falls back to step ends where the adjoint or solver
   * cannot differentiate the interpolation).
   */
  public GradientSolve saveMode(SaveMode mode) {
    this.saveMode = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /** The save mode as set ({@link #saveMode(SaveMode)}). */
  public SaveMode saveMode() {
    return saveMode;
  }

  /**
   * Whether this solve, with its adjoint and solver as set now, can read its saved states from
   * the dense output ({@link SaveMode#INTERPOLATED}).
   */
  public boolean supportsInterpolatedSaves() {
    return interpolationObstacle() == null;
  }

  /** Whether the forward solve running reads interior saves from the dense output. */
  boolean interpolatesSaves() {
    return interpolating;
  }

  /** Why this solve cannot interpolate its saves, or null if it can. */
  private String interpolationObstacle() {
    if (event != null) {
      return "a terminal event (its crossing is located between step ends)";
    }
    if (adjoint instanceof ContinuousAdjoint || adjoint instanceof ForwardSensitivity
        || adjoint instanceof ImplicitAdjoint) {
      return null;
    }
    if (adjoint instanceof AutoAdjoint && solver instanceof ReversibleHeun) {
      return "Adjoint.auto() on reversible_heun (it picks the reversible adjoint, which adds the"
          + " save times' cotangents at step ends)";
    }
    if (adjoint instanceof DiscreteAdjoint || adjoint instanceof AutoAdjoint) {
      if (solver instanceof AbstractExplicitRk rk) {
        return rk.interpolant().extraStages() == 0 ? null : "adjoint " + adjoint.name()
            + " on " + solver.name() + ", whose dense output evaluates extra stages";
      }
      return "adjoint " + adjoint.name() + " on " + solver.name() + " (not an explicit"
          + " Runge–Kutta method)";
    }
    return "adjoint " + adjoint.name();
  }

  /** The step-size controller (default: PID with rtol 1e-3, atol 1e-6, as {@link Solve}). */
  public GradientSolve controller(StepSizeController c) {
    this.controller = Objects.requireNonNull(c, "controller");
    return this;
  }

  /** First step size (magnitude); required by fixed-step controllers. */
  public GradientSolve dt0(double dt) {
    this.dt0 = dt;
    return this;
  }

  /**
   * Most accepted steps before the forward solve stops with {@code MAX_STEPS}.
   *
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public GradientSolve maxSteps(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("gradient solve: maxSteps must be ≥ 1, got " + n);
    }
    this.maxSteps = n;
    return this;
  }

  /**
   * Integrates to equilibrium: the solve stops after the first step whose end state {@code y*}
   * satisfies {@code |f_i(t, y*, θ)| ≤ atol + rtol·|y*_i|} for every component (checked after each
   * accepted step, one extra evaluation of the field per step), and its output is {@code y*};
   * {@code t1} is only the horizon within which the equilibrium must be reached. The state saved
   * is that of {@code y*}, so {@link #saveAt} must keep its default ({@code t1} alone). Needed by
   * {@link Adjoint#implicit()}; the other adjoints differentiate the solve up to the stopping step.
   * Tight tolerances need a step map that keeps contracting near the equilibrium: constant steps
   * inside the solver's stability region, or an L-stable implicit solver ({@code kvaerno5}); an
   * adaptive explicit solver grows its step to the edge of stability, where the approach stalls.
   *
   * @throws IllegalArgumentException if a tolerance is negative or not finite, or both are 0
   */
  public GradientSolve untilSteadyState(double rtol, double atol) {
    this.steadyState = new SteadyState(rtol, atol);
    return this;
  }

  /** How gradients are computed (default {@link Adjoint#auto()}). */
  public GradientSolve adjoint(Adjoint a) {
    this.adjoint = Objects.requireNonNull(a, "adjoint");
    return this;
  }

  /**
   * A terminal event: the solve stops where {@code g(t, y)} first crosses zero in {@code
   * direction} (checked between consecutive step ends, then located to round-off), and the event
   * time {@code t*} and state {@code y(t*)} become differentiable outputs ({@link EventRecording}).
   * Differentiated by {@link Adjoint#discrete()}, {@link Adjoint#checkpointed(int)}, {@link
   * Adjoint#auto()} and {@link Adjoint#forwardMode()}.
   *
   * @throws NullPointerException if an argument is null
   */
  public GradientSolve event(DifferentiableEvent g, Direction direction) {
    this.event = new TerminalEvent(Objects.requireNonNull(g, "g"),
        Objects.requireNonNull(direction, "direction"), null);
    return this;
  }

  /**
   * A terminal event with a reset {@code y+ = r(t*, y−)}, a tensor function of {@code (t, y)}
   * returning a tensor of the state's shape (traced once; its VJP and JVP carry gradients from
   * {@code y+}): the state a continued solve (the next bounce) would start from.
   *
   * @throws org.nde4j.tensor.ShapeException if {@code reset} does not return the state's shape
   */
  public GradientSolve event(DifferentiableEvent g, Direction direction, TensorFn reset) {
    Objects.requireNonNull(reset, "reset");
    this.event = new TerminalEvent(Objects.requireNonNull(g, "g"),
        Objects.requireNonNull(direction, "direction"),
        DifferentiableTerm.of(in -> reset.apply(in[0], in[1]), term.size(), 0));
    return this;
  }

  /**
   * Lets the forward solve reuse the storage of {@code previous}, the recording of an earlier
   * gradient solve that is no longer needed (typically the last training iteration's): the
   * adjoints that keep large per-step records (the full-storage discrete adjoint of an explicit
   * Runge–Kutta method keeps the residuals of every stage) take its arrays instead of allocating
   * new ones, which spares the allocation and keeps the memory in cache when the same solve runs
   * many times. Adjoints with nothing to reuse ignore it; so does a {@code previous} of another
   * term or adjoint. Once {@link #forward()} has run, {@code previous} must not be differentiated
   * again: its {@link Recording#backward} throws {@link IllegalStateException} (its saved states
   * and stats stay readable).
   *
   * <pre>{@code
   * Recording r = null;
   * for (int it = 0; it < iterations; it++) {
   *   r = GradientSolve.of(term, new Dopri5(), 0, 1, y0, theta).saveAt(ts).recycling(r).forward();
   *   Gradients g = r.backward(dLdY(r.ys()));
   *   ...
   * }
   * }</pre>
   *
   * @param previous an earlier recording, or null (nothing to reuse)
   */
  public GradientSolve recycling(Recording previous) {
    this.recycled = previous;
    return this;
  }

  /** The recording whose storage the forward solve may reuse ({@link #recycling}), or null. */
  Recording recycled() {
    return recycled;
  }

  /** The terminal event, or null. */
  TerminalEvent terminalEvent() {
    return event;
  }

  /**
   * Runs the forward solve with the chosen adjoint. With a terminal event the result is an {@link
   * EventRecording} (see {@link #forwardToEvent()}).
   *
   * @throws IllegalArgumentException before solving if the adjoint cannot differentiate this
   *     problem (the message names alternatives), or if a steady-state condition is combined with
   *     save times other than {@code t1}
   */
  public Recording forward() {
    if (sdeTerm != null) {
      refuseForSde();
    }
    if (steadyState != null && (ts.length != 1 || ts[0] != t1)) {
      throw new IllegalArgumentException("gradient solve: untilSteadyState outputs the equilibrium"
          + " state alone, so saveAt must keep its default (t1 = " + t1 + "); got "
          + ts.length + " save time(s) " + java.util.Arrays.toString(ts));
    }
    if (event != null && !(adjoint instanceof DiscreteAdjoint
        || adjoint instanceof ForwardSensitivity || adjoint instanceof AutoAdjoint)) {
      throw new IllegalArgumentException("gradient solve: adjoint " + adjoint.name() + " does not"
          + " differentiate events; use Adjoint.discrete(), checkpointed(budget), auto() or"
          + " forwardMode()");
    }
    String obstacle = saveMode == SaveMode.STEP_ENDS ? "" : interpolationObstacle();
    if (saveMode == SaveMode.INTERPOLATED && obstacle != null) {
      throw new IllegalArgumentException("gradient solve: SaveMode.INTERPOLATED is not supported"
          + " with " + obstacle + "; use SaveMode.STEP_ENDS (or INTERPOLATED_WHERE_SUPPORTED),"
          + " or interpolate with Adjoint.discrete()/checkpointed(budget)/auto() on dopri5,"
          + " tsit5, dopri8, bosh3 or euler, or with backsolve(), interpolating(), quadrature()"
          + " or forwardMode() on any solver");
    }
    interpolating = obstacle == null;
    try {
      return adjoint.forward(this);
    } finally {
      // The recording this solve returns keeps this object; keeping the previous recording too
      // would chain every recording of a training loop, each with its stored states.
      recycled = null;
    }
  }

  private void refuseForSde() {
    if (!(adjoint instanceof DiscreteAdjoint || adjoint instanceof ReversibleAdjoint
        || adjoint instanceof AutoAdjoint || adjoint instanceof ContinuousAdjoint)) {
      throw new IllegalArgumentException("gradient solve: adjoint " + adjoint.name() + " does not"
          + " differentiate SDE solves (it integrates the deterministic sensitivity equations);"
          + " use Adjoint.discrete(), checkpointed(budget), reversible() (with"
          + " stochastic_reversible_heun), backsolve() (the stochastic adjoint) or auto()");
    }
    if (event != null || steadyState != null) {
      throw new IllegalArgumentException("gradient solve: an SDE solve is differentiated up to t1;"
          + " terminal events and steady states are for ODEs");
    }
  }

  /** The steady-state condition, or null when the solve runs to {@code t1}. */
  public SteadyState steadyState() {
    return steadyState;
  }

  /**
   * {@link #forward()} for a solve with a terminal event, typed as its result is.
   *
   * @throws IllegalStateException if no event was set ({@link #event})
   * @throws IllegalArgumentException as {@link #forward()}
   */
  public EventRecording forwardToEvent() {
    if (event == null) {
      throw new IllegalStateException("gradient solve: forwardToEvent() needs a terminal event;"
          + " set one with event(g, direction), or call forward()");
    }
    return (EventRecording) forward();
  }

  /** The differentiable vector field (for an SDE solve: the drift). */
  public DifferentiableTerm term() {
    return term;
  }

  /** The differentiable SDE of an SDE solve, or null for an ODE solve. */
  public DifferentiableSdeTerm sdeTerm() {
    return sdeTerm;
  }

  /** The Brownian motion of an SDE solve, or null for an ODE solve. */
  public BrownianMotion brownian() {
    return brownian;
  }

  /** The equation with {@code θ} fixed, as the forward solver steps it. */
  Term bound(double[] params) {
    return sdeTerm != null ? sdeTerm.bind(params, brownian) : term.bind(params);
  }

  public Solver solver() {
    return solver;
  }

  public double t0() {
    return t0;
  }

  public double t1() {
    return t1;
  }

  /** A copy of the initial state. */
  public double[] y0() {
    return y0.clone();
  }

  /** A copy of the parameters. */
  public double[] theta() {
    return theta.clone();
  }

  /** A copy of the save times. */
  public double[] ts() {
    return ts.clone();
  }

  public double dt0() {
    return dt0;
  }

  /** The controller, or the default for the solver when none was set. */
  public StepSizeController controller() {
    if (controller != null) {
      return controller;
    }
    return solver.isAdaptive() ? PidController.of(1e-3, 1e-6) : ConstantStepSize.create();
  }

  public long maxSteps() {
    return maxSteps;
  }

  public Adjoint adjoint() {
    return adjoint;
  }
}
