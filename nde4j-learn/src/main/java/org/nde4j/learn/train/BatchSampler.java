package org.nde4j.learn.train;

import org.nde4j.random.Key;

/**
 * Draws the mini-batch of one iteration. The {@link Trainer} passes {@code key.foldIn(iteration)},
 * so the batch depends only on the run's key and the iteration number, and a resumed run draws the
 * same batches the uninterrupted one would have ({@code WindowSampler::sample} fits; a full-batch
 * problem ignores the key).
 *
 * @param <B> the batch type
 */
@FunctionalInterface
public interface BatchSampler<B> {

  /** The batch for {@code key}; must be a pure function of it. */
  B sample(Key key);
}
