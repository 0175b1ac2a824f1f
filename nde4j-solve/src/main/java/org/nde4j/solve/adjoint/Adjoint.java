package org.nde4j.solve.adjoint;

/**
 * How the gradient of a solve is computed (DESIGN.md §1.3: a solve is one differentiable op whose
 * backward pass is delegated to an adjoint; the adjoint owns the solve loop). Immutable.
 *
 * <p>Available: {@link #discrete()} (exact gradient of the discretised solve, every step stored),
 * {@link #checkpointed(int)} (the same gradient with at most a given number of stored states,
 * recomputing the others), {@link #auto()} (the default), {@link #reversible()} (the discrete
 * gradient in {@code O(1)} memory for reversible solvers), {@link #implicit()} (steady states, one
 * linear solve), {@link #forwardMode()} (forward sensitivities: full Jacobians of the saved
 * states, for few parameters); the continuous adjoints {@link #backsolve()}, {@link
 * #interpolating()} and {@link #quadrature()}. See {@code docs/gradients.md} for the memory,
 * exactness and cost of each.
 */
public interface Adjoint {
  /** A short name for messages and reports. */
  String name();

  /**
   * Runs the forward solve and records what the backward pass needs.
   *
   * @throws IllegalArgumentException before solving if this adjoint cannot differentiate the
   *     problem (say, a solver without the structure it needs); the message names alternatives
   */
  Recording forward(GradientSolve problem);

  /**
   * Discrete adjoint ("backpropagation through the solver", Diffrax's {@code
   * RecursiveCheckpointAdjoint} with unlimited checkpoints): every step's start state is stored;
   * the gradient is that of the discretised solve, exact to round-off, with step sizes treated as
   * constants. Memory: one state per step; for explicit Runge–Kutta methods (ODEs) and the
   * stochastic Runge–Kutta engine (SDEs: Euler–Maruyama, Heun, midpoint, SPaRK, …) also the
   * residuals of each step's stage evaluations, which the backward pass runs its VJPs from instead
   * of evaluating the stages again (an MLP field keeps its input and hidden activations); an SDE
   * solve also keeps each step's noise. {@link #checkpointed(int)} keeps none of that.
   */
  static Adjoint discrete() {
    return new DiscreteAdjoint(Integer.MAX_VALUE);
  }

  /**
   * Discrete adjoint with recursive (binomial) checkpointing under a memory budget: at most {@code
   * budget} states are stored at any time; the gradient is identical to {@link #discrete()}'s.
   * The number of steps need not be known in advance (online: half the budget holds evenly thinned
   * forward checkpoints, the other half serves the binomial reversal of each segment; A. Griewank,
   * A. Walther, <i>Algorithm 799: revolve</i>, ACM TOMS 26(1):19–45, 2000).
   *
   * @throws IllegalArgumentException if {@code budget < 1}
   */
  static Adjoint checkpointed(int budget) {
    if (budget < 1) {
      throw new IllegalArgumentException("checkpointed adjoint: the budget must be ≥ 1 stored"
          + " state, got " + budget);
    }
    return new DiscreteAdjoint(budget);
  }

  /**
   * The default: the {@link #reversible()} adjoint for a reversible solver ({@code
   * reversible_heun}: the same gradient in {@code O(1)} memory); otherwise the discrete adjoint
   * (implicit-function theorem on the stages for ESDIRK methods) with a budget of 64 MiB of stored
   * states (at least 64 states), so that small problems store every step and large ones
   * checkpoint.
   */
  static Adjoint auto() {
    return AutoAdjoint.INSTANCE;
  }

  /**
   * Reversible adjoint, for algebraically reversible solvers ({@code reversible_heun}, {@link
   * org.nde4j.solve.solver.reversible.ReversibleHeun}): the forward pass keeps only the solver's
   * end state {@code (y, ŷ)} (and, with adaptive steps, the step times: one scalar per step; a
   * {@link org.nde4j.solve.stepsize.ConstantStepSize} solve keeps a few scalars per save time);
   * the backward pass reconstructs each step's start exactly (up to round-off) with {@link
   * org.nde4j.solve.solver.reversible.ReversibleStepper#backwardStep} and applies the step's VJP.
   * The gradient is the discrete adjoint's (of the same steps) with {@code O(1)} stored states;
   * works with save times. Cost of the backward pass per step: one evaluation of the field
   * (reconstruction) and two VJPs. Kidger, Foster, Li, Lyons, <i>Efficient and Accurate Gradients
   * for Neural SDEs</i>, NeurIPS 2021 (arXiv:2105.13493).
   *
   * <p>{@link GradientSolve#forward()} fails before solving, with an {@link
   * IllegalArgumentException} naming the alternatives, if the solver is not reversible.
   */
  static Adjoint reversible() {
    return ReversibleAdjoint.INSTANCE;
  }

  /**
   * Implicit adjoint for steady states (deep equilibrium models; Bai, Kolter, Koltun, <i>Deep
   * Equilibrium Models</i>, NeurIPS 2019, arXiv:1909.01377; Diffrax's {@code ImplicitAdjoint}):
   * the forward pass integrates to an equilibrium {@code y*} with {@code f(y*, θ) ≈ 0} (the
   * problem must set {@link GradientSolve#untilSteadyState(double, double)}); the gradient then
   * needs no trajectory: by the implicit-function theorem {@code ∂y*} in {@code θ} is {@code −J⁻¹ ∂f/∂θ} with {@code
   * J = ∂f/∂y} at {@code y*}, so one linear solve {@code Jᵀ λ = −ȳ} (dense LU) and one VJP give
   * {@code θ̄ = (∂f/∂θ)ᵀ λ}. The equilibrium does not depend on {@code y0} (within its basin) nor
   * on the times: {@code ∂L/∂y0 = 0}, and the time gradients are 0. Memory: no stored states.
   * Exact for the exact equilibrium; the error is that of {@code y*}, about the steady-state
   * tolerance divided by the smallest decay rate.
   *
   * <p>{@link GradientSolve#forward()} fails before solving, with an {@link
   * IllegalArgumentException} naming the alternatives, if the problem has no steady-state
   * condition; {@link Recording#backward} fails with {@link IllegalStateException} if the solve
   * reached {@code t1} without meeting it, or if {@code J} is singular at {@code y*}.
   */
  static Adjoint implicit() {
    return ImplicitAdjoint.INSTANCE;
  }

  /**
   * Forward-mode sensitivities, for few parameters: the sensitivity equations {@code Y' = (∂f/∂y)
   * Y}, {@code Y(t0) = I} and {@code S' = (∂f/∂y) S + ∂f/∂θ}, {@code S(t0) = 0} are integrated
   * alongside {@code y} as one system of {@code n(1 + n + p)} values by the problem's solver (any
   * solver; one compiled Jacobian–vector product per column), and the recording (a {@link
   * SensitivityRecording}) holds the full Jacobians {@code ∂Y_i/∂y0}, {@code ∂Y_i/∂θ} of every
   * saved state. Gradients for any cotangents are contractions, with no backward solve.
   *
   * <p>Error control covers the state and every sensitivity column: with a {@link
   * org.nde4j.solve.stepsize.PidController} the error is the largest of the weighted RMS norms of
   * the state and of each column, with the controller's tolerances (CVODES's simultaneous
   * corrector with sensitivities in the error test; A. C. Hindmarsh et al., ACM TOMS
   * 31(3):363–396, 2005). Cost: {@code n + p} JVPs per evaluation of {@code f}; memory: {@code
   * 1 + n + p} states per saved state.
   */
  static Adjoint forwardMode() {
    return new ForwardSensitivity(true);
  }

  /**
   * {@link #forwardMode()} with a choice of error control: {@code true} controls the state and
   * the sensitivities; {@code false} only the state (a seminorm), so the steps are those of the
   * plain solve and, for explicit Runge–Kutta methods, the sensitivities are the exact
   * derivatives of the discretised solution (internal numerical differentiation, H. G. Bock,
   * 1981), equal to {@link #discrete()}'s gradients to round-off.
   */
  static Adjoint forwardMode(boolean controlSensitivityError) {
    return new ForwardSensitivity(controlSensitivityError);
  }

  /**
   * Continuous (backsolve) adjoint: the augmented system {@code [y, λ, θ̄]} is solved backwards,
   * reconstructing {@code y} beside the adjoint, restarting {@code y} from the forward states at
   * the save times (R. T. Q. Chen, Y. Rubanova, J. Bettencourt, D. Duvenaud, <i>Neural ordinary
   * differential equations</i>, NeurIPS 2018; torchdiffeq's {@code odeint_adjoint}). Memory: the
   * saved states; gradients accurate to the solve tolerances. Options (backward solver and
   * controller, seminorm, more or no checkpoints) on {@link ContinuousAdjoint}.
   *
   * <p>On an SDE solve ({@link GradientSolve#of(org.nde4j.solve.term.DifferentiableSdeTerm,
   * org.nde4j.solve.brownian.BrownianMotion, org.nde4j.solve.solver.sde.SdeSolver, double,
   * double, double[], double[])}) this is the stochastic adjoint of X. Li, T.-K. L. Wong, R. T. Q.
   * Chen, D. Duvenaud, <i>Scalable Gradients for Stochastic Differential Equations</i>, AISTATS
   * 2020 (arXiv:2001.01328; torchsde's {@code sdeint_adjoint}): the augmented Stratonovich SDE
   * on {@code [y, λ, θ̄]} is solved backwards by an SDE solver on the same Brownian path, queried
   * backwards; memory {@code O(1)} in the number of steps; gradients of the pathwise solution
   * map, to the backward solver's strong order. An Itô term is differentiated through its
   * Stratonovich form; the backward solver must be a Stratonovich method ({@code
   * stochastic_heun} by default when the forward one cannot integrate the adjoint SDE: an Itô-only,
   * additive-noise or Milstein method).
   */
  static ContinuousAdjoint backsolve() {
    return ContinuousAdjoint.of(ContinuousAdjoint.Kind.BACKSOLVE);
  }

  /**
   * Interpolating adjoint: {@code [λ, θ̄]} is solved backwards with {@code y(t)} read from the
   * forward solve's dense output (SciMLSensitivity's {@code InterpolatingAdjoint}; C. Rackauckas
   * et al., <i>Universal differential equations for scientific machine learning</i>,
   * arXiv:2001.04385, 2020). Memory: one dense segment per step, or checkpoints with {@link
   * ContinuousAdjoint#withCheckpointEvery}.
   */
  static ContinuousAdjoint interpolating() {
    return ContinuousAdjoint.of(ContinuousAdjoint.Kind.INTERPOLATING);
  }

  /**
   * Quadrature adjoint: {@code λ} alone is solved backwards with {@code y(t)} from the forward
   * dense output, and {@code θ̄ = ∫ (∂f/∂θ)ᵀλ dt} is computed by Gauss–Legendre quadrature over
   * the backward steps (SciMLSensitivity's {@code QuadratureAdjoint}; Rackauckas et al., 2020).
   */
  static ContinuousAdjoint quadrature() {
    return ContinuousAdjoint.of(ContinuousAdjoint.Kind.QUADRATURE);
  }
}
