package org.nde4j.learn.optim;

/**
 * A loss and its gradient at a point, for {@link Lbfgs}: {@code L(θ)} and {@code ∇L(θ)} over the
 * flat parameter vector. Must be deterministic (the same θ gives the same values) for resumed
 * runs to be bit-identical.
 */
@FunctionalInterface
public interface LossFunction {

  /**
   * Returns {@code L(theta)} and writes {@code ∇L(theta)} to {@code grad} (same length; must not
   * modify {@code theta} or keep either array). A non-finite loss tells the line search the point
   * is unusable.
   */
  double evaluate(double[] theta, double[] grad);
}
