package org.nde4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.nde4j.bench.CaseResult;
import org.nde4j.bench.Report;
import org.nde4j.bench.Suite;
import org.nde4j.bench.grad.TorchdiffeqPeer;
import org.nde4j.bench.train.TorchdiffeqTraining;
import org.nde4j.bench.train.TrainSuite;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nde4j bench train}: workload W3 (torchdiffeq's ode_demo) as whole training runs through
 * {@code NeuralOde} and {@code Trainer}; with {@code --peer shared/peers}, torchdiffeq's
 * {@code w3_ode_demo.py} with the same number of iterations in the same run.
 */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"W3 as whole training runs (torchdiffeq's ode_demo: SpiralData, MLP(y^3)"
        + " 2->50->tanh->2, 20 windows of 10 points, mean |pred - true|, dopri5 rtol 1e-7 atol"
        + " 1e-9, RMSprop lr 1e-3) through NeuralOde and Trainer: w3_train_iter (backpropagation"
        + " through the solver) and w3_train_iter_adjoint (continuous adjoint). Each case is one"
        + " run of --iters iterations timed iteration by iteration, after --warmup seconds of"
        + " identical untimed runs: median and quartiles over iterations 11 onwards, NFE forward / backward per iteration, mean batch loss per 100"
        + " iterations, the final full-trajectory loss.",
        "With --peer FOLDER (shared/peers: w3_ode_demo.py; torchdiffeq on PYTHONPATH or in"
        + " FOLDER/src/torchdiffeq) torchdiffeq runs the same iterations after nde4j's cases"
        + " (f64_direct, and f64_adjoint for the adjoint case; 2000 iterations take it about"
        + " 1-2 min direct, 3-5 min adjoint) and the ratios and both loss curves are reported."})
final class BenchTrainCommand extends AbstractSuiteCommand {
  /** ode_demo's number of iterations. */
  static final int DEFAULT_ITERATIONS = 2000;
  /** Iterations under {@code --quick} when {@code --iters} is not given. */
  static final int QUICK_ITERATIONS = 100;

  @Option(names = "--iters", paramLabel = "N",
      description = "Training iterations per case (default: " + DEFAULT_ITERATIONS + ", with"
          + " --quick " + QUICK_ITERATIONS + ").")
  Integer iterations;

  @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
      description = "Seed of the nde4j runs (default: ${DEFAULT-VALUE}; the peer uses its own"
          + " seed 0).")
  long seed;

  /** Seconds of untimed warm-up runs per case; see {@link TrainSuite}. */
  static final double DEFAULT_WARMUP_SECONDS = 5;

  @Option(names = "--warmup", paramLabel = "SECONDS",
      description = "Before each case's measured run, repeat identical untimed runs for this"
          + " long so that the JIT has compiled the hot code (default: "
          + "5, with --quick 0; 0 measures the first, cold run). The first run's median is"
          + " reported as cold_median_ms.")
  Double warmup;

  private int iterations() {
    int n = iterations != null ? iterations : quick ? QUICK_ITERATIONS : DEFAULT_ITERATIONS;
    if (n < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option"
          + " '--iters': must be >= 1, got " + n);
    }
    return n;
  }

  @Override
  Suite suite() {
    double w = warmup != null ? warmup : quick ? 0 : DEFAULT_WARMUP_SECONDS;
    if (!(w >= 0) || Double.isInfinite(w)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option"
          + " '--warmup': must be a finite number of seconds >= 0, got " + w);
    }
    return new TrainSuite(iterations(), seed, w);
  }

  @Override
  Report measure(Suite suite, Consumer<CaseResult> progress) {
    return ((TrainSuite) suite).run(cases, progress);
  }

  /** The peer is not a map of case medians; it runs once. */
  @Override
  boolean supportsRounds() {
    return false;
  }

  @Override
  Report withPeer(Suite suite, Report report, PrintWriter out) {
    Path folder = Files.isDirectory(peer) ? peer : peer.toAbsolutePath().getParent();
    int n = ((TrainSuite) suite).iterations();
    spec.commandLine().getErr().println("running torchdiffeq (w3_ode_demo.py, " + n
        + " iterations per config) from " + folder + " with " + python + "...");
    Report merged = new TorchdiffeqTraining(new TorchdiffeqPeer(python, folder, n))
        .compare(report);
    for (CaseResult r : merged.results()) {
      if (r.name().endsWith(TorchdiffeqTraining.SUFFIX)) {
        row(out, r);
      }
    }
    out.printf(Locale.ROOT, "%n%-28s %12s %12s %9s%n", "case", "nde4j_ms", "peer_ms", "ratio");
    for (CaseResult r : merged.results()) {
      Object p = r.extra().get("peer_median_ms");
      if (p instanceof Double ms) {
        out.printf(Locale.ROOT, "%-28s %12.6g %12.6g %8.3gx%n", r.name(), r.medianMs(), ms,
            ms / r.medianMs());
      }
    }
    out.flush();
    return merged;
  }

  /** The mean batch loss per 100 iterations of every row, side by side. */
  @Override
  void summarise(Report report, PrintWriter out) {
    List<CaseResult> rows = new ArrayList<>();
    List<double[]> curves = new ArrayList<>();
    for (CaseResult r : report.results()) {
      double[] c = numbers(r.extra().get("batch_loss_mean_per_100"));
      if (c != null) {
        rows.add(r);
        curves.add(c);
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    out.printf(Locale.ROOT, "%nmean batch loss per 100 iterations%n%-12s", "iterations");
    for (CaseResult r : rows) {
      out.printf(Locale.ROOT, " %30s", r.name());
    }
    out.println();
    int blocks = curves.stream().mapToInt(c -> c.length).max().orElse(0);
    int last = rows.stream().mapToInt(r -> r.extra().get("iterations") instanceof Integer n ? n
        : 0).max().orElse(0);
    for (int b = 0; b < blocks; b++) {
      int end = last > 0 ? Math.min(last, 100 * (b + 1)) : 100 * (b + 1);
      out.printf(Locale.ROOT, "%-12s", (100 * b + 1) + "-" + end);
      for (double[] c : curves) {
        out.printf(Locale.ROOT, " %30s", b < c.length ? String.format(Locale.ROOT, "%.5f", c[b])
            : "");
      }
      out.println();
    }
    out.printf(Locale.ROOT, "%-12s", "trajectory*");
    for (CaseResult r : rows) {
      Object t = r.extra().get("final_trajectory_loss");
      out.printf(Locale.ROOT, " %30s", t instanceof Number v
          ? String.format(Locale.ROOT, "%.5f", v.doubleValue()) : "");
    }
    out.printf(Locale.ROOT, "%n* mean |prediction - data| over the whole trajectory from y(0)"
        + " after the last iteration%n");
    out.flush();
  }

  /** A {@code double[]} or a list of numbers as an array, else {@code null}. */
  private static double[] numbers(Object o) {
    if (o instanceof double[] d) {
      return d;
    }
    if (o instanceof List<?> l) {
      double[] d = new double[l.size()];
      for (int i = 0; i < d.length; i++) {
        if (!(l.get(i) instanceof Number n)) {
          return null;
        }
        d[i] = n.doubleValue();
      }
      return d;
    }
    return null;
  }
}
