package org.nde4j.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nde4j.cli.demo.SpiralDemo;
import org.nde4j.learn.io.RunDirectory;
import org.nde4j.learn.train.StopReason;
import org.nde4j.learn.train.TrainResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nde4j demo}: the main job on an embedded default — generates torchdiffeq's ode_demo
 * spiral, trains a neural ODE on it and writes a run directory with the model, metrics, four plots
 * and {@code report.html} (docs/training.md, "The demo"). Exit code 0 when training completed, 3
 * when it stopped at a non-finite loss (the run directory is still written), 1 for bad input or a
 * file that cannot be written.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {"Train a neural ODE on torchdiffeq's ode_demo spiral and write a run directory",
        "(config.json, provenance.json, metrics.csv, model.safetensors, plots/, report.html)."})
final class DemoCommand implements Callable<Integer> {
  static final String DEFAULT_OUT = "runs/demo";
  static final long DEFAULT_ITERS = 1000;

  @Spec
  private CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = DEFAULT_OUT,
      description = "Run directory (default: ${DEFAULT-VALUE}); refused if it exists and is not "
          + "empty, unless --force.")
  private Path out;

  @Option(names = "--iters", paramLabel = "N", defaultValue = "" + DEFAULT_ITERS,
      description = "Training iterations (default: ${DEFAULT-VALUE}).")
  private long iters;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "Seed of the initialisation and the batches (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--force", description = "Replace the run files in an existing --out.")
  private boolean force;

  @Override
  public Integer call() throws Exception {
    SpiralDemo demo = new SpiralDemo(iters, seed);
    RunDirectory run = RunDirectory.create(out, force);
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "training a neural ODE on the ode_demo spiral: %d iterations, seed %d%n",
        iters, seed);
    w.flush();
    List<String> commandLine = new ArrayList<>();
    commandLine.add("nde4j");
    commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
    TrainResult r;
    try (PrintStream progress = new PrintStream(new WriterStream(w), true,
        StandardCharsets.UTF_8)) {
      r = demo.run(run, commandLine, progress, System.console() != null);
    }
    Path dir = run.path();
    w.printf(Locale.ROOT, "%s after %d iterations; last batch loss %.4g%n",
        r.reason() == StopReason.COMPLETED ? "finished" : "stopped (" + r.reason() + ")",
        r.iterations(), r.loss());
    w.println("wrote run directory " + dir);
    w.println("  report      " + run.reportFile());
    w.println("  plots       " + dir.resolve("plots"));
    w.println("  model       " + run.modelFile());
    w.println("  metrics     " + run.metricsFile());
    w.flush();
    return r.reason() == StopReason.NON_FINITE ? 3 : 0;
  }
}
