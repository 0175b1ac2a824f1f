package org.nde4j.solve.adjoint;

/**
 * How the gradient of a solve is computed (DESIGN.md §1.3: a solve is one differentiable op whose
 * backward pass is delegated to an adjoint; the adjoint owns the solve loop). Immutable.
 *
 * <p>Available: {@link #discrete()} (exact gradient of the discretised solve, every step stored),
 * {@link #checkpointed(int)} (the same gradient with at most a given number of stored states,
 * recomputing the others), {@link #auto()} (the default); the continuous adjoints {@link
 * #backsolve()}, {@link #interpolating()} and {@link #quadrature()}. See {@code
 * docs/gradients.md} for the memory, exactness and cost of each.
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
   * constants. Memory: one state per step.
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
   * The default: the discrete adjoint with a budget of 64 MiB of stored states (at least 64
   * states), so that small problems store every step and large ones checkpoint.
   */
  static Adjoint auto() {
    return AutoAdjoint.INSTANCE;
  }

  /**
   * Continuous (backsolve) adjoint: the augmented system {@code [y, λ, θ̄]} is solved backwards,
   * reconstructing {@code y} beside the adjoint, restarting {@code y} from the forward states at
   * the save times (R. T. Q. Chen, Y. Rubanova, J. Bettencourt, D. Duvenaud, <i>Neural ordinary
   * differential equations</i>, NeurIPS 2018; torchdiffeq's {@code odeint_adjoint}). Memory: the
   * saved states; gradients accurate to the solve tolerances. Options (backward solver and
   * controller, seminorm, more or no checkpoints) on {@link ContinuousAdjoint}.
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
