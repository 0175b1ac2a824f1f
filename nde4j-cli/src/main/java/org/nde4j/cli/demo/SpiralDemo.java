package org.nde4j.cli.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nde4j.learn.data.Panel;
import org.nde4j.learn.data.Series;
import org.nde4j.learn.data.SpiralData;
import org.nde4j.learn.data.WindowBatch;
import org.nde4j.learn.data.WindowSampler;
import org.nde4j.learn.io.MetricsHistory;
import org.nde4j.learn.io.Provenance;
import org.nde4j.learn.io.RunDirectory;
import org.nde4j.learn.io.Safetensors;
import org.nde4j.learn.models.NeuralOde;
import org.nde4j.learn.nn.Initializer;
import org.nde4j.learn.optim.Adam;
import org.nde4j.learn.optim.Optimizer;
import org.nde4j.learn.optim.Schedule;
import org.nde4j.learn.report.Figure;
import org.nde4j.learn.report.LossPlot;
import org.nde4j.learn.report.PhasePortrait;
import org.nde4j.learn.report.QuiverPlot;
import org.nde4j.learn.report.RunReport;
import org.nde4j.learn.report.RunSummary;
import org.nde4j.learn.report.TrajectoryPlot;
import org.nde4j.learn.train.TrainResult;
import org.nde4j.learn.train.Trainer;
import org.nde4j.random.Key;

/**
 * The demo run: torchdiffeq's {@code ode_demo} end to end. The spiral data ({@link SpiralData}),
 * a neural ODE {@code dy/dt = MLP(y³)} with MLP 2→50→tanh→2 (weights N(0, 0.1), biases 0, as
 * ode_demo), trained with Adam on batches of 20 windows of 10 points (dopri5, rtol 1e-7, atol
 * 1e-9, the {@code auto} adjoint, mean absolute error), validated every few iterations on the
 * whole trajectory from {@code y(0)}; then {@code model.safetensors}, the four plots and {@code
 * report.html} in the run directory.
 */
public final class SpiralDemo {
  /** Windows per batch (ode_demo's {@code batch_size}). */
  public static final int BATCH_SIZE = 20;
  /** Points per window (ode_demo's {@code batch_time}). */
  public static final int BATCH_TIME = 10;
  /** Hidden width (ode_demo's). */
  public static final int HIDDEN = 50;
  /** Adam's first learning rate. */
  public static final double LEARNING_RATE = 0.01;
  /** Adam's last learning rate, reached by cosine decay at the last iteration. */
  public static final double FINAL_LEARNING_RATE = 1e-4;
  /** Solver tolerances (ode_demo's). */
  public static final double RTOL = 1e-7;
  public static final double ATOL = 1e-9;

  private final long iterations;
  private final long seed;

  /**
   * @throws IllegalArgumentException naming {@code iterations} if it is {@code < 1}
   */
  public SpiralDemo(long iterations, long seed) {
    if (iterations < 1) {
      throw new IllegalArgumentException("--iters must be >= 1, got " + iterations);
    }
    this.iterations = iterations;
    this.seed = seed;
  }

  /** The neural ODE the demo trains. */
  public static NeuralOde model() {
    return NeuralOde.builder(2).hidden(HIDDEN).inputTransform(y -> y.pow(3))
        .init(Initializer.normal(0.1), Initializer.zeros()).tolerances(RTOL, ATOL).build();
  }

  /** The fully resolved configuration written to {@code config.json}. */
  Map<String, Object> config() {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("type", "neural-ode");
    model.put("field", "MLP(y^3)");
    model.put("widths", List.of(2, HIDDEN, 2));
    model.put("activation", "tanh");
    model.put("init", "weights N(0, 0.1), biases 0");
    Map<String, Object> solver = new LinkedHashMap<>();
    solver.put("name", "dopri5");
    solver.put("rtol", RTOL);
    solver.put("atol", ATOL);
    solver.put("adjoint", "auto");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("source", "ode_demo spiral dy/dt = (y^3) A, A = [[-0.1, 2.0], [-2.0, -0.1]]");
    data.put("y0", List.of(SpiralData.Y0[0], SpiralData.Y0[1]));
    data.put("t", "linspace(0, " + SpiralData.T1 + ", " + SpiralData.POINTS + ")");
    Map<String, Object> training = new LinkedHashMap<>();
    training.put("optimizer", "adam");
    training.put("lr", LEARNING_RATE);
    training.put("schedule", "cosine to " + FINAL_LEARNING_RATE);
    training.put("loss", "mean absolute error");
    training.put("iterations", iterations);
    training.put("batch_size", BATCH_SIZE);
    training.put("batch_time", BATCH_TIME);
    training.put("validate_every", validateEvery());
    training.put("validation", "mean absolute error of the whole trajectory from y(0)");
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("command", "demo");
    all.put("seed", seed);
    all.put("model", model);
    all.put("solver", solver);
    all.put("data", data);
    all.put("training", training);
    return all;
  }

  private long validateEvery() {
    return Math.max(1, iterations / 10);
  }

  /**
   * Trains and writes the run directory.
   *
   * @param run         a freshly created run directory
   * @param commandLine the command line, for {@code provenance.json}
   * @param progress    where the progress line goes
   * @param terminal    whether {@code progress} is a terminal
   * @return the training result
   * @throws IOException naming the file if a file of the run cannot be written
   */
  public TrainResult run(RunDirectory run, List<String> commandLine, PrintStream progress,
      boolean terminal) throws IOException {
    Map<String, Object> config = config();
    run.writeConfig(config);
    run.writeProvenance(Provenance.of(seed, List.of(), commandLine));
    Panel panel = SpiralData.panel();
    Series series = panel.series().get(0);
    double[] times = series.times().toArray();
    double[][] data = rows(series.values().toArray(), times.length);
    NeuralOde ode = model();
    Key root = Key.of(seed);
    double[] theta = ode.init(root.foldIn(0)).values();
    Optimizer adam = Adam.builder()
        .schedule(Schedule.cosine(LEARNING_RATE, iterations, FINAL_LEARNING_RATE))
        .build(theta.length);
    WindowSampler sampler = new WindowSampler(panel, BATCH_TIME, BATCH_SIZE);
    Trainer<WindowBatch> trainer = Trainer.builder(sampler::sample, ode.lossFunction(), adam)
        .key(root.foldIn(1)).iterations(iterations)
        .validation(th -> trajectoryError(ode, th, times, data), validateEvery(),
            Integer.MAX_VALUE)
        .progress(progress, Math.max(1, iterations / 10), terminal)
        .config(config).build();
    TrainResult result = trainer.run(run, theta);
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", "nde4j neural ODE: dy/dt = MLP(y^3), MLP 2-" + HIDDEN + "-tanh-2");
    meta.put("iterations", Long.toString(result.iterations()));
    Safetensors.write(run.modelFile(), ode.parameters(theta), meta);
    writeReport(run, ode, theta, times, data);
    return result;
  }

  /** Mean absolute error of the whole trajectory from {@code y(0)}; NaN if the solve failed. */
  private static double trajectoryError(NeuralOde ode, double[] theta, double[] times,
      double[][] data) {
    double[][] pred = ode.predict(theta, data[0], times);
    double sum = 0;
    for (int i = 0; i < times.length; i++) {
      sum += Math.abs(pred[i][0] - data[i][0]) + Math.abs(pred[i][1] - data[i][1]);
    }
    return sum / (2 * times.length);
  }

  private void writeReport(RunDirectory run, NeuralOde ode, double[] theta, double[] times,
      double[][] data) throws IOException {
    MetricsHistory m = MetricsHistory.read(run.metricsFile());
    double[][] pred = ode.predict(theta, data[0], times);
    List<String> channels = SpiralData.CHANNELS;
    List<Figure> figures = new ArrayList<>();
    figures.add(TrajectoryPlot.plot("Learned trajectory and data", channels, times, pred, times,
        data));
    figures.add(PhasePortrait.plot("Phase portrait", channels, 0, 1, pred, data));
    figures.add(QuiverPlot.plot("Learned vector field", "x", "y",
        (x, y) -> ode.rate(theta, 0, new double[] {x, y}),
        new QuiverPlot.Grid(-2, 2, -2, 2, 21), pred));
    figures.add(LossPlot.plot(m.iterations(), m.loss(), m.validationIterations(), m.validation(), true));
    RunReport.write(run, RunSummary.of(m.iterations(), m.loss(), m.seconds()), figures);
  }

  private static double[][] rows(double[] flat, int n) {
    int c = flat.length / n;
    double[][] out = new double[n][c];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * c, out[i], 0, c);
    }
    return out;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SpiralDemo(%d iterations, seed %d)", iterations, seed);
  }
}
