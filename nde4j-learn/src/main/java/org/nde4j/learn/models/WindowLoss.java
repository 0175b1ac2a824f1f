package org.nde4j.learn.models;

/**
 * The per-entry loss between a prediction and an observation, averaged over the observed entries
 * of a window batch ({@link NeuralOde#loss}).
 */
public enum WindowLoss {
  /** {@code |ŷ − y|}, as torchdiffeq's ode_demo ({@code torch.mean(torch.abs(pred_y - batch_y))}). */
  MEAN_ABSOLUTE {
    @Override
    double value(double d) {
      return Math.abs(d);
    }

    @Override
    double derivative(double d) {
      return Math.signum(d);
    }
  },
  /** {@code (ŷ − y)²}. */
  MEAN_SQUARED {
    @Override
    double value(double d) {
      return d * d;
    }

    @Override
    double derivative(double d) {
      return 2 * d;
    }
  };

  /** The loss of one entry with residual {@code d = ŷ − y}. */
  abstract double value(double d);

  /** Its derivative in {@code ŷ} (the subgradient 0 at {@code d = 0} for the absolute value). */
  abstract double derivative(double d);
}
