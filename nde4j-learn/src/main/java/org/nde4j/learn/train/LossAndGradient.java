package org.nde4j.learn.train;

/**
 * The loss of one batch and its gradient with respect to the flat parameter vector {@code θ}
 * (DESIGN.md §1.7). For a neural ODE this wraps a solve and its adjoint ({@code GradientSolve} or
 * the eager {@code SolveOp}); the {@link Trainer} only sees the two numbers' worth of contract
 * below. It must be deterministic (the same θ and batch give the same values) for a resumed run to
 * be bit-identical to an uninterrupted one.
 *
 * @param <B> the batch type
 */
@FunctionalInterface
public interface LossAndGradient<B> {

  /**
   * Returns {@code L(θ; batch)} and writes {@code ∇θ L} to {@code grad} (same length as {@code
   * theta}, to be overwritten entirely). Must not modify {@code theta} or keep either array. A
   * non-finite loss or gradient stops the run ({@link StopReason#NON_FINITE}).
   */
  double evaluate(double[] theta, B batch, double[] grad);
}
