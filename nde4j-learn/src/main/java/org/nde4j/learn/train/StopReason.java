package org.nde4j.learn.train;

/** Why a {@link Trainer} run ended. */
public enum StopReason {
  /** All iterations were done. */
  COMPLETED,
  /** The validation loss did not improve for {@code patience} validations in a row. */
  EARLY_STOPPED,
  /**
   * The loss or its gradient was NaN or infinite; the step was not taken, so {@code θ} holds the
   * last finite parameters.
   */
  NON_FINITE
}
