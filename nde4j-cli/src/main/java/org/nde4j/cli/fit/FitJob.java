package org.nde4j.cli.fit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nde4j.learn.data.Panel;
import org.nde4j.learn.data.Split;
import org.nde4j.learn.io.MetricsHistory;
import org.nde4j.learn.io.Provenance;
import org.nde4j.learn.io.RunDirectory;
import org.nde4j.learn.report.Figure;
import org.nde4j.learn.report.LossPlot;
import org.nde4j.learn.report.RunReport;
import org.nde4j.learn.report.RunSummary;
import org.nde4j.learn.train.RunConfig;
import org.nde4j.learn.train.TrainResult;
import org.nde4j.learn.train.Trainer;
import org.nde4j.random.Key;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One {@code nde4j fit} run: the resolved configuration, the trainer, and what is written after
 * training — {@code model.safetensors}, the plots and {@code report.html}. Subclasses supply the
 * model ({@link NeuralOdeJob}, {@link ModelFileJob}).
 *
 * <p><b>Resume.</b> The configuration compared with a run directory's {@code config.json} (and
 * recorded in its checkpoints) leaves out {@code data.file} (the data are identified by their
 * SHA-256) and, for runs without an L-BFGS phase, {@code training.iterations}, so a resumed run
 * may be extended.
 */
public abstract class FitJob {
  /** Points of the smooth prediction curves in the report's plots. */
  static final int PLOT_POINTS = 200;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  protected final FitOptions options;
  protected final Panel panel;
  protected final Split split;
  protected final String splitKind;

  /**
   * Splits the data: by series when there are at least 2 (a random {@code --val-fraction} of
   * them), otherwise in time (the last {@code --val-fraction} of the range); none with fraction
   * 0.
   *
   * @throws IllegalArgumentException naming {@code --val-fraction} if a part would be too short
   */
  protected FitJob(FitOptions options, Panel panel) {
    this.options = options;
    this.panel = panel;
    if (options.valFraction() == 0) {
      split = new Split(panel, null);
      splitKind = "none";
    } else {
      try {
        if (panel.series().size() >= 2) {
          split = panel.splitBySeries(options.valFraction(), Key.of(options.seed()).foldIn(2));
          splitKind = "series";
        } else {
          split = panel.splitByTime(options.valFraction());
          splitKind = "time";
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--val-fraction " + options.valFraction() + ": "
            + e.getMessage() + " (use a smaller fraction, or 0 for no validation)", e);
      }
    }
  }

  /** The data being fitted (training and validation parts together). */
  public Panel data() {
    return panel;
  }

  /** The fully resolved configuration written to {@code config.json}. */
  public abstract Map<String, Object> config();

  /** A trainer with a fresh optimiser; {@code config} is what its checkpoints record. */
  protected abstract Trainer<?> trainer(JsonNode config, PrintStream progress, long progressEvery,
      boolean terminal);

  /** The starting θ. */
  protected abstract double[] initialTheta();

  /** The model at θ. */
  protected abstract FittedModel fitted(double[] theta);

  /** Writes {@code model.safetensors} for θ. */
  protected abstract void saveModel(RunDirectory run, double[] theta, TrainResult result)
      throws IOException;

  /** Lines for the console after training: what was fitted. */
  public abstract List<String> describe(double[] theta);

  /** Trainer iterations in all. */
  protected abstract long totalIterations();

  /** The common parts of the configuration: command, seed, data, validation. */
  protected Map<String, Object> baseConfig(Path dataFile, String sha256) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("file", dataFile.toString());
    data.put("sha256", sha256);
    data.put("channels", panel.channels());
    data.put("series", panel.series().size());
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("command", "fit");
    all.put("seed", options.seed());
    all.put("data", data);
    return all;
  }

  /** The {@code training.validation} entry. */
  protected Map<String, Object> validationConfig() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("split", splitKind);
    if (split.validation() != null) {
      v.put("fraction", options.valFraction());
      v.put("every", validateEvery());
      v.put("patience", options.patience());
    }
    return v;
  }

  /** Iterations between validations. */
  protected long validateEvery() {
    return options.validateEvery();
  }

  /** The configuration that must match to resume (class comment). */
  static JsonNode comparable(Object config) {
    JsonNode tree = JSON.valueToTree(config);
    JsonNode n = tree.deepCopy();
    if (n.path("data") instanceof ObjectNode d) {
      d.remove("file");
    }
    if (n.path("training") instanceof ObjectNode t && t.path("lbfgs_iterations").asLong(0) == 0) {
      t.remove("iterations");
    }
    return n;
  }

  /**
   * Checks that {@code run} was made with this configuration.
   *
   * @throws IllegalArgumentException naming {@code --resume}, the directory and every differing
   *     key
   */
  public void checkResumable(RunDirectory run) throws IOException {
    List<String> diff = RunConfig.differences(RunConfig.canonical(comparable(run.readConfig())),
        RunConfig.canonical(comparable(config())), run.configFile().toString());
    if (!diff.isEmpty()) {
      throw new IllegalArgumentException("--resume " + run.path() + ": the run was made with "
          + "other options or data: " + String.join("; ", diff) + ". Give the options of that run"
          + " (only --iters may change, to extend a run without an L-BFGS phase), or start a new "
          + "run with --out");
    }
  }

  /**
   * Trains (from scratch into a new run directory, or on from its last checkpoint) and writes the
   * model, the plots and the report; {@code config.json} and {@code provenance.json} are written
   * first for a fresh run.
   *
   * @return the training result; the model saved is its {@link TrainResult#bestTheta()}
   */
  public TrainResult run(RunDirectory run, boolean resume, Path dataFile,
      List<String> commandLine, PrintStream progress, boolean terminal) throws IOException {
    Map<String, Object> config = config();
    if (!resume) {
      run.writeConfig(config);
      run.writeProvenance(Provenance.of(options.seed(), List.of(dataFile), commandLine));
    }
    Trainer<?> trainer = trainer(comparable(config), progress,
        Math.max(1, totalIterations() / 10), terminal);
    double[] theta = initialTheta();
    TrainResult r = resume ? trainer.resume(run, theta) : trainer.run(run, theta);
    if (resume) {
      run.writeConfig(config);
    }
    saveModel(run, r.bestTheta(), r);
    writeReport(run, fitted(r.bestTheta()));
    return r;
  }

  private void writeReport(RunDirectory run, FittedModel model) throws IOException {
    MetricsHistory m = MetricsHistory.read(run.metricsFile());
    List<Figure> figures = new ArrayList<>();
    RunSummary summary = new RunSummary(0, Double.NaN, Double.NaN, -1, m.seconds());
    if (m.iterations().length > 0) {
      summary = RunSummary.of(m.iterations(), m.loss(), m.seconds());
      figures.add(LossPlot.plot(m.iterations(), m.loss(),
          m.hasValidation() ? m.validationIterations() : null,
          m.hasValidation() ? m.validation() : null, true));
    }
    List<Prediction> p = Prediction.of(model, panel, TimeGrids.dense(PLOT_POINTS));
    figures.add(PredictionPlot.trajectories("Fitted trajectories and data", model.states(),
        panel, p));
    if (model.states().size() >= 2) {
      figures.add(PredictionPlot.phase("Phase portrait", model.states(), panel, p.get(0)));
    }
    RunReport.write(run, summary, figures);
  }
}
