package org.nde4j.cli.fit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nde4j.learn.data.Panel;
import org.nde4j.learn.io.RunDirectory;
import org.nde4j.learn.io.Safetensors;
import org.nde4j.learn.models.ModelFit;
import org.nde4j.learn.optim.Adam;
import org.nde4j.learn.optim.Lbfgs;
import org.nde4j.learn.optim.LbfgsSteps;
import org.nde4j.learn.optim.LossFunction;
import org.nde4j.learn.optim.Optimizer;
import org.nde4j.learn.optim.PhasedOptimizer;
import org.nde4j.learn.optim.RmsProp;
import org.nde4j.learn.train.TrainResult;
import org.nde4j.learn.train.Trainer;
import org.nde4j.modelfile.ModelDefinition;
import org.nde4j.modelfile.SolverSettings;
import org.nde4j.random.Key;
import org.nde4j.solve.solver.SolverCatalogue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code nde4j fit --model FILE.yaml}: the file's unknowns ({@code fit: true} parameters and
 * {@code networks:}) fitted with {@link ModelFit} — the mean squared error over the observed
 * cells (channels named after states; unobserved states are free), every series solved from the
 * model's initial state at {@code t0} — by Adam or RMSprop for {@code --iters} steps, then
 * {@code --lbfgs-iters} L-BFGS iterations ({@code --optimizer lbfgs}: L-BFGS throughout). Every
 * step sees all training data. Validation is the same loss on the held-out data.
 */
public final class ModelFileJob extends FitJob {
  static final String SOLVER = "tsit5";
  static final double RTOL = 1e-7;
  static final double ATOL = 1e-9;
  static final double LR = 0.05;
  static final long ITERATIONS = 200;

  private final Path dataFile;
  private final String sha256;
  private final Path modelFile;
  private final String source;
  private final ModelDefinition def;
  private final Map<String, Object> config;
  private final ModelFit fit;

  /**
   * @param source the model file's text, stored in {@code config.json}
   * @throws IllegalArgumentException naming the option or the model if it cannot be fitted to
   *     these data (nothing to fit, a series before {@code t0})
   */
  public ModelFileJob(FitOptions o, Path modelFile, String source, ModelDefinition def,
      Path dataFile, String sha256, Panel panel) {
    super(o, panel);
    List<String> neural = new ArrayList<>();
    if (o.hidden() != null) {
      neural.add("--hidden");
    }
    if (o.depth() != null) {
      neural.add("--depth");
    }
    if (o.activation() != null) {
      neural.add("--activation");
    }
    if (o.batchSize() != null) {
      neural.add("--batch-size");
    }
    if (o.batchTime() != null) {
      neural.add("--batch-time");
    }
    if (!neural.isEmpty()) {
      throw new IllegalArgumentException(String.join(", ", neural) + ": for --model neural-ode "
          + "only; a model file declares its networks in its networks: section and is fitted on"
          + " all its data at once");
    }
    if ("lbfgs".equals(o.optimizer()) && o.lbfgsIterations() != null) {
      throw new IllegalArgumentException("--lbfgs-iters adds L-BFGS after adam or rmsprop; with "
          + "--optimizer lbfgs every one of the --iters iterations is L-BFGS");
    }
    this.modelFile = modelFile;
    this.source = source;
    this.def = def;
    this.dataFile = dataFile;
    this.sha256 = sha256;
    SolverSettings file = def.solver().orElse(new SolverSettings(java.util.Optional.empty(),
        java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty()));
    SolverCatalogue.byName(FitOptions.or(o.solver(), file.name().orElse(SOLVER)));
    config = buildConfig(file);
    try {
      fit = FittedModelFile.build(JsonMapper.builder().build().valueToTree(config));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(modelFile + ": " + e.getMessage(), e);
    }
    for (var s : panel.series()) {
      if (s.time(0) < def.t0()) {
        throw new IllegalArgumentException(dataFile + ": series '" + s.id() + "' starts at t = "
            + s.time(0) + ", before t0 = " + def.t0() + " of " + modelFile + " (tspan): every "
            + "series is solved from the model's initial state at t0");
      }
    }
  }

  private Map<String, Object> buildConfig(SolverSettings file) {
    Map<String, Object> all = baseConfig(dataFile, sha256);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("type", FittedModelFile.TYPE);
    model.put("file", modelFile.toString());
    model.put("name", def.name());
    model.put("source", source);
    Map<String, Object> solver = new LinkedHashMap<>();
    solver.put("name", FitOptions.or(options.solver(), file.name().orElse(SOLVER)));
    solver.put("rtol", FitOptions.or(options.rtol(), file.rtol().isPresent()
        ? file.rtol().getAsDouble() : RTOL));
    solver.put("atol", FitOptions.or(options.atol(), file.atol().isPresent()
        ? file.atol().getAsDouble() : ATOL));
    solver.put("adjoint", AdjointChoice.parse(FitOptions.or(options.adjoint(), "auto")).label());
    Map<String, Object> training = new LinkedHashMap<>();
    training.put("optimizer", optimizer());
    training.put("lr", optimizer().equals("lbfgs") ? null : FitOptions.or(options.lr(), LR));
    training.put("iterations", FitOptions.or(options.iterations(), ITERATIONS));
    training.put("lbfgs_iterations", lbfgsIterations());
    training.put("loss", "mean squared error over the observed cells");
    training.put("validation", validationConfig());
    all.put("model", model);
    all.put("solver", solver);
    all.put("training", training);
    return all;
  }

  private String optimizer() {
    return FitOptions.or(options.optimizer(), "adam");
  }

  private long lbfgsIterations() {
    return FitOptions.or(options.lbfgsIterations(), 0L);
  }

  @Override
  public Map<String, Object> config() {
    return config;
  }

  @Override
  protected long totalIterations() {
    return FitOptions.or(options.iterations(), ITERATIONS) + lbfgsIterations();
  }

  @Override
  protected Trainer<?> trainer(JsonNode cmp, PrintStream progress, long every,
      boolean terminal) {
    Panel train = split.train();
    Panel validation = split.validation();
    int n = fit.layout().size();
    LossFunction full = (theta, grad) -> fit.loss(train, theta, grad);
    Optimizer opt;
    if (optimizer().equals("lbfgs")) {
      opt = new LbfgsSteps(Lbfgs.builder().build(n), full, n);
    } else {
      double lr = FitOptions.or(options.lr(), LR);
      Optimizer first = optimizer().equals("rmsprop")
          ? RmsProp.builder().learningRate(lr).build(n)
          : Adam.builder().learningRate(lr).build(n);
      opt = lbfgsIterations() == 0 ? first : new PhasedOptimizer(first,
          FitOptions.or(options.iterations(), ITERATIONS),
          new LbfgsSteps(Lbfgs.builder().build(n), full, n));
    }
    Trainer.Builder<Panel> b = Trainer.<Panel>builder(key -> train,
            (theta, batch, grad) -> fit.loss(batch, theta, grad), opt)
        .key(Key.of(options.seed()).foldIn(1)).iterations(totalIterations())
        .progress(progress, every, terminal).config(cmp);
    if (validation != null) {
      b.validation(theta -> fit.loss(validation, theta, null), validateEvery(),
          options.patience());
    }
    return b.build();
  }

  @Override
  protected double[] initialTheta() {
    return fit.initialTheta(Key.of(options.seed()).foldIn(0));
  }

  @Override
  protected FittedModel fitted(double[] theta) {
    return new FittedModelFile(fit, theta);
  }

  @Override
  protected void saveModel(RunDirectory run, double[] theta, TrainResult result)
      throws IOException {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", "nde4j fit: model file " + modelFile.getFileName() + " (see config.json)");
    meta.put("iterations", Long.toString(result.iterations()));
    meta.putAll(FittedModelFile.parameterMetadata(fit, theta));
    Safetensors.write(run.modelFile(), fit.layout().unflatten(theta), meta);
  }

  @Override
  public List<String> describe(double[] theta) {
    List<String> out = new ArrayList<>();
    fit.parameterValues(theta).forEach((k, v) -> out.add(String.format(Locale.ROOT,
        "  %s = %.6g", k, v)));
    if (!def.networks().isEmpty()) {
      out.add("  networks: " + String.join(" ", def.networks().stream()
          .map(nd -> nd.name()).toList()));
    }
    out.add(0, "fitted " + def.name() + ":");
    return out;
  }
}
