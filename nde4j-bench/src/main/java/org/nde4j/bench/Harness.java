package org.nde4j.bench;

import java.util.Arrays;

/**
 * Times a {@link BenchCase} with {@link System#nanoTime()}: warms up until successive batches of
 * samples agree, the JIT compiled nothing during the last batch and its queues are empty
 * ({@link CompilerQueue}), or the warm-up budget is spent, then takes a fixed number of samples. A sample repeats the call enough times to last about {@link HarnessConfig#sampleNanos()},
 * so calls of a few nanoseconds are measured as well as calls of milliseconds. Medians, not means,
 * because the machines this runs on are noisy.
 */
public final class Harness {
  /** Relative difference of two successive warm-up medians below which timings count as settled. */
  private static final double SETTLED = 0.03;
  private static final int WINDOW = 5;

  private final HarnessConfig config;
  /** Each sample's sum of results is written here, so that the timed work is never dead code. */
  private volatile double sink;
  /** Whether the last warm-up ended settled rather than at its time limit. */
  private boolean lastWarmUpSettled;

  /** A harness with the given settings. */
  public Harness(HarnessConfig config) {
    this.config = config;
    polluteCallSite();
  }

  /**
   * Runs {@link #sample} on three trivial cases of different classes before any real case, so
   * that the JIT sees its {@code c.call()} site as megamorphic from the start: every case is then
   * timed through a real interface call, whatever cases ran before it (a monomorphic site would
   * let the JIT inline the first case measured and hoist its loop-invariant work out of the loop).
   */
  private void polluteCallSite() {
    BenchCase[] dummies = {new Trivial(1), new Trivial2(), new Trivial3()};
    for (int round = 0; round < 200; round++) {
      for (BenchCase d : dummies) {
        sample(d, 100);
      }
    }
  }

  private record Trivial(double v) implements BenchCase {
    @Override
    public String name() {
      return "trivial";
    }

    @Override
    public double call() {
      return v;
    }
  }

  private static final class Trivial2 implements BenchCase {
    @Override
    public String name() {
      return "trivial2";
    }

    @Override
    public double call() {
      return 2;
    }
  }

  private static final class Trivial3 implements BenchCase {
    @Override
    public String name() {
      return "trivial3";
    }

    @Override
    public double call() {
      return 3;
    }
  }

  /** The settings. */
  public HarnessConfig config() {
    return config;
  }

  /** Warms up and measures {@code c} (whose {@link BenchCase#prepare()} has been called). */
  public Timing measure(BenchCase c) {
    long warmStart = System.nanoTime();
    int reps = warmUp(c);
    boolean settled = lastWarmUpSettled;
    double warmupMs = (System.nanoTime() - warmStart) / 1e6;
    long perSample = Math.max(1, sample(c, reps));
    long budget = config.measureMaxNanos();
    int runs = (int) Math.max(config.minRuns(), Math.min(config.runs(), budget / perSample));
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      ms[i] = sample(c, reps) / 1e6 / reps;
    }
    Arrays.sort(ms);
    double median = runs % 2 == 1 ? ms[runs / 2] : 0.5 * (ms[runs / 2 - 1] + ms[runs / 2]);
    return new Timing(median, ms[0], ms[runs - 1], runs, reps, warmupMs, settled);
  }

  /** Warms up; returns the number of calls per sample to use for measuring. */
  private int warmUp(BenchCase c) {
    long start = System.nanoTime();
    int reps = 1;
    double previous = Double.NaN;
    double[] window = new double[WINDOW];
    while (true) {
      long jitBefore = jitMillis();
      for (int i = 0; i < WINDOW; i++) {
        long t = sample(c, reps);
        window[i] = (double) t / reps;
        if (t < config.sampleNanos() / 2) {
          reps = repsFor(window[i]);
        }
      }
      double[] sorted = window.clone();
      Arrays.sort(sorted);
      double median = sorted[WINDOW / 2];
      long elapsed = System.nanoTime() - start;
      // settled: timings agree, the JIT compiled nothing meanwhile and has nothing queued (code
      // still running in C1 can look stable, and vector code there is many times slower than
      // after C2; a compilation in progress does not show in the compilation time until it ends)
      boolean settled = Math.abs(median - previous) <= SETTLED * median
          && jitMillis() == jitBefore && CompilerQueue.idle();
      if (elapsed >= config.warmupMaxNanos() || (settled && elapsed >= config.warmupMinNanos())) {
        lastWarmUpSettled = settled;
        return repsFor(median);
      }
      previous = median;
    }
  }

  /** Total JIT compilation time so far (ms), or 0 where the JVM does not report it. */
  private static long jitMillis() {
    java.lang.management.CompilationMXBean jit =
        java.lang.management.ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime() : 0;
  }

  private int repsFor(double nanosPerCall) {
    double r = Math.ceil(config.sampleNanos() / Math.max(nanosPerCall, 1.0));
    return (int) Math.max(1, Math.min(r, 1_000_000_000));
  }

  private long sample(BenchCase c, int reps) {
    double acc = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < reps; i++) {
      acc += c.call();
    }
    long t = System.nanoTime() - t0;
    sink = acc;
    return t;
  }
}
