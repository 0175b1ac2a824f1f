package org.nde4j.learn.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nde4j.learn.data.Panel;
import org.nde4j.learn.data.SpiralData;
import org.nde4j.learn.data.WindowBatch;
import org.nde4j.learn.data.WindowSampler;
import org.nde4j.learn.nn.Initializer;
import org.nde4j.learn.optim.RmsProp;
import org.nde4j.learn.train.LossAndGradient;
import org.nde4j.learn.train.StopReason;
import org.nde4j.learn.train.TrainResult;
import org.nde4j.learn.train.Trainer;
import org.nde4j.random.Key;
import org.nde4j.solve.adjoint.Adjoint;

/**
 * torchdiffeq's {@code ode_demo} trained the way a user writes it — {@link SpiralData}, a {@link
 * NeuralOde} {@code dy/dt = MLP(y³)} (2→50→tanh→2, weights N(0, 0.1), biases 0), batches of 20
 * windows of 10 points, mean absolute error, dopri5 at rtol 1e-7 / atol 1e-9 with backpropagation
 * through the solver, RMSprop at lr 1e-3, the {@link Trainer} — for ode_demo's 2000 iterations.
 * The published figure is torchdiffeq's own: its mean batch loss over iterations 1901–2000 is
 * 0.0039–0.0040 on seeds 0 and 1 ({@code shared/peers/w3_ode_demo.py --niters 2000}); the random
 * streams differ, so nde4j is held to 0.006. The whole-trajectory loss swings between 0.1 and 0.6
 * at that stage in torchdiffeq (phase error over 25 time units), so it is printed, not asserted.
 */
class OdeDemoConvergenceTest {
  private static final int ITERATIONS = 2000;

  @Test
  void meanBatchLossOfTheLastHundredIterationsReachesTorchdiffeqs() {
    Panel spiral = SpiralData.panel();
    NeuralOde ode = NeuralOde.builder(2).hidden(50).inputTransform(y -> y.pow(3))
        .init(Initializer.normal(0.1), Initializer.zeros()).tolerances(1e-7, 1e-9)
        .adjoint(Adjoint.discrete()).build();
    Key root = Key.of(0);
    double[] theta = ode.init(root.foldIn(0)).values();
    double[] batchLoss = new double[ITERATIONS];
    SolveCounts counts = new SolveCounts();
    LossAndGradient<WindowBatch> loss = ode.lossFunction(counts);
    int[] at = {0};
    LossAndGradient<WindowBatch> recorded = (th, batch, grad) -> {
      double l = loss.evaluate(th, batch, grad);
      batchLoss[at[0]++] = l;
      return l;
    };
    WindowSampler sampler = new WindowSampler(spiral, 10, 20);
    TrainResult result = Trainer.builder(sampler::sample, recorded,
            RmsProp.builder().learningRate(1e-3).build(theta.length))
        .key(root.foldIn(1)).iterations(ITERATIONS).build().run(theta);

    assertThat(result.reason()).isEqualTo(StopReason.COMPLETED);
    assertThat(at[0]).isEqualTo(ITERATIONS);
    assertThat(counts.solves()).isEqualTo(ITERATIONS);
    double last100 = mean(batchLoss, ITERATIONS - 100, ITERATIONS);
    double[] times = SpiralData.times();
    double[][] truth = SpiralData.states();
    double[][] pred = ode.predict(theta, SpiralData.Y0, times);
    double trajectory = 0;
    for (int i = 0; i < times.length; i++) {
      trajectory += Math.abs(pred[i][0] - truth[i][0]) + Math.abs(pred[i][1] - truth[i][1]);
    }
    trajectory /= 2 * times.length;
    StringBuilder per100 = new StringBuilder();
    for (int b = 0; b < ITERATIONS; b += 100) {
      per100.append(String.format(Locale.ROOT, " %.4f", mean(batchLoss, b, b + 100)));
    }
    System.out.printf(Locale.ROOT, "ode_demo, nde4j: mean batch loss per 100 iterations%s;"
        + " iterations 1901-2000 %.5f; full-trajectory loss %.4f; NFE per iteration forward"
        + " %.1f, backward %.1f%n", per100, last100, trajectory,
        (double) counts.forwardEvaluations() / ITERATIONS,
        (double) counts.backwardEvaluations() / ITERATIONS);
    assertThat(last100).isLessThanOrEqualTo(0.006);
  }

  private static double mean(double[] x, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += x[i];
    }
    return s / (to - from);
  }
}
