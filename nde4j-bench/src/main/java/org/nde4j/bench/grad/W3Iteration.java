package org.nde4j.bench.grad;

import java.util.Random;
import org.nde4j.bench.BenchCase;
import org.nde4j.bench.core.CoreSuite;
import org.nde4j.learn.data.SpiralData;
import org.nde4j.learn.optim.Optimizer;
import org.nde4j.learn.optim.RmsProp;
import org.nde4j.solve.adjoint.Adjoint;
import org.nde4j.solve.adjoint.GradientSolve;
import org.nde4j.solve.adjoint.Gradients;
import org.nde4j.solve.adjoint.Recording;
import org.nde4j.solve.adjoint.SaveMode;
import org.nde4j.solve.solver.rk.Dopri5;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.tensor.Shape;

/**
 * Workload W3, torchdiffeq's {@code ode_demo} training iteration: data from {@code dy/dt = y³ A}
 * on {@code t = linspace(0, 25, 1000)} ({@link SpiralData}); model {@code dy/dt = MLP(y³)}, MLP
 * 2→50→tanh→2 (weights N(0, 0.1), biases 0); each call is one whole iteration: 20 random windows
 * of 10 points, a batched dopri5 solve (rtol 1e-7, atol 1e-9) saving the 10 points from its dense
 * output (as torchdiffeq does; {@link SaveMode#INTERPOLATED}), loss mean |pred − true|, the
 * gradient by the given adjoint, one RMSprop step (lr 1e-3). The model trains across calls, as in
 * the peer's loop; each solve reuses the storage of the previous iteration's recording ({@link
 * GradientSolve#recycling}), as a training loop would. Every {@value #CYCLE} iterations training
 * starts again from the initial parameters, optimiser state and window sampler: W3 times
 * iterations 11–{@value #CYCLE} of a training run (the peer's window), and the harness's warm-up
 * runs thousands of iterations, after which the learned field is stiffer and takes about 1.2×
 * the evaluations (61 against 50 forward per iteration); restarting keeps the timed iterations
 * inside the window the peer is timed on. This is the raw loop over {@code GradientSolve};
 * {@code bench train}'s {@code W3Training} runs the same workload through {@code NeuralOde} and
 * {@code Trainer}.
 */
final class W3Iteration implements BenchCase {
  static final int DATA = SpiralData.POINTS;
  static final int WINDOW = 10;
  static final int BATCH = 20;
  /** Iterations of one training run: W3's timing window is iterations 11 to this. */
  static final int CYCLE = 500;

  private final String name;
  private final Adjoint adjoint;
  private final DifferentiableTerm term;
  private final double[] theta;
  private final double[] theta0;
  private Optimizer optimizer;
  private final double[][] trueY;
  private Random random;
  private final double[] ts = new double[WINDOW];
  private final double[] y0 = new double[2 * BATCH];
  private final double[][] target = new double[WINDOW][2 * BATCH];
  private final double[][] ybar = new double[WINDOW][2 * BATCH];
  private final PidController controller = PidController.of(1e-7, 1e-9);
  /** The last iteration's recording, whose storage the next solve reuses. */
  private Recording last;
  private double lastLoss;
  private long forwardNfe;
  private long backwardNfe;
  private long iterations;

  W3Iteration(String name, Adjoint adjoint) {
    this.name = name;
    this.adjoint = adjoint;
    MlpField field = new MlpField(CoreSuite.tinyMlp());
    this.term = field.term(Shape.of(BATCH, 2), y -> y.mul(y).mul(y));
    this.theta = new double[field.numParams()];
    // ode_demo's initialisation: weights N(0, 0.1), biases 0 (layout W1 [2,50], b1, W2 [50,2], b2).
    Random init = new Random(0);
    for (int i = 0; i < 100; i++) {
      theta[i] = 0.1 * init.nextGaussian();
    }
    for (int i = 150; i < 250; i++) {
      theta[i] = 0.1 * init.nextGaussian();
    }
    this.theta0 = theta.clone();
    restart();
    System.arraycopy(SpiralData.times(), 0, ts, 0, WINDOW);
    this.trueY = SpiralData.states();
  }

  @Override
  public String name() {
    return name;
  }

  /** Back to iteration 1 of a training run: initial parameters, optimiser and sampler. */
  private void restart() {
    System.arraycopy(theta0, 0, theta, 0, theta.length);
    optimizer = RmsProp.builder().learningRate(1e-3).build(theta.length);
    random = new Random(0);
  }

  @Override
  public double call() {
    if (iterations > 0 && iterations % CYCLE == 0) {
      restart();
    }
    // 20 distinct window starts in [0, DATA − WINDOW).
    int[] starts = random.ints(0, DATA - WINDOW).distinct().limit(BATCH).toArray();
    for (int b = 0; b < BATCH; b++) {
      System.arraycopy(trueY[starts[b]], 0, y0, 2 * b, 2);
      for (int i = 0; i < WINDOW; i++) {
        System.arraycopy(trueY[starts[b] + i], 0, target[i], 2 * b, 2);
      }
    }
    Recording r = GradientSolve.of(term, new Dopri5(), 0, ts[WINDOW - 1], y0, theta).saveAt(ts)
        .saveMode(SaveMode.INTERPOLATED).controller(controller).adjoint(adjoint).recycling(last)
        .forward();
    last = r;
    double[][] pred = r.ys();
    double loss = 0;
    double scale = 1.0 / (WINDOW * 2 * BATCH);
    for (int i = 0; i < WINDOW; i++) {
      for (int q = 0; q < 2 * BATCH; q++) {
        double d = pred[i][q] - target[i][q];
        loss += Math.abs(d);
        ybar[i][q] = Math.signum(d) * scale;
      }
    }
    Gradients g = r.backward(ybar);
    optimizer.step(theta, g.theta());
    lastLoss = loss * scale;
    forwardNfe += r.stats().nfe();
    backwardNfe += g.rateEvaluations() + g.vjpEvaluations();
    iterations++;
    return lastLoss;
  }

  @Override
  public Integer nfe() {
    return iterations == 0 ? null : (int) Math.round((double) forwardNfe / iterations);
  }

  @Override
  public String note() {
    return String.format(java.util.Locale.ROOT, "adjoint %s; per iteration: forward NFE %.1f,"
        + " backward evaluations %.1f (vector field + VJP); last batch loss %.5f after %d"
        + " iterations (training restarts every %d, W3's timing window)", adjoint.name(),
        (double) forwardNfe / Math.max(1, iterations),
        (double) backwardNfe / Math.max(1, iterations), lastLoss, iterations, CYCLE);
  }
}
