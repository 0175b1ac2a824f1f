/**
 * The training loop (DESIGN.md §5): {@link org.nde4j.learn.train.Trainer} runs sample → loss and
 * flat gradient → clip → optimiser step over one flat parameter vector, with a console progress
 * line, {@code metrics.csv}, validation with early stopping, and periodic atomic checkpoints
 * ({@link org.nde4j.learn.train.Checkpoint}) from which a run resumes bit-identically. The loop
 * knows nothing about differential equations: the caller's {@link
 * org.nde4j.learn.train.LossAndGradient} wraps a solve and its adjoint when it trains one.
 */
package org.nde4j.learn.train;
