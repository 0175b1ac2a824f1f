package org.nde4j.bench.train;

import java.util.Arrays;
import java.util.Locale;
import org.nde4j.bench.BenchCase;
import org.nde4j.learn.data.SpiralData;
import org.nde4j.learn.data.WindowBatch;
import org.nde4j.learn.data.WindowSampler;
import org.nde4j.learn.models.NeuralOde;
import org.nde4j.learn.models.SolveCounts;
import org.nde4j.learn.nn.Initializer;
import org.nde4j.learn.optim.RmsProp;
import org.nde4j.learn.train.BatchSampler;
import org.nde4j.learn.train.LossAndGradient;
import org.nde4j.learn.train.TrainResult;
import org.nde4j.learn.train.Trainer;
import org.nde4j.random.Key;
import org.nde4j.solve.adjoint.Adjoint;

/**
 * Workload W3 as a whole training run, written the way a user of {@code nde4j-learn} writes it:
 * torchdiffeq's {@code ode_demo} data ({@link SpiralData}), a {@link NeuralOde} {@code dy/dt =
 * MLP(y³)} with MLP 2→50→tanh→2 (weights N(0, 0.1), biases 0), a {@link WindowSampler} of 20
 * distinct windows of 10 points per iteration, mean absolute error, dopri5 at rtol 1e-7 / atol
 * 1e-9 with the given adjoint, RMSprop at lr 1e-3, and the {@link Trainer} for {@code
 * iterations} iterations from the seed's key. The run is instrumented from outside: the sampler
 * and loss function handed to the trainer stamp the clock and record the batch loss and the
 * solves' work ({@link SolveCounts}), so an iteration's time is everything the trainer does
 * between two batches (sample, solve, loss, backward, step). After the run, the learned field
 * is integrated over the whole data set from {@code y(0)} (untimed) for ode_demo's "Total Loss".
 */
public final class W3Training implements BenchCase {
  /** Windows per batch (ode_demo's {@code batch_size}). */
  public static final int BATCH_SIZE = 20;
  /** Points per window (ode_demo's {@code batch_time}). */
  public static final int BATCH_TIME = 10;

  private final String name;
  private final Adjoint adjoint;
  private final int iterations;
  private final long seed;
  private TrainingRun last;

  /**
   * @param name the case name
   * @param adjoint how gradients are computed ({@code discrete()}: backpropagation through the
   *     solver, ode_demo's default; {@code backsolve()}: its {@code --adjoint})
   * @param iterations training iterations, {@code >= 1}
   * @param seed the run's seed: initialisation from {@code Key.of(seed).foldIn(0)}, batches from
   *     {@code foldIn(1)}
   * @throws IllegalArgumentException naming {@code iterations} if it is {@code < 1}
   */
  public W3Training(String name, Adjoint adjoint, int iterations, long seed) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
    }
    this.name = name;
    this.adjoint = adjoint;
    this.iterations = iterations;
    this.seed = seed;
  }

  /** ode_demo's model with the given adjoint. */
  public static NeuralOde model(Adjoint adjoint) {
    return NeuralOde.builder(2).hidden(50).inputTransform(y -> y.pow(3))
        .init(Initializer.normal(0.1), Initializer.zeros()).tolerances(1e-7, 1e-9)
        .adjoint(adjoint).build();
  }

  @Override
  public String name() {
    return name;
  }

  /** The adjoint's name ({@code discrete}, {@code backsolve}, …). */
  public String adjoint() {
    return adjoint.name();
  }

  /** The number of iterations of a run. */
  public int iterations() {
    return iterations;
  }

  /** One whole training run from fresh parameters. */
  public TrainingRun run() {
    NeuralOde ode = model(adjoint);
    Key root = Key.of(seed);
    double[] theta = ode.init(root.foldIn(0)).values();
    WindowSampler windows = new WindowSampler(SpiralData.panel(), BATCH_TIME, BATCH_SIZE);
    SolveCounts counts = new SolveCounts();
    LossAndGradient<WindowBatch> loss = ode.lossFunction(counts);
    long[] stamps = new long[iterations + 1];
    long[] forward = new long[iterations + 1];
    long[] backward = new long[iterations + 1];
    double[] batchLoss = new double[iterations];
    int[] at = {0};
    BatchSampler<WindowBatch> timed = key -> {
      int i = at[0];
      stamps[i] = System.nanoTime();
      forward[i] = counts.forwardEvaluations();
      backward[i] = counts.backwardEvaluations();
      return windows.sample(key);
    };
    LossAndGradient<WindowBatch> recorded = (th, batch, grad) -> {
      double l = loss.evaluate(th, batch, grad);
      batchLoss[at[0]++] = l;
      return l;
    };
    TrainResult result = Trainer.builder(timed, recorded,
            RmsProp.builder().learningRate(1e-3).build(theta.length))
        .key(root.foldIn(1)).iterations(iterations).build().run(theta);
    int done = (int) result.iterations();
    stamps[done] = System.nanoTime();
    forward[done] = counts.forwardEvaluations();
    backward[done] = counts.backwardEvaluations();
    double[] ms = new double[done];
    double[] nfeForward = new double[done];
    double[] nfeBackward = new double[done];
    for (int i = 0; i < done; i++) {
      ms[i] = (stamps[i + 1] - stamps[i]) * 1e-6;
      nfeForward[i] = forward[i + 1] - forward[i];
      nfeBackward[i] = backward[i + 1] - backward[i];
    }
    double[] lossDone = Arrays.copyOf(batchLoss, done);
    last = new TrainingRun(name, adjoint.name(), ms, lossDone, nfeForward, nfeBackward,
        trajectoryLoss(ode, theta), result.reason().toString());
    return last;
  }

  /** ode_demo's "Total Loss": mean |prediction − data| over the whole trajectory from y(0). */
  private static double trajectoryLoss(NeuralOde ode, double[] theta) {
    double[][] truth = SpiralData.states();
    double[][] pred = ode.predict(theta, SpiralData.Y0, SpiralData.times());
    double sum = 0;
    for (int i = 0; i < pred.length; i++) {
      for (int c = 0; c < 2; c++) {
        sum += Math.abs(pred[i][c] - truth[i][c]);
      }
    }
    return sum / (2.0 * pred.length);
  }

  /** Runs the whole training; returns the last mean batch loss. */
  @Override
  public double call() {
    return run().lastBatchLoss();
  }

  @Override
  public Integer nfe() {
    return last == null ? null : (int) Math.round(last.nfeForwardMean());
  }

  @Override
  public String note() {
    return String.format(Locale.ROOT, "adjoint %s, %d iterations, seed %d", adjoint.name(),
        iterations, seed);
  }
}
