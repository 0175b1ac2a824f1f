package org.nde4j.cli.fit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nde4j.learn.data.Normalisation;
import org.nde4j.learn.data.Panel;
import org.nde4j.learn.data.Series;
import org.nde4j.learn.data.WindowBatch;
import org.nde4j.learn.data.WindowSampler;
import org.nde4j.learn.io.RunDirectory;
import org.nde4j.learn.io.Safetensors;
import org.nde4j.learn.models.NeuralOde;
import org.nde4j.learn.nn.Activation;
import org.nde4j.learn.optim.Adam;
import org.nde4j.learn.optim.Optimizer;
import org.nde4j.learn.optim.RmsProp;
import org.nde4j.learn.train.TrainResult;
import org.nde4j.learn.train.Trainer;
import org.nde4j.random.Key;
import org.nde4j.solve.solver.SolverCatalogue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code nde4j fit --model neural-ode}: an MLP vector field on the data's channels, normalised by
 * the training part's mean and standard deviation (stored in {@code model.safetensors}), trained
 * on mini-batches of windows ({@code --batch-size} windows of {@code --batch-time} points) with
 * the mean absolute error; validated by predicting each held-out series (or the held-out end of
 * the series) from its first row.
 */
public final class NeuralOdeJob extends FitJob {
  static final int HIDDEN = 64;
  static final int DEPTH = 2;
  static final String ACTIVATION = "tanh";
  static final String SOLVER = "dopri5";
  static final double RTOL = 1e-6;
  static final double ATOL = 1e-8;
  static final double LR = 0.01;
  static final long ITERATIONS = 500;
  static final int BATCH_SIZE = 20;
  static final int BATCH_TIME = 10;

  private final Path dataFile;
  private final String sha256;
  private final Normalisation norm;
  private final Panel train;
  private final Panel validation;
  private final int batchTime;
  private final int batchSize;
  private final Map<String, Object> config;
  private final NeuralOde ode;

  /**
   * @throws IllegalArgumentException naming the option if one does not fit the data or the model
   */
  public NeuralOdeJob(FitOptions o, Path dataFile, String sha256, Panel panel) {
    super(o, panel);
    if ("lbfgs".equals(o.optimizer())) {
      throw new IllegalArgumentException("--optimizer lbfgs needs the whole data set in every "
          + "step: use it with a model file (--model FILE.yaml); a neural ODE trains on "
          + "mini-batches of windows with adam or rmsprop");
    }
    if (o.lbfgsIterations() != null) {
      throw new IllegalArgumentException("--lbfgs-iters applies to model files only");
    }
    this.dataFile = dataFile;
    this.sha256 = sha256;
    norm = split.train().normalisation();
    train = split.train().normalise(norm);
    validation = split.validation() == null ? null : split.validation().normalise(norm);
    int longest = train.series().stream().mapToInt(Series::length).max().orElse(0);
    batchTime = o.batchTime() != null ? o.batchTime() : Math.min(BATCH_TIME, longest);
    if (batchTime > longest) {
      throw new IllegalArgumentException("--batch-time " + batchTime + " is longer than every "
          + "training series of " + dataFile + " (longest: " + longest + " points)");
    }
    long windows = new WindowSampler(train, batchTime, 1).windows();
    batchSize = o.batchSize() != null ? o.batchSize() : (int) Math.min(BATCH_SIZE, windows);
    if (batchSize > windows) {
      throw new IllegalArgumentException("--batch-size " + batchSize + " is more than the "
          + windows + " distinct windows of " + batchTime + " points in the training data of "
          + dataFile);
    }
    Activation.parse(FitOptions.or(o.activation(), ACTIVATION));
    SolverCatalogue.byName(FitOptions.or(o.solver(), SOLVER));
    config = buildConfig();
    ode = FittedNeuralOde.build(JsonMapper.builder().build().valueToTree(config));
  }

  private Map<String, Object> buildConfig() {
    Map<String, Object> all = baseConfig(dataFile, sha256);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("type", FittedNeuralOde.TYPE);
    model.put("hidden", FitOptions.or(options.hidden(), HIDDEN));
    model.put("depth", FitOptions.or(options.depth(), DEPTH));
    model.put("activation", FitOptions.or(options.activation(), ACTIVATION));
    model.put("init", "PyTorch default (uniform ±1/sqrt(fan_in))");
    model.put("normalisation", "per channel: mean and std of the training data");
    Map<String, Object> solver = new LinkedHashMap<>();
    solver.put("name", FitOptions.or(options.solver(), SOLVER));
    solver.put("rtol", FitOptions.or(options.rtol(), RTOL));
    solver.put("atol", FitOptions.or(options.atol(), ATOL));
    solver.put("adjoint", AdjointChoice.parse(FitOptions.or(options.adjoint(), "auto")).label());
    Map<String, Object> training = new LinkedHashMap<>();
    training.put("optimizer", FitOptions.or(options.optimizer(), "adam"));
    training.put("lr", FitOptions.or(options.lr(), LR));
    training.put("iterations", totalIterations());
    training.put("batch_size", batchSize);
    training.put("batch_time", batchTime);
    training.put("loss", "mean absolute error of normalised windows");
    training.put("validation", validationConfig());
    all.put("model", model);
    all.put("solver", solver);
    all.put("training", training);
    return all;
  }

  @Override
  public Map<String, Object> config() {
    return config;
  }

  @Override
  protected long totalIterations() {
    return FitOptions.or(options.iterations(), ITERATIONS);
  }

  @Override
  protected Trainer<?> trainer(JsonNode cmp, PrintStream progress, long every,
      boolean terminal) {
    double lr = FitOptions.or(options.lr(), LR);
    int n = ode.numParams();
    Optimizer opt = "rmsprop".equals(options.optimizer())
        ? RmsProp.builder().learningRate(lr).build(n)
        : Adam.builder().learningRate(lr).build(n);
    WindowSampler sampler = new WindowSampler(train, batchTime, batchSize);
    Trainer.Builder<WindowBatch> b = Trainer.builder(sampler::sample, ode.lossFunction(), opt)
        .key(Key.of(options.seed()).foldIn(1)).iterations(totalIterations())
        .progress(progress, every, terminal).config(cmp);
    if (validation != null) {
      b.validation(this::validationLoss, validateEvery(), options.patience());
    }
    return b.build();
  }

  /** Mean absolute error (normalised) of each validation series predicted from its first row. */
  private double validationLoss(double[] theta) {
    double sum = 0;
    long count = 0;
    for (Series s : validation.series()) {
      double[] z0 = new double[s.channels()];
      double[] ts = new double[s.length()];
      for (int i = 0; i < ts.length; i++) {
        ts[i] = s.time(i);
      }
      for (int c = 0; c < z0.length; c++) {
        z0[c] = s.isObserved(0, c) ? s.value(0, c) : 0.0;
      }
      double[][] z = ode.predict(theta, z0, ts);
      for (int i = 0; i < ts.length; i++) {
        for (int c = 0; c < z0.length; c++) {
          if (s.isObserved(i, c)) {
            sum += Math.abs(z[i][c] - s.value(i, c));
            count++;
          }
        }
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  @Override
  protected double[] initialTheta() {
    return ode.init(Key.of(options.seed()).foldIn(0)).values();
  }

  @Override
  protected FittedModel fitted(double[] theta) {
    return new FittedNeuralOde(ode, theta, norm);
  }

  @Override
  protected void saveModel(RunDirectory run, double[] theta, TrainResult result)
      throws IOException {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", "nde4j fit: neural ODE on normalised channels (see config.json)");
    meta.put("channels", String.join(",", norm.channels()));
    meta.put("iterations", Long.toString(result.iterations()));
    Safetensors.write(run.modelFile(), FittedNeuralOde.tensors(ode, theta, norm), meta);
  }

  @Override
  public List<String> describe(double[] theta) {
    return List.of("neural ODE: " + ode.network() + ", " + ode.numParams() + " parameters, "
        + "channels " + String.join(" ", norm.channels()));
  }
}
