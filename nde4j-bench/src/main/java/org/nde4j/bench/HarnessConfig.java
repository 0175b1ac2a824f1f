package org.nde4j.bench;

/**
 * How long a {@link Harness} warms up and measures.
 *
 * @param warmupMinNanos warm-up runs at least this long
 * @param warmupMaxNanos and stops after this long even if timings have not settled
 * @param runs number of timed samples wanted
 * @param sampleNanos each sample repeats the call until it lasts about this long (so that very
 *     short calls are not dominated by the clock's resolution)
 * @param measureMaxNanos fewer samples (but at least {@code minRuns}) when they would take longer
 * @param minRuns lower bound on the number of samples
 */
public record HarnessConfig(long warmupMinNanos, long warmupMaxNanos, int runs, long sampleNanos,
    long measureMaxNanos, int minRuns) {

  private static final long MS = 1_000_000L;

  /** Validates the settings. */
  public HarnessConfig {
    if (warmupMinNanos < 0 || warmupMaxNanos < warmupMinNanos) {
      throw new IllegalArgumentException("harness: need 0 <= warmupMin <= warmupMax, got "
          + warmupMinNanos + " and " + warmupMaxNanos + " ns");
    }
    if (runs < 1 || minRuns < 1 || minRuns > runs) {
      throw new IllegalArgumentException("harness: need 1 <= minRuns <= runs, got " + minRuns
          + " and " + runs);
    }
    if (sampleNanos < 1 || measureMaxNanos < 1) {
      throw new IllegalArgumentException("harness: sample and measurement times must be positive");
    }
  }

  /**
   * The default settings: warm-up of 1–5 s, then 60 samples of at least 5 ms each, capped at 5 s
   * (a few seconds per case, at most about 10 s).
   */
  public static HarnessConfig standard() {
    return new HarnessConfig(1000 * MS, 5000 * MS, 60, 5 * MS, 5000 * MS, 10);
  }

  /** Short settings for smoke runs: at most about 1 s per case. */
  public static HarnessConfig quick() {
    return new HarnessConfig(100 * MS, 400 * MS, 15, MS / 2, 500 * MS, 5);
  }
}
