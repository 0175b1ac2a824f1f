package org.nde4j.learn.train;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.nde4j.learn.io.AtomicFile;
import org.nde4j.learn.io.MetricsCsv;
import org.nde4j.learn.io.RunDirectory;
import org.nde4j.learn.optim.GradientClipping;
import org.nde4j.learn.optim.Optimizer;
import org.nde4j.random.Key;

/**
 * The training loop over one flat parameter vector {@code θ} (DESIGN.md §1.7). Iteration {@code i
 * = 1, 2, …, iterations}:
 * <ol>
 *   <li>batch = {@code sampler.sample(key.foldIn(i))} — a function of the key and {@code i} only;</li>
 *   <li>loss and gradient from the {@link LossAndGradient}; a non-finite one ends the run
 *       ({@link StopReason#NON_FINITE}) before the step;</li>
 *   <li>clipping ({@link GradientClipping#byGlobalNorm}, then {@link GradientClipping#byValue}),
 *       each if configured;</li>
 *   <li>{@link Optimizer#step} at the learning rate of its schedule;</li>
 *   <li>every {@code validateEvery} iterations the {@link ValidationLoss}: a strictly lower value
 *       becomes the best (its {@code θ} is kept), otherwise the count of validations without
 *       improvement grows, and at {@code patience} the run stops ({@link
 *       StopReason#EARLY_STOPPED});</li>
 *   <li>a row of {@code metrics.csv} ({@code iteration, loss, val_loss, lr, time}: the batch loss
 *       before the step, the validation loss or NaN, the learning rate of the step, seconds of
 *       training so far) and the progress line;</li>
 *   <li>every {@code checkpointEvery} iterations, at the last and at an early stop, a {@link
 *       Checkpoint} written atomically to {@code checkpoints/last.safetensors}, replacing the
 *       previous one only once it is complete.</li>
 * </ol>
 *
 * <p><b>Resume.</b> {@link #resume} reads the last checkpoint and continues from the iteration after
 * it with the same {@code θ}, optimiser state, best-so-far and patience count, so — everything
 * being a function of the key, the iteration and that state — it ends bit-identical to a run that
 * was never interrupted. The metrics rows written after the checkpoint by the interrupted session
 * are dropped first. A checkpoint is only accepted from the same configuration: the {@link
 * Builder#config user's configuration} and the trainer's own settings (parameter count, optimiser
 * type, key, clipping, validation interval, patience, checkpoint interval) — the number of
 * iterations may change, to extend a run.
 *
 * <p>A trainer serves one run or one resume: its optimiser carries the run's state, so build a
 * new trainer (with a new optimiser) to resume in another process or after a failure. Not
 * thread-safe; {@code θ} is updated in place.
 *
 * @param <B> the batch type
 */
public final class Trainer<B> {
  static final List<String> METRICS_COLUMNS = List.of("iteration", "loss", "val_loss", "lr",
      "time");

  private final BatchSampler<B> sampler;
  private final LossAndGradient<B> lossFn;
  private final Optimizer optimizer;
  private final Key key;
  private final long iterations;
  private final double clipNorm;
  private final double clipValue;
  private final ValidationLoss validation;
  private final long validateEvery;
  private final int patience;
  private final long checkpointEvery;
  private final PrintStream progressOut;
  private final long progressEvery;
  private final boolean terminal;
  private final String config;
  private final LongSupplier clock;
  private final UnaryOperator<OutputStream> checkpointFilter;

  private Trainer(Builder<B> b) {
    sampler = b.sampler;
    lossFn = b.lossFn;
    optimizer = b.optimizer;
    key = b.key;
    iterations = b.iterations;
    clipNorm = b.clipNorm;
    clipValue = b.clipValue;
    validation = b.validation;
    validateEvery = b.validateEvery;
    patience = b.patience;
    checkpointEvery = b.checkpointEvery;
    progressOut = b.progressOut;
    progressEvery = b.progressEvery;
    terminal = b.terminal != null ? b.terminal
        : System.console() != null && (progressOut == System.out || progressOut == System.err);
    clock = b.clock;
    checkpointFilter = b.checkpointFilter;
    config = RunConfig.canonical(effectiveConfig(b.config));
  }

  /**
   * A builder for a trainer that draws batches with {@code sampler}, evaluates them with {@code
   * loss} and updates with {@code optimizer} (whose {@link Optimizer#size()} is the length of
   * {@code θ}).
   */
  public static <B> Builder<B> builder(BatchSampler<B> sampler, LossAndGradient<B> loss,
      Optimizer optimizer) {
    return new Builder<>(sampler, loss, optimizer);
  }

  private Map<String, Object> effectiveConfig(Object user) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("params", optimizer.size());
    t.put("optimizer", optimizer.getClass().getName());
    t.put("key", key.words());
    t.put("clip_norm", clipNorm > 0 ? clipNorm : null);
    t.put("clip_value", clipValue > 0 ? clipValue : null);
    t.put("validate_every", validation == null ? null : validateEvery);
    t.put("patience", validation == null || patience == Integer.MAX_VALUE ? null : patience);
    t.put("checkpoint_every", checkpointEvery);
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("config", user);
    all.put("trainer", t);
    return all;
  }

  /** The canonical JSON of the configuration a checkpoint of this trainer records. */
  public String config() {
    return config;
  }

  /**
   * Trains {@code theta} in place from iteration 1, without a run directory: no metrics file and
   * no checkpoints.
   *
   * @throws IllegalArgumentException naming {@code theta} if its length is not the optimiser's size
   */
  public TrainResult run(double[] theta) {
    try {
      return loop(null, theta, fresh(theta));
    } catch (IOException e) {
      throw new AssertionError("nothing is written without a run directory", e);
    }
  }

  /**
   * Trains {@code theta} in place from iteration 1, writing {@code metrics.csv} and checkpoints
   * into {@code run}.
   *
   * @throws IOException if a file of the run cannot be written (an earlier checkpoint is then
   *     intact, and {@link #resume} continues from it)
   * @throws IllegalArgumentException naming {@code theta} if its length is not the optimiser's size
   */
  public TrainResult run(RunDirectory run, double[] theta) throws IOException {
    Objects.requireNonNull(run, "run");
    return loop(run, theta, fresh(theta));
  }

  /**
   * Continues the run in {@code run} from its last checkpoint: loads {@code θ} into {@code theta}
   * and the optimiser's state, and trains on to {@code iterations}. A run that had already
   * finished (or stopped early) returns at once.
   *
   * @throws IOException naming the directory if it has no checkpoint, the checkpoint is damaged,
   *     or it was written by a different configuration (listing what differs)
   */
  public TrainResult resume(RunDirectory run, double[] theta) throws IOException {
    checkLength(theta);
    Path file = run.path().resolve("checkpoints").resolve(Checkpoint.FILE_NAME);
    Checkpoint c;
    try {
      c = Checkpoint.read(file);
    } catch (NoSuchFileException e) {
      throw new IOException("cannot resume run directory " + run.path() + ": it has no checkpoint "
          + "(checkpoints/" + Checkpoint.FILE_NAME + "); the run stopped before its first one", e);
    }
    if (!c.config().equals(config)) {
      throw new IOException("cannot resume run directory " + run.path() + ": its checkpoint "
          + "(iteration " + c.iteration() + ") belongs to a different configuration: "
          + String.join("; ", RunConfig.differences(c.config(), config)));
    }
    if (c.theta().length != theta.length || c.bestTheta().length != theta.length) {
      throw new IOException(file + ": tensor 'theta' has " + c.theta().length
          + " values, expected " + theta.length);
    }
    try {
      optimizer.loadState(c.optimizerState());
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
    System.arraycopy(c.theta(), 0, theta, 0, theta.length);
    dropMetricsAfter(run.metricsFile(), c.iteration());
    State s = new State(c.iteration(), c.bestTheta().clone(), c.bestValidationLoss(),
        c.bestIteration(), c.badValidations(), c.elapsedSeconds());
    return loop(run, theta, s);
  }

  private State fresh(double[] theta) {
    checkLength(theta);
    return new State(0, theta.clone(), Double.NaN, 0, 0, 0);
  }

  private void checkLength(double[] theta) {
    if (theta.length != optimizer.size()) {
      throw new IllegalArgumentException("theta has " + theta.length
          + " values, but the optimiser was built for " + optimizer.size());
    }
  }

  /** Mutable loop state beyond θ and the optimiser: what a checkpoint stores. */
  private static final class State {
    long iteration;
    final double[] bestTheta;
    double bestVal;
    long bestIteration;
    int bad;
    final double elapsedBefore;

    State(long iteration, double[] bestTheta, double bestVal, long bestIteration, int bad,
        double elapsedBefore) {
      this.iteration = iteration;
      this.bestTheta = bestTheta;
      this.bestVal = bestVal;
      this.bestIteration = bestIteration;
      this.bad = bad;
      this.elapsedBefore = elapsedBefore;
    }
  }

  private TrainResult loop(RunDirectory run, double[] theta, State s) throws IOException {
    double[] grad = new double[theta.length];
    long start = clock.getAsLong();
    long startIteration = s.iteration;
    Progress progress = progressOut == null ? null
        : new Progress(progressOut, progressEvery, terminal, iterations);
    Path checkpointFile = run == null ? null
        : run.checkpointsDirectory().resolve(Checkpoint.FILE_NAME);
    StopReason reason = StopReason.COMPLETED;
    double lastLoss = Double.NaN;
    double lastVal = Double.NaN;
    try (MetricsCsv metrics = run == null ? null : run.metrics(METRICS_COLUMNS)) {
      while (s.iteration < iterations) {
        if (s.bad >= patience) {
          reason = StopReason.EARLY_STOPPED;
          break;
        }
        long i = s.iteration + 1;
        double loss = lossFn.evaluate(theta, sampler.sample(key.foldIn(i)), grad);
        if (!Double.isFinite(loss) || !Double.isFinite(GradientClipping.norm(grad))) {
          reason = StopReason.NON_FINITE;
          break;
        }
        if (clipNorm > 0) {
          GradientClipping.byGlobalNorm(grad, clipNorm);
        }
        if (clipValue > 0) {
          GradientClipping.byValue(grad, clipValue);
        }
        double lr = optimizer.learningRate();
        optimizer.step(theta, grad);
        s.iteration = i;
        lastLoss = loss;
        double val = Double.NaN;
        if (validation != null && i % validateEvery == 0) {
          val = validation.evaluate(theta);
          lastVal = val;
          if (val < s.bestVal || Double.isNaN(s.bestVal) && !Double.isNaN(val)) {
            s.bestVal = val;
            s.bestIteration = i;
            System.arraycopy(theta, 0, s.bestTheta, 0, theta.length);
            s.bad = 0;
          } else {
            s.bad++;
          }
        }
        long now = clock.getAsLong();
        double elapsed = s.elapsedBefore + (now - start) * 1e-9;
        if (metrics != null) {
          metrics.append(i, loss, val, lr, elapsed);
        }
        if (progress != null) {
          progress.update(i, loss, lastVal, (i - startIteration) / ((now - start) * 1e-9), now);
        }
        boolean stopping = s.bad >= patience;
        if (checkpointFile != null && (i % checkpointEvery == 0 || i == iterations || stopping)) {
          new Checkpoint(i, key, theta, optimizer.state(),
              validation == null ? theta : s.bestTheta, s.bestVal, s.bestIteration, s.bad,
              elapsed, config).write(checkpointFile, checkpointFilter);
        }
      }
    } finally {
      if (progress != null) {
        progress.finish();
      }
    }
    if (reason == StopReason.COMPLETED && s.bad >= patience && s.iteration < iterations) {
      reason = StopReason.EARLY_STOPPED;
    }
    double[] best = validation == null ? theta.clone() : s.bestTheta.clone();
    return new TrainResult(reason, s.iteration, lastLoss, s.bestVal, s.bestIteration, best);
  }

  /** Drops the rows of {@code metrics.csv} after {@code iteration} (left by an interrupted run). */
  private static void dropMetricsAfter(Path file, long iteration) throws IOException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    StringBuilder kept = new StringBuilder();
    boolean changed = false;
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      int comma = line.indexOf(',');
      boolean drop = false;
      if (n > 0 && comma > 0) {
        try {
          drop = Long.parseLong(line.substring(0, comma)) > iteration;
        } catch (NumberFormatException e) {
          drop = true;   // a line cut short by the crash
        }
      }
      if (drop) {
        changed = true;
      } else {
        kept.append(line).append('\n');
      }
    }
    if (changed) {
      AtomicFile.write(file, kept.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Options of a {@link Trainer}; {@link #iterations} is required. */
  public static final class Builder<B> {
    private final BatchSampler<B> sampler;
    private final LossAndGradient<B> lossFn;
    private final Optimizer optimizer;
    private Key key = Key.of(0);
    private long iterations;
    private double clipNorm;
    private double clipValue;
    private ValidationLoss validation;
    private long validateEvery;
    private int patience = Integer.MAX_VALUE;
    private long checkpointEvery = 100;
    private PrintStream progressOut;
    private long progressEvery = 100;
    private Boolean terminal;
    private Object config;
    private LongSupplier clock = System::nanoTime;
    private UnaryOperator<OutputStream> checkpointFilter = UnaryOperator.identity();

    private Builder(BatchSampler<B> sampler, LossAndGradient<B> lossFn, Optimizer optimizer) {
      this.sampler = Objects.requireNonNull(sampler, "sampler");
      this.lossFn = Objects.requireNonNull(lossFn, "loss");
      this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
    }

    /** The run's key; iteration {@code i}'s batch uses {@code key.foldIn(i)}. Default {@code Key.of(0)}. */
    public Builder<B> key(Key key) {
      this.key = Objects.requireNonNull(key, "key");
      return this;
    }

    /** The number of iterations ({@code >= 1}). */
    public Builder<B> iterations(long iterations) {
      this.iterations = positive("iterations", iterations);
      return this;
    }

    /** Clips the gradient to global norm {@code maxNorm} (finite, {@code > 0}) before each step. */
    public Builder<B> clipNorm(double maxNorm) {
      this.clipNorm = positive("clipNorm", maxNorm);
      return this;
    }

    /** Clamps each gradient element to {@code [−limit, limit]} before each step. */
    public Builder<B> clipValue(double limit) {
      this.clipValue = positive("clipValue", limit);
      return this;
    }

    /**
     * Evaluates {@code loss} every {@code every} iterations; stops after {@code patience}
     * validations in a row without a strictly lower value (use {@link Integer#MAX_VALUE} to never
     * stop early).
     */
    public Builder<B> validation(ValidationLoss loss, long every, int patience) {
      this.validation = Objects.requireNonNull(loss, "validation");
      this.validateEvery = positive("validation every", every);
      this.patience = (int) positive("patience", patience);
      return this;
    }

    /** Writes a checkpoint every {@code every} iterations (default 100) when run in a directory. */
    public Builder<B> checkpointEvery(long every) {
      this.checkpointEvery = positive("checkpointEvery", every);
      return this;
    }

    /**
     * Prints the progress line to {@code out}: redrawn in place if {@code out} is {@code
     * System.out} or {@code System.err} and the JVM has a console, otherwise a plain line every
     * {@code every} iterations.
     */
    public Builder<B> progress(PrintStream out, long every) {
      this.progressOut = Objects.requireNonNull(out, "out");
      this.progressEvery = positive("progress every", every);
      return this;
    }

    /** As {@link #progress(PrintStream, long)}, saying whether {@code out} is a terminal. */
    public Builder<B> progress(PrintStream out, long every, boolean terminal) {
      progress(out, every);
      this.terminal = terminal;
      return this;
    }

    /**
     * The user's configuration (anything Jackson serialises: a map, a record, a {@code JsonNode}),
     * recorded in every checkpoint; {@link #resume} refuses a checkpoint whose configuration
     * differs.
     */
    public Builder<B> config(Object config) {
      this.config = config;
      return this;
    }

    /** The clock for rates and times, in nanoseconds (tests). */
    Builder<B> clock(LongSupplier nanos) {
      this.clock = Objects.requireNonNull(nanos, "clock");
      return this;
    }

    /** Wraps the stream a checkpoint is written to (tests inject failures with it). */
    Builder<B> checkpointFilter(UnaryOperator<OutputStream> filter) {
      this.checkpointFilter = Objects.requireNonNull(filter, "filter");
      return this;
    }

    /**
     * The trainer.
     *
     * @throws IllegalStateException if {@link #iterations} was not set
     * @throws IllegalArgumentException if the configuration cannot be written as JSON
     */
    public Trainer<B> build() {
      if (iterations == 0) {
        throw new IllegalStateException("iterations must be set (iterations(n), n >= 1)");
      }
      return new Trainer<>(this);
    }

    private static long positive(String name, long v) {
      if (v < 1) {
        throw new IllegalArgumentException(name + " must be >= 1, got " + v);
      }
      return v;
    }

    private static double positive(String name, double v) {
      if (!(v > 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
      }
      return v;
    }
  }
}
