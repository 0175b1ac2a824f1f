package org.nde4j.bench.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.nde4j.bench.BenchCase;
import org.nde4j.bench.BuildInfo;
import org.nde4j.bench.CaseResult;
import org.nde4j.bench.Report;
import org.nde4j.bench.Suite;
import org.nde4j.bench.SuiteRunner;
import org.nde4j.solve.adjoint.Adjoint;

/**
 * The {@code train} suite: workload W3 of {@code reference/workloads.md} as whole training runs
 * ({@link W3Training}), {@code w3_train_iter} with backpropagation through the solver (the
 * discrete adjoint, ode_demo's default) and {@code w3_train_iter_adjoint} with the continuous
 * adjoint ({@code backsolve}, torchdiffeq's {@code odeint_adjoint}). Unlike the other suites it
 * is not timed by the {@link org.nde4j.bench.Harness}: each case is one training run from fresh
 * parameters, timed iteration by iteration as the peer script times torchdiffeq ({@link #run}).
 *
 * <p><b>Warm-up.</b> The JIT compiler keeps improving the code for several seconds: the first
 * run of ode_demo in a fresh JVM measured a median of 0.62–0.69 ms per iteration over iterations
 * 11–2000, the third and fourth 0.43–0.49 ms (2-core machine, 2000 iterations, discrete
 * adjoint). A Python process has no such phase, so by default each case first repeats whole,
 * identical training runs for {@code warmupSeconds} (untimed, as JMH's warm-up iterations), and
 * the run after them is the measured one; the median of the first, cold run is reported beside
 * it ({@code cold_median_ms}). {@code warmupSeconds = 0} measures the cold run alone.
 */
public final class TrainSuite implements Suite {
  /** The case with backpropagation through the solver. */
  public static final String DIRECT = "w3_train_iter";
  /** The case with the continuous adjoint. */
  public static final String ADJOINT = "w3_train_iter_adjoint";

  private final int iterations;
  private final long seed;
  private final double warmupSeconds;

  /**
   * @param iterations training iterations per case ({@code >= 1}; ode_demo's 2000 for a
   *     measurement)
   * @param seed the runs' seed
   * @param warmupSeconds how long each case repeats untimed whole runs before the measured one
   *     ({@code >= 0}; 0: the measured run is the first, cold one)
   * @throws IllegalArgumentException naming {@code iterations} if it is {@code < 1}, or {@code
   *     warmupSeconds} if it is negative or not finite
   */
  public TrainSuite(int iterations, long seed, double warmupSeconds) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
    }
    if (!(warmupSeconds >= 0) || Double.isInfinite(warmupSeconds)) {
      throw new IllegalArgumentException("warmupSeconds must be a finite number >= 0, got "
          + warmupSeconds);
    }
    this.iterations = iterations;
    this.seed = seed;
    this.warmupSeconds = warmupSeconds;
  }

  @Override
  public String name() {
    return "train";
  }

  /** The number of iterations of each run. */
  public int iterations() {
    return iterations;
  }

  @Override
  public List<BenchCase> cases() {
    return List.of(new W3Training(DIRECT, Adjoint.discrete(), iterations, seed),
        new W3Training(ADJOINT, Adjoint.backsolve(), iterations, seed));
  }

  @Override
  public String header() {
    return "W3 (torchdiffeq's ode_demo) as whole training runs through NeuralOde and Trainer:"
        + " SpiralData, MLP(y^3) 2->50->tanh->2, 20 windows of 10 points, mean |pred - true|,"
        + " dopri5 rtol 1e-7 atol 1e-9, RMSprop lr 1e-3, seed " + seed + "; " + DIRECT
        + " = discrete adjoint (backpropagation through the solver), " + ADJOINT
        + " = backsolve (continuous adjoint); times per whole iteration, median over"
        + " iterations 11 onwards of a run after " + warmupSeconds + " s of identical untimed"
        + " runs (JIT warm-up; cold_median_ms is the first run's median)";
  }

  /**
   * Runs the cases whose names are in {@code only} (all when empty) one after the other, each a
   * whole training run, reporting each row to {@code progress} as it finishes.
   *
   * @throws IllegalArgumentException if {@code only} names a case the suite does not have
   */
  public Report run(List<String> only, Consumer<CaseResult> progress) {
    List<CaseResult> rows = new ArrayList<>();
    for (BenchCase c : SuiteRunner.select(this, only)) {
      W3Training w = (W3Training) c;
      long deadline = System.nanoTime() + (long) (warmupSeconds * 1e9);
      int warmupRuns = 0;
      double coldMedian = Double.NaN;
      while (System.nanoTime() < deadline) {
        TrainingRun warm = w.run();
        if (warmupRuns++ == 0) {
          coldMedian = warm.medianMs();
        }
      }
      TrainingRun measured = w.run();
      if (warmupRuns == 0) {
        coldMedian = measured.medianMs();
      }
      CaseResult r = measured.toCaseResult(String.format(Locale.ROOT,
          "%s; measured after %d untimed warm-up run%s (cold first run: median %.4g ms)",
          w.note(), warmupRuns, warmupRuns == 1 ? "" : "s", coldMedian))
          .withExtra(Map.of("warmup_runs", warmupRuns, "cold_median_ms", coldMedian));
      rows.add(r);
      progress.accept(r);
    }
    return new Report(name(), BuildInfo.version(), System.getProperty("java.version"), 1, rows,
        header());
  }
}
