package org.nde4j.solve.adjoint;

import java.util.Objects;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.sde.AbstractSdeSolver;
import org.nde4j.solve.solver.sde.SdeSolver;
import org.nde4j.solve.solver.sde.StochasticHeun;
import org.nde4j.solve.solver.sde.StochasticReversibleHeun;
import org.nde4j.solve.solver.sde.StochasticRungeKutta;
import org.nde4j.solve.stepsize.ErrorNorm;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.stepsize.StepSizeController;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.solve.term.SdeTerm;
import org.nde4j.solve.term.SdeType;

/**
 * The continuous adjoints: after the forward solve, the adjoint equations {@code λ' = −(∂f/∂y)ᵀλ},
 * {@code θ̄' = −(∂f/∂θ)ᵀλ} are solved backwards from the last save time to {@code t0} with any
 * solver, {@code λ} jumping by {@code ∂L/∂Y_i} at each save time (the solver restarts there). Then
 * {@code ∂L/∂y0 = λ(t0)} and {@code ∂L/∂θ = θ̄(t0)}. The gradients are those of the exact solution
 * map, approximated to the tolerances of the two solves — not the exact gradient of the discrete
 * solve that {@link Adjoint#discrete()} gives. Three ways to know {@code y(t)} on the way back:
 *
 * <ul>
 *   <li>{@link Adjoint#backsolve()} integrates {@code y' = f} backwards beside the adjoint, in the
 *       augmented system {@code [y, λ, θ̄]} of size {@code 2n + p} (R. T. Q. Chen, Y. Rubanova, J.
 *       Bettencourt, D. Duvenaud, <i>Neural ordinary differential equations</i>, NeurIPS 2018,
 *       arXiv:1806.07366; torchdiffeq's {@code odeint_adjoint}). Memory: the saved states only.
 *       Reconstructing {@code y} backwards is unstable for dissipative systems, so by default
 *       {@code y} restarts from the forward states at the save times ({@link
 *       #withCheckpointEvery} adds more restarts, {@link #withoutCheckpoints} none).
 *   <li>{@link Adjoint#interpolating()} reads {@code y(t)} from the forward solve's dense output
 *       and solves {@code [λ, θ̄]} backwards (SciMLSensitivity's {@code InterpolatingAdjoint}; C.
 *       Rackauckas et al., <i>Universal differential equations for scientific machine
 *       learning</i>, arXiv:2001.04385, 2020). Memory: one dense segment per forward step, or with
 *       {@link #withCheckpointEvery} only checkpoints, each segment being re-solved forward (with
 *       dense output) just before its backward solve.
 *   <li>{@link Adjoint#quadrature()} reads {@code y(t)} the same way, solves {@code λ} alone
 *       backwards and gets {@code θ̄ = ∫ (∂f/∂θ)ᵀλ dt} by 4-point Gauss–Legendre quadrature over
 *       each backward step, with {@code λ} from the backward solver's dense output
 *       (SciMLSensitivity's {@code QuadratureAdjoint}). The backward system has size {@code n}
 *       instead of {@code n + p}, which pays off for many parameters and stiff problems.
 * </ul>
 *
 * <p>The backward solver and controller default to the forward solve's; {@link #withNorm} chooses
 * which channels the backward error control measures (the seminorm of Kidger, Chen &amp; Lyons
 * saves backward steps). Immutable; the {@code with…} methods return modified copies. Gradients
 * with respect to {@code t0}, {@code t1} and the save times follow from {@code λ} and {@code f} as
 * for every adjoint ({@link GradientSolve}).
 *
 * <p><b>SDE solves.</b> Backsolve also differentiates SDE solves with diagonal or scalar noise: the
 * stochastic adjoint of X. Li, T.-K. L. Wong, R. T. Q. Chen, D. Duvenaud, <i>Scalable Gradients
 * for Stochastic Differential Equations</i>, AISTATS 2020 (arXiv:2001.01328). The Stratonovich
 * adjoint SDE on {@code [y, λ, θ̄]} ({@code AdjointSde}: commutative noise, its diffusion given by
 * products, one diffusion VJP each) is solved from knot to knot towards {@code t0} by an SDE solver
 * on the problem's Brownian motion, whose increments over the backward steps are the forward
 * path's (queried in reverse). The gradient is that of the solution map along the path, to the
 * backward solver's strong order (1 for the Heun-type methods, whose order the adjoint SDE's
 * commutative noise preserves); it is not the discrete gradient. An Itô term is differentiated
 * through {@link org.nde4j.solve.term.DifferentiableSdeTerm#toStratonovich()} (the same SDE, with
 * the drift correction's second derivative traced in ops), the Stratonovich treatment torchsde
 * applies to Itô SDEs. The backward solver must integrate Stratonovich SDEs with general
 * commutative noise through products alone: {@code stochastic_heun}, {@code euler_heun}, {@code
 * stochastic_midpoint}, {@code stochastic_reversible_heun}, or {@code spark} with a space-time
 * Lévy area; the default is the forward solver, or {@code stochastic_heun} when that is
 * Itô-only, an additive-noise method or a Milstein method. The interpolating and quadrature
 * adjoints refuse SDEs (the dense output of an SDE step is not the path).
 */
public final class ContinuousAdjoint implements Adjoint {
  /** How {@code y(t)} is known on the way back. */
  enum Kind {
    BACKSOLVE("backsolve"),
    INTERPOLATING("interpolating"),
    QUADRATURE("quadrature");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  private final Kind kind;
  private final Solver solver;
  private final StepSizeController controller;
  private final BackwardNorm norm;
  private final int every;
  private final boolean restarts;

  private ContinuousAdjoint(Kind kind, Solver solver, StepSizeController controller,
      BackwardNorm norm, int every, boolean restarts) {
    this.kind = kind;
    this.solver = solver;
    this.controller = controller;
    this.norm = norm;
    this.every = every;
    this.restarts = restarts;
  }

  static ContinuousAdjoint of(Kind kind) {
    return new ContinuousAdjoint(kind, null, null, BackwardNorm.ALL, 0, true);
  }

  /** The backward pass's solver (default: the forward solve's). */
  public ContinuousAdjoint withSolver(Solver backward) {
    return new ContinuousAdjoint(kind, Objects.requireNonNull(backward, "solver"), controller,
        norm, every, restarts);
  }

  /**
   * The backward pass's step-size controller (default: the forward solve's). A fixed-step
   * controller takes the forward solve's {@code dt0}.
   */
  public ContinuousAdjoint withController(StepSizeController backward) {
    return new ContinuousAdjoint(kind, solver, Objects.requireNonNull(backward, "controller"),
        norm, every, restarts);
  }

  /**
   * Which channels the backward error control measures (default {@link BackwardNorm#ALL}); any
   * other choice needs a {@link PidController} for the backward pass, whose norm it replaces by
   * the seminorm with the controller's tolerances. {@link BackwardNorm#STATE_ONLY} is for
   * backsolve only. The quadrature adjoint's backward system has no {@code θ̄}, so there {@code
   * SEMINORM} is {@code ALL}.
   *
   * @throws IllegalArgumentException for {@code STATE_ONLY} with the interpolating or quadrature
   *     adjoint (which do not integrate {@code y}), naming the norms that apply
   */
  public ContinuousAdjoint withNorm(BackwardNorm n) {
    Objects.requireNonNull(n, "norm");
    if (n == BackwardNorm.STATE_ONLY && kind != Kind.BACKSOLVE) {
      throw new IllegalArgumentException(kind.label + " adjoint: BackwardNorm.STATE_ONLY measures"
          + " the backward reconstruction of y, which only backsolve has; use ALL or SEMINORM, or"
          + " Adjoint.backsolve()");
    }
    return new ContinuousAdjoint(kind, solver, controller, n, every, restarts);
  }

  /** {@code withNorm(BackwardNorm.SEMINORM)}: the error control ignores {@code θ̄}. */
  public ContinuousAdjoint withSeminorm() {
    return withNorm(BackwardNorm.SEMINORM);
  }

  /**
   * Also keeps the forward state every {@code k} accepted steps (beside those at the save times).
   * Backsolve restarts its backward {@code y} from each; the interpolating and quadrature adjoints
   * keep these states instead of every step's dense output and re-solve each stretch between two
   * of them forward when the backward pass reaches it (about one more forward solve of work for
   * memory of {@code steps / k} states plus one stretch's dense output).
   *
   * @throws IllegalArgumentException if {@code k < 1}, or for backsolve after {@link
   *     #withoutCheckpoints()}
   */
  public ContinuousAdjoint withCheckpointEvery(int k) {
    if (k < 1) {
      throw new IllegalArgumentException(kind.label + " adjoint: checkpoints every k steps needs"
          + " k ≥ 1, got " + k);
    }
    if (!restarts) {
      throw new IllegalArgumentException(kind.label + " adjoint: withoutCheckpoints() and"
          + " withCheckpointEvery(" + k + ") contradict each other; choose one");
    }
    return new ContinuousAdjoint(kind, solver, controller, norm, k, true);
  }

  /**
   * Backsolve only: never restarts {@code y}, reconstructing it backwards from the last saved
   * state through the whole interval, as Chen et al. describe (least memory; unstable for
   * dissipative dynamics, where the backward {@code y} drifts away from the forward trajectory).
   *
   * @throws IllegalArgumentException for the interpolating and quadrature adjoints, which read
   *     {@code y} from the forward pass, or after {@link #withCheckpointEvery}
   */
  public ContinuousAdjoint withoutCheckpoints() {
    if (kind != Kind.BACKSOLVE) {
      throw new IllegalArgumentException(kind.label + " adjoint: withoutCheckpoints() applies to"
          + " Adjoint.backsolve() only; the " + kind.label + " adjoint reads y from the forward"
          + " pass (use withCheckpointEvery(k) to store less of it)");
    }
    if (every > 0) {
      throw new IllegalArgumentException("backsolve adjoint: withCheckpointEvery(" + every
          + ") and withoutCheckpoints() contradict each other; choose one");
    }
    return new ContinuousAdjoint(kind, solver, controller, norm, 0, false);
  }

  @Override
  public String name() {
    java.util.List<String> options = new java.util.ArrayList<>();
    if (norm != BackwardNorm.ALL) {
      options.add(norm == BackwardNorm.SEMINORM ? "seminorm" : "state-only norm");
    }
    if (every > 0) {
      options.add("checkpoints every " + every + " steps");
    }
    if (!restarts) {
      options.add("no checkpoints");
    }
    return options.isEmpty() ? kind.label : kind.label + "(" + String.join(", ", options) + ")";
  }

  @Override
  public String toString() {
    return name();
  }

  Kind kind() {
    return kind;
  }

  int every() {
    return every;
  }

  boolean restarts() {
    return restarts;
  }

  /**
   * The backward solver for {@code p}: the one given, else the forward solve's — except for an
   * SDE solved by a method that cannot integrate the adjoint SDE (Stratonovich, general
   * commutative noise, diffusion by products): an Itô-only, additive-noise or Milstein method,
   * replaced by {@code stochastic_heun}.
   */
  Solver backwardSolver(GradientSolve p) {
    if (solver != null) {
      return solver;
    }
    if (p.solver() instanceof SdeSolver sde && !(sde.sdeTypes().contains(SdeType.STRATONOVICH)
        && (sde instanceof StochasticRungeKutta || sde instanceof StochasticReversibleHeun))) {
      return new StochasticHeun();
    }
    return p.solver();
  }

  /**
   * The backward controller for {@code p} with the chosen norm, checked against the backward
   * solver and the backward system's size.
   *
   * @throws IllegalArgumentException if the combination cannot work, naming what would
   */
  StepSizeController backwardController(GradientSolve p) {
    Solver s = backwardSolver(p);
    StepSizeController c = controller != null ? controller : p.controller();
    String who = name() + " adjoint";
    if (c.isAdaptive() && !s.isAdaptive()) {
      throw new IllegalArgumentException(who + ": the backward solver " + s.name() + " has no"
          + " error estimate for the adaptive controller " + c + "; give an adaptive solver"
          + " (tsit5, dopri5, …) with withSolver, or a constant step size with withController");
    }
    boolean plain = norm == BackwardNorm.ALL || kind == Kind.QUADRATURE;
    if (!plain && !(c instanceof PidController)) {
      throw new IllegalArgumentException(who + ": BackwardNorm." + norm + " shapes the error"
          + " control of an adaptive PidController, but the backward controller is " + c
          + "; give one with withController(PidController.of(rtol, atol)), or use"
          + " BackwardNorm.ALL");
    }
    if (!c.isAdaptive() && !(p.dt0() > 0)) {
      throw new IllegalArgumentException(who + ": the fixed-step backward controller " + c
          + " needs the solve's dt0; set GradientSolve.dt0, or give an adaptive controller");
    }
    if (plain) {
      return c;
    }
    PidController pid = (PidController) c;
    int n = p.term().size();
    boolean[] include = new boolean[systemSize(p.term())];
    int measured = kind == Kind.INTERPOLATING ? n : norm == BackwardNorm.SEMINORM ? 2 * n : n;
    java.util.Arrays.fill(include, 0, measured, true);
    return pid.withNorm(ErrorNorm.seminorm(pid.rtol(), pid.atol(), include));
  }

  /** The size of the backward system. */
  int systemSize(DifferentiableTerm term) {
    int n = term.size();
    return switch (kind) {
      case BACKSOLVE -> 2 * n + term.numParams();
      case INTERPOLATING -> n + term.numParams();
      case QUADRATURE -> n;
    };
  }

  @Override
  public Recording forward(GradientSolve p) {
    if (p.sdeTerm() != null) {
      checkSde(p);
    }
    backwardController(p);
    return ContinuousRecording.record(p, this);
  }

  /**
   * Refuses, before solving, an SDE solve this adjoint cannot differentiate: the interpolating and
   * quadrature adjoints, and a backward solver that cannot integrate the adjoint SDE.
   */
  private void checkSde(GradientSolve p) {
    if (kind != Kind.BACKSOLVE) {
      throw new IllegalArgumentException(kind.label + " adjoint: does not differentiate SDE"
          + " solves (it reads y(t) from the forward dense output, which is not the path inside"
          + " a step); use Adjoint.backsolve() (the stochastic adjoint), Adjoint.discrete(),"
          + " checkpointed(budget) or reversible()");
    }
    Solver s = backwardSolver(p);
    SdeTerm adjointSde = AdjointSde.of(AdjointSde.fields(p), p.theta(), p.brownian());
    String why = s instanceof SdeSolver sde ? sde.refusal(adjointSde)
        : "it integrates deterministic equations";
    if (why != null) {
      throw new IllegalArgumentException("backsolve adjoint: the backward solver " + s.name()
          + " cannot integrate the adjoint SDE (a " + adjointSde.describe() + " given by its"
          + " products): " + why + "; choose one with withSolver: "
          + AbstractSdeSolver.alternatives(adjointSde));
    }
  }
}
