package org.nde4j.cli.fit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nde4j.learn.data.CsvLayout;
import org.nde4j.learn.data.Panel;
import org.nde4j.learn.data.PanelCsv;
import org.nde4j.learn.data.Series;
import org.nde4j.learn.io.RunDirectory;
import org.nde4j.learn.io.Safetensors;
import org.nde4j.learn.models.GrowingHorizon;
import org.nde4j.learn.models.ModelFit;
import org.nde4j.modelfile.ModelDefinition;
import org.nde4j.modelfile.ModelFile;
import org.nde4j.solve.solver.SolverCatalogue;
import tools.jackson.databind.JsonNode;

/**
 * A model file with fitted unknowns: every prediction is solved from the model's own initial
 * state ({@code states:} of the file) at its {@code t0} — as the fit solved it —, so the data only
 * give the times (which must not precede {@code t0}) and the points of a plot.
 */
public final class FittedModelFile implements FittedModel {
  /** {@code model.type} in {@code config.json}. */
  public static final String TYPE = "model-file";
  /** Step budget of one solve. */
  static final long MAX_STEPS = 100_000;

  private final ModelFit fit;
  private final double[] theta;

  FittedModelFile(ModelFit fit, double[] theta) {
    this.fit = fit;
    this.theta = theta.clone();
  }

  /**
   * The fitting problem {@code config} describes: the model text stored under {@code
   * model.source} (so the run does not depend on the file staying unchanged) and {@code
   * solver.name/rtol/atol/adjoint}.
   *
   * @throws org.nde4j.modelfile.ModelFileException if the stored text is not a valid model
   */
  static ModelFit build(JsonNode config) {
    JsonNode m = config.path("model");
    JsonNode s = config.path("solver");
    ModelDefinition def = ModelFile.parse(m.path("source").asString(), m.path("file").asString());
    // fit's trainer steps on the whole panel; ModelFit.fit's growing horizon is not used here
    return ModelFit.of(def, new ModelFit.Options(SolverCatalogue.byName(s.path("name").asString()),
        s.path("rtol").asDouble(), s.path("atol").asDouble(),
        AdjointChoice.parse(s.path("adjoint").asString()).adjoint(), null, MAX_STEPS,
        GrowingHorizon.none()));
  }

  /** The fitted parameters' values as {@code model.safetensors} metadata ({@code param.NAME}). */
  static Map<String, String> parameterMetadata(ModelFit fit, double[] theta) {
    Map<String, String> meta = new LinkedHashMap<>();
    fit.parameterValues(theta).forEach((k, v) -> meta.put("param." + k, Double.toString(v)));
    return meta;
  }

  static FittedModelFile load(RunDirectory run, JsonNode config) throws IOException {
    ModelFit fit = build(config);
    try {
      double[] theta = fit.layout().flatten(Safetensors.read(run.modelFile()).tensors());
      return new FittedModelFile(fit, theta);
    } catch (IllegalArgumentException e) {
      throw new IOException(run.modelFile() + ": does not match config.json: " + e.getMessage(),
          e);
    }
  }

  @Override
  public List<String> states() {
    return fit.model().stateNames();
  }

  @Override
  public Panel read(Path csv) {
    return PanelCsv.readSubset(csv, CsvLayout.AUTO, states());
  }

  @Override
  public double[][] predict(Series s, double[] times) {
    if (times[0] < fit.model().t0()) {
      throw new IllegalArgumentException("series '" + s.id() + "' starts at t = " + times[0]
          + ", before the model's t0 = " + fit.model().t0() + ": predictions start from the "
          + "model's initial state at t0");
    }
    return fit.predict(times, theta);
  }

  @Override
  public String start() {
    return String.format(Locale.ROOT, "the model's initial state at t0 = %s", fit.model().t0());
  }
}
