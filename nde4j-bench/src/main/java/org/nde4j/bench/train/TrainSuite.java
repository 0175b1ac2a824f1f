package org.nde4j.bench.train;

import java.util.ArrayList;
import java.util.List;
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
 */
public final class TrainSuite implements Suite {
  /** The case with backpropagation through the solver. */
  public static final String DIRECT = "w3_train_iter";
  /** The case with the continuous adjoint. */
  public static final String ADJOINT = "w3_train_iter_adjoint";

  private final int iterations;
  private final long seed;

  /**
   * @param iterations training iterations per case ({@code >= 1}; ode_demo's 2000 for a
   *     measurement)
   * @param seed the runs' seed
   * @throws IllegalArgumentException naming {@code iterations} if it is {@code < 1}
   */
  public TrainSuite(int iterations, long seed) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
    }
    this.iterations = iterations;
    this.seed = seed;
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
        + " iterations 11 onwards (JIT warm-up included in the run, as the peer's start-up is)";
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
      CaseResult r = w.run().toCaseResult(w.note());
      rows.add(r);
      progress.accept(r);
    }
    return new Report(name(), BuildInfo.version(), System.getProperty("java.version"), 1, rows,
        header());
  }
}
