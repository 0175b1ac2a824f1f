package org.nde4j.cli.fit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.nde4j.learn.data.Panel;
import org.nde4j.learn.data.Series;
import org.nde4j.learn.io.RunDirectory;
import tools.jackson.databind.JsonNode;

/**
 * A model fitted by {@code nde4j fit}, rebuilt from its run directory ({@code config.json} and
 * {@code model.safetensors}) to predict: a neural ODE ({@link FittedNeuralOde}) or a model file
 * with fitted unknowns ({@link FittedModelFile}).
 */
public interface FittedModel {

  /** The predicted quantities, the columns after {@code id,time} of a prediction. */
  List<String> states();

  /**
   * Reads data for this model: the channels it was fitted on (a neural ODE needs all of them to
   * start from) or any of a model file's states.
   *
   * @throws org.nde4j.learn.data.DataFileException naming the file, line and column of a problem
   */
  Panel read(Path csv);

  /**
   * The states at {@code times} ({@code [time][state]}) for the series {@code s} of data read by
   * {@link #read}; {@code times[0]} is the series' first time.
   *
   * @throws IllegalArgumentException naming the series if it cannot be predicted
   */
  double[][] predict(Series s, double[] times);

  /** Where each prediction starts, for messages and docs. */
  String start();

  /**
   * The model of a run directory.
   *
   * @throws IOException naming the file if {@code config.json} or {@code model.safetensors} is
   *     missing, damaged, or not from {@code nde4j fit}
   */
  static FittedModel load(RunDirectory run) throws IOException {
    JsonNode config = run.readConfig();
    if (!"fit".equals(config.path("command").asString(""))) {
      throw new IOException(run.configFile() + ": not a run of 'nde4j fit' (command: "
          + config.path("command").asString("none") + "); predict needs a fitted model");
    }
    String type = config.path("model").path("type").asString("");
    return switch (type) {
      case FittedNeuralOde.TYPE -> FittedNeuralOde.load(run, config);
      case FittedModelFile.TYPE -> FittedModelFile.load(run, config);
      default -> throw new IOException(run.configFile() + ": unknown model.type '" + type
          + "' (expected " + FittedNeuralOde.TYPE + " or " + FittedModelFile.TYPE + ")");
    };
  }
}
