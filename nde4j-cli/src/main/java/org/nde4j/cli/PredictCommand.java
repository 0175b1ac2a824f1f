package org.nde4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nde4j.cli.fit.FittedModel;
import org.nde4j.cli.fit.Prediction;
import org.nde4j.cli.fit.PredictionCsv;
import org.nde4j.cli.fit.PredictionPlot;
import org.nde4j.cli.fit.TimeGrids;
import org.nde4j.cli.solve.AtomicFile;
import org.nde4j.learn.data.Panel;
import org.nde4j.learn.io.RunDirectory;
import org.nde4j.learn.report.Figure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nde4j predict}: predicts every series of a CSV file with the model of a {@code nde4j fit}
 * run directory and writes the predictions as long-format CSV (and optionally a PNG plot with the
 * data). A neural ODE starts each series from its first row; a model file from its own initial
 * state at {@code t0}. Exit code 0, or 1 for bad input; existing output files are only replaced
 * with {@code --force}.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {"Predict the series of a CSV file with a model fitted by 'nde4j fit' and write",
        "id,time,<states> as CSV (and a plot with --plot)."})
final class PredictCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--run", paramLabel = "DIR", required = true,
      description = "Run directory of 'nde4j fit' (config.json, model.safetensors).")
  private Path run;

  @Option(names = "--data", paramLabel = "FILE.csv", required = true,
      description = "Series to predict: their ids and times (and first rows, for a neural ODE).")
  private Path data;

  @Option(names = "--t1", paramLabel = "T",
      description = "Predict on past each series' last time to T, at its mean spacing.")
  private Double t1;

  @Option(names = "--out", paramLabel = "FILE.csv", required = true,
      description = "Predictions, id,time,<states>.")
  private Path out;

  @Option(names = "--plot", paramLabel = "FILE.png", description = "Plot predictions and data.")
  private Path plot;

  @Option(names = "--force", description = "Replace existing --out and --plot files.")
  private boolean force;

  @Override
  public Integer call() throws Exception {
    refuseExisting("--out", out);
    if (plot != null) {
      refuseExisting("--plot", plot);
    }
    if (t1 != null && !Double.isFinite(t1)) {
      throw new IllegalArgumentException("--t1 must be a finite time, got " + t1);
    }
    FittedModel model = FittedModel.load(RunDirectory.open(run));
    Panel panel = model.read(data);
    List<Prediction> predictions = Prediction.of(model, panel,
        t1 == null ? TimeGrids.data() : TimeGrids.extendedTo(t1));
    Figure figure = plot == null ? null : PredictionPlot.trajectories("Predictions of " + run,
        model.states(), panel, predictions);
    AtomicFile.writeString(out, PredictionCsv.format(model.states(), predictions));
    if (figure != null) {
      AtomicFile.write(plot, tmp -> Files.write(tmp, figure.png()));
    }
    PrintWriter w = spec.commandLine().getOut();
    int rows = predictions.stream().mapToInt(p -> p.times().length).sum();
    w.printf(Locale.ROOT, "predicted %d series (%d rows) from %s%n", predictions.size(), rows,
        model.start());
    w.println("wrote " + out + (plot != null ? " and " + plot : ""));
    w.flush();
    return 0;
  }

  private void refuseExisting(String option, Path file) {
    if (!force && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException(option + " " + file + " already exists; choose another"
          + " file, or use --force to replace it");
    }
  }
}
