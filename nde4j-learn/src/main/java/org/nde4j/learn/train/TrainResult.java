package org.nde4j.learn.train;

/**
 * The outcome of {@link Trainer#run} or {@link Trainer#resume}.
 *
 * @param reason             why the run ended
 * @param iterations         the last iteration done (1-based; 0 if none)
 * @param loss               the batch loss of the last iteration (NaN if none)
 * @param bestValidationLoss the lowest validation loss seen (NaN without validation or before the
 *                           first one)
 * @param bestIteration      the iteration of {@code bestValidationLoss} (0 if none)
 * @param bestTheta          a copy of {@code θ} at {@code bestIteration}; without validation, a
 *                           copy of the final {@code θ}
 */
public record TrainResult(StopReason reason, long iterations, double loss,
    double bestValidationLoss, long bestIteration, double[] bestTheta) {}
