package org.nde4j.learn.optim;

import java.util.Map;

/**
 * Something whose complete state is a set of named flat arrays, so that a checkpoint (for instance
 * a safetensors file) can store it and a resumed run continues bit-identically.
 */
public interface Checkpointable {

  /**
   * A snapshot of the full state: name → copy of a flat array, in a fixed order. Counters (the
   * step count) are stored as exact integer-valued doubles.
   */
  Map<String, double[]> state();

  /**
   * Restores a snapshot taken by {@link #state()} of an instance with the same configuration and
   * size; afterwards this instance behaves exactly as the one that was snapshotted.
   *
   * @throws IllegalArgumentException naming the entry if one is missing, unexpected, of the wrong
   *     length or (for counters) not a non-negative integer
   */
  void loadState(Map<String, double[]> state);
}
