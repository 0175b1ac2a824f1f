package org.nde4j.cli.fit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nde4j.learn.data.CsvLayout;
import org.nde4j.learn.data.Normalisation;
import org.nde4j.learn.data.Panel;
import org.nde4j.learn.data.PanelCsv;
import org.nde4j.learn.data.Series;
import org.nde4j.learn.io.RunDirectory;
import org.nde4j.learn.io.Safetensors;
import org.nde4j.learn.io.SafetensorsFile;
import org.nde4j.learn.models.NeuralOde;
import org.nde4j.learn.nn.Activation;
import org.nde4j.solve.solver.SolverCatalogue;
import org.nde4j.tensor.Tensor;
import tools.jackson.databind.JsonNode;

/**
 * A fitted neural ODE on normalised channels: each series is predicted from its first row
 * (normalised with the training statistics; a missing cell starts at the channel's training
 * mean), and the prediction is mapped back to the data's units.
 */
public final class FittedNeuralOde implements FittedModel {
  /** {@code model.type} in {@code config.json}. */
  public static final String TYPE = "neural-ode";

  private final NeuralOde ode;
  private final double[] theta;
  private final Normalisation norm;

  FittedNeuralOde(NeuralOde ode, double[] theta, Normalisation norm) {
    this.ode = ode;
    this.theta = theta.clone();
    this.norm = norm;
  }

  /**
   * The network and solver that {@code config} describes ({@code data.channels}, {@code
   * model.hidden/depth/activation}, {@code solver.name/rtol/atol/adjoint}).
   *
   * @throws IllegalArgumentException naming the key if a value is unknown
   */
  static NeuralOde build(JsonNode config) {
    JsonNode m = config.path("model");
    JsonNode s = config.path("solver");
    return NeuralOde.builder(channels(config).size())
        .hidden(m.path("hidden").asInt(), m.path("depth").asInt())
        .activation(Activation.parse(m.path("activation").asString()))
        .solver(SolverCatalogue.byName(s.path("name").asString()))
        .tolerances(s.path("rtol").asDouble(), s.path("atol").asDouble())
        .adjoint(AdjointChoice.parse(s.path("adjoint").asString()).adjoint())
        .build();
  }

  static List<String> channels(JsonNode config) {
    List<String> out = new ArrayList<>();
    config.path("data").path("channels").forEach(c -> out.add(c.asString()));
    return out;
  }

  /** The tensors of {@code model.safetensors}: the network's θ and the normalisation. */
  static Map<String, Tensor> tensors(NeuralOde ode, double[] theta, Normalisation norm) {
    Map<String, Tensor> t = new LinkedHashMap<>(ode.parameters(theta));
    t.putAll(norm.toTensors());
    return t;
  }

  static FittedNeuralOde load(RunDirectory run, JsonNode config) throws IOException {
    NeuralOde ode = build(config);
    SafetensorsFile f = Safetensors.read(run.modelFile());
    Map<String, Tensor> params = new LinkedHashMap<>(f.tensors());
    params.remove(Normalisation.MEAN);
    params.remove(Normalisation.STD);
    try {
      Normalisation norm = Normalisation.fromTensors(channels(config), f.tensors());
      return new FittedNeuralOde(ode, ode.layout().flatten(params), norm);
    } catch (IllegalArgumentException e) {
      throw new IOException(run.modelFile() + ": does not match config.json: " + e.getMessage(),
          e);
    }
  }

  @Override
  public List<String> states() {
    return norm.channels();
  }

  @Override
  public Panel read(Path csv) {
    return PanelCsv.read(csv, CsvLayout.AUTO, norm.channels());
  }

  @Override
  public double[][] predict(Series s, double[] times) {
    double[] z0 = new double[s.channels()];
    for (int c = 0; c < z0.length; c++) {
      z0[c] = s.isObserved(0, c) ? norm.normalise(c, s.value(0, c)) : 0.0;
    }
    double[][] y = denormalise(ode.predict(theta, z0, times));
    for (int c = 0; c < z0.length; c++) {
      if (s.isObserved(0, c)) {
        y[0][c] = s.value(0, c);   // the start is the row itself, not its normalised round trip
      }
    }
    return y;
  }

  private double[][] denormalise(double[][] z) {
    for (double[] row : z) {
      for (int c = 0; c < row.length; c++) {
        row[c] = norm.denormalise(c, row[c]);
      }
    }
    return z;
  }

  @Override
  public String start() {
    return "each series' first row";
  }
}
