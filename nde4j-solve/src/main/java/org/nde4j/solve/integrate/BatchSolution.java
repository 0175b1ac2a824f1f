package org.nde4j.solve.integrate;

import java.util.List;

/**
 * The result of a per-sample batch solve: one {@link Solution} per sample (its own saved points,
 * status, diagnosis and statistics, where {@code nfe} counts the evaluations of that sample's
 * rows), and the number of batched right-hand-side calls.
 */
public record BatchSolution(List<Solution> samples, long calls) {
  public BatchSolution {
    samples = List.copyOf(samples);
  }

  /** Sample {@code i}'s solution. */
  public Solution sample(int i) {
    return samples.get(i);
  }

  /** Right-hand-side row evaluations summed over the samples. */
  public long evaluations() {
    long sum = 0;
    for (Solution s : samples) {
      sum += s.stats().nfe();
    }
    return sum;
  }

  /** True when every sample succeeded. */
  public boolean allSucceeded() {
    for (Solution s : samples) {
      if (!s.status().isSuccess()) {
        return false;
      }
    }
    return true;
  }
}
