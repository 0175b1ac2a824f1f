package org.nde4j.learn.train;

/**
 * The loss on the validation set at {@code θ}, for validation and early stopping. Deterministic,
 * and must not modify {@code theta} or keep it.
 */
@FunctionalInterface
public interface ValidationLoss {

  /** {@code L_val(θ)}; a NaN counts as no improvement. */
  double evaluate(double[] theta);
}
