package org.nde4j.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nde4j.cli.fit.AdjointChoice;
import org.nde4j.cli.fit.FitJob;
import org.nde4j.cli.fit.FitOptions;
import org.nde4j.cli.fit.FittedNeuralOde;
import org.nde4j.cli.fit.ModelFileJob;
import org.nde4j.cli.fit.NeuralOdeJob;
import org.nde4j.learn.data.CsvLayout;
import org.nde4j.learn.data.DataFileException;
import org.nde4j.learn.data.Panel;
import org.nde4j.learn.data.PanelCsv;
import org.nde4j.learn.io.Provenance;
import org.nde4j.learn.io.RunDirectory;
import org.nde4j.learn.train.StopReason;
import org.nde4j.learn.train.TrainResult;
import org.nde4j.modelfile.ModelDefinition;
import org.nde4j.modelfile.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nde4j fit}: fits a neural ODE or a model file's unknowns to a CSV of time series and
 * writes a run directory (docs/cli.md, "Fitting from the command line"). Exit code 0 when
 * training completed or stopped early on validation, 3 when it stopped at a non-finite loss (the
 * run directory is still written), 1 for bad input — nothing is written then, and an existing run
 * directory is only replaced with {@code --force}.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {"Fit a neural ODE, or the unknowns of a model file, to time series in a CSV "
        + "file", "(long: id,time,<channels>; wide: time,<channels>) and write a run directory."})
final class FitCommand implements Callable<Integer> {
  static final String DEFAULT_OUT = "runs/fit";

  @Spec
  private CommandSpec spec;

  @Option(names = "--data", paramLabel = "FILE.csv", required = true,
      description = "The data: id,time,<channels…> or time,<channels…>.")
  private Path data;

  @Option(names = "--model", paramLabel = "neural-ode|MODEL.yaml", defaultValue = "neural-ode",
      description = "neural-ode (default), or a model file with unknowns (fit: true, networks:).")
  private String model;

  @Option(names = "--hidden", paramLabel = "W",
      description = "Neural ODE: hidden width (default 64).")
  private Integer hidden;

  @Option(names = "--depth", paramLabel = "D",
      description = "Neural ODE: hidden layers (default 2).")
  private Integer depth;

  @Option(names = "--activation", paramLabel = "NAME",
      description = "Neural ODE: tanh (default), relu, softplus, gelu, sigmoid, identity.")
  private String activation;

  @Option(names = "--solver", paramLabel = "NAME",
      description = "Solver (default: dopri5 for a neural ODE; the model file's, else tsit5).")
  private String solver;

  @Option(names = "--rtol", paramLabel = "R",
      description = "Relative tolerance (default 1e-6 neural ODE; the model's, else 1e-7).")
  private Double rtol;

  @Option(names = "--atol", paramLabel = "A",
      description = "Absolute tolerance (default 1e-8 neural ODE; the model's, else 1e-9).")
  private Double atol;

  @Option(names = "--adjoint", paramLabel = "NAME", description = "Gradient method: auto "
      + "(default), direct, checkpoint, backsolve, interpolating, reversible.")
  private String adjoint;

  @Option(names = "--optimizer", paramLabel = "NAME",
      description = "adam (default), rmsprop, or lbfgs (model files).")
  private String optimizer;

  @Option(names = "--lr", paramLabel = "LR",
      description = "Learning rate (default 0.01 neural ODE, 0.05 model file).")
  private Double lr;

  @Option(names = "--iters", paramLabel = "N",
      description = "Iterations (default 500 neural ODE, 200 model file).")
  private Long iters;

  @Option(names = "--lbfgs-iters", paramLabel = "N",
      description = "Model files: L-BFGS iterations after adam/rmsprop (default 0).")
  private Long lbfgsIters;

  @Option(names = "--batch-size", paramLabel = "B",
      description = "Neural ODE: windows per batch (default 20, at most the windows there are).")
  private Integer batchSize;

  @Option(names = "--batch-time", paramLabel = "K",
      description = "Neural ODE: points per window (default 10, at most the longest series).")
  private Integer batchTime;

  @Option(names = "--val-fraction", paramLabel = "F", defaultValue = "0.2",
      description = "Held out for validation: series if >= 2, else the end of the time range; "
          + "0 for none (default: ${DEFAULT-VALUE}).")
  private double valFraction;

  @Option(names = "--validate-every", paramLabel = "N", defaultValue = "10",
      description = "Iterations between validations (default: ${DEFAULT-VALUE}).")
  private long validateEvery;

  @Option(names = "--patience", paramLabel = "P", defaultValue = "10",
      description = "Stop after P validations without improvement (default: ${DEFAULT-VALUE}).")
  private int patience;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "Seed of initialisation, split and batches (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Run directory (default: " + DEFAULT_OUT + "); refused if it exists and is "
          + "not empty, unless --force.")
  private Path out;

  @Option(names = "--resume", paramLabel = "DIR",
      description = "Continue the run in DIR from its last checkpoint; the options must be that "
          + "run's (--iters may grow).")
  private Path resume;

  @Option(names = "--force", description = "Replace the run files in an existing --out.")
  private boolean force;

  @Override
  public Integer call() throws Exception {
    if (resume != null && (out != null || force)) {
      throw new IllegalArgumentException((out != null ? "--out" : "--force") + " cannot be "
          + "combined with --resume: a resumed run continues in its own directory");
    }
    if (optimizer != null && !List.of("adam", "rmsprop", "lbfgs").contains(optimizer)) {
      throw new IllegalArgumentException("--optimizer: unknown optimizer '" + optimizer
          + "' (known: adam rmsprop lbfgs)");
    }
    if (adjoint != null) {
      try {
        AdjointChoice.parse(adjoint);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--adjoint: " + e.getMessage(), e);
      }
    }
    FitOptions o = new FitOptions(data, seed, hidden, depth, activation, solver, rtol, atol,
        adjoint, optimizer, lr, iters, lbfgsIters, batchSize, batchTime, valFraction,
        validateEvery, patience);
    FitJob job = job(o);
    RunDirectory run;
    if (resume != null) {
      run = RunDirectory.open(resume);
      job.checkResumable(run);
    } else {
      run = RunDirectory.create(out != null ? out : Path.of(DEFAULT_OUT), force);
    }
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "%s %s on %s: %d series, channels %s%n",
        resume != null ? "resuming" : "fitting", model, data, job.data().series().size(),
        String.join(" ", job.data().channels()));
    w.flush();
    List<String> commandLine = new ArrayList<>();
    commandLine.add("nde4j");
    commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
    TrainResult r;
    try (PrintStream progress = new PrintStream(new WriterStream(w), true,
        StandardCharsets.UTF_8)) {
      r = job.run(run, resume != null, data, commandLine, progress, System.console() != null);
    }
    w.printf(Locale.ROOT, "%s after %d iterations; last batch loss %.4g%s%n",
        r.reason() == StopReason.COMPLETED ? "finished"
            : r.reason() == StopReason.EARLY_STOPPED ? "stopped early (no validation improvement)"
            : "stopped (" + r.reason() + ")",
        r.iterations(), r.loss(), Double.isNaN(r.bestValidationLoss()) ? ""
            : String.format(Locale.ROOT, "; best validation loss %.4g at iteration %d",
                r.bestValidationLoss(), r.bestIteration()));
    job.describe(r.bestTheta()).forEach(w::println);
    Path dir = run.path();
    w.println("wrote run directory " + dir);
    w.println("  report      " + run.reportFile());
    w.println("  plots       " + dir.resolve("plots"));
    w.println("  model       " + run.modelFile());
    w.println("  metrics     " + run.metricsFile());
    w.flush();
    return r.reason() == StopReason.NON_FINITE ? 3 : 0;
  }

  /** Reads the model and the data; everything that can be wrong with them fails here. */
  private FitJob job(FitOptions o) throws Exception {
    String sha = sha256(data);
    if (model.equals(FittedNeuralOde.TYPE)) {
      Panel panel = PanelCsv.read(data);
      return new NeuralOdeJob(o, data, sha, panel);
    }
    Path file = Path.of(model);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--model: '" + model + "' is neither a model keyword ("
          + FittedNeuralOde.TYPE + ") nor an existing model file (.yaml, .yml, .json)");
    }
    String source = Files.readString(file, StandardCharsets.UTF_8);
    ModelDefinition def = ModelFile.parse(source, model);
    Panel panel = PanelCsv.readSubset(data, CsvLayout.AUTO, def.stateNames());
    return new ModelFileJob(o, file, source, def, data, sha, panel);
  }

  private static String sha256(Path file) {
    try {
      return Provenance.sha256(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new DataFileException(file.toString(), 0, 0, "no such file", e);
    } catch (java.io.IOException e) {
      throw new DataFileException(file.toString(), 0, 0, "cannot be read: " + e, e);
    }
  }
}
