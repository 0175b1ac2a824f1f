package org.nde4j.solve.adjoint;

/**
 * How the gradient of a solve is computed (DESIGN.md §1.3: a solve is one differentiable op whose
 * backward pass is delegated to an adjoint; the adjoint owns the solve loop). Immutable.
 *
 * <p>Available: {@link #discrete()} (exact gradient of the discretised solve, every step stored),
 * {@link #checkpointed(int)} (the same gradient with at most a given number of stored states,
 * recomputing the others), {@link #auto()} (the default). See {@code docs/gradients.md} for the
 * memory, exactness and cost of each.
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
}
