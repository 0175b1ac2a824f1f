package org.nde4j.learn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A NaN loss or gradient ends the run before the step, leaving θ as the previous iteration left it
 * (compared with a run of that many iterations).
 */
class NonFiniteTest {
  private final Regression problem = new Regression();

  private TrainResult run(double[] theta, int iterations, int nanAt, boolean inGradient) {
    AtomicInteger calls = new AtomicInteger();
    return Trainer.<int[]>builder(Regression::sample, (t, rows, grad) -> {
      double loss = problem.loss(t, rows, grad);
      if (calls.incrementAndGet() == nanAt) {
        if (inGradient) {
          grad[1] = Double.POSITIVE_INFINITY;
        } else {
          return Double.NaN;
        }
      }
      return loss;
    }, Regression.adam()).iterations(iterations).build().run(theta);
  }

  @Test
  void aNanLossStopsBeforeTheStep() {
    double[] four = Regression.start();
    run(four, 4, 0, false);
    double[] theta = Regression.start();
    TrainResult r = run(theta, 60, 5, false);
    assertThat(r.reason()).isEqualTo(StopReason.NON_FINITE);
    assertThat(r.iterations()).isEqualTo(4);
    assertThat(theta).isEqualTo(four);
  }

  @Test
  void anInfiniteGradientStopsBeforeTheStep() {
    double[] theta = Regression.start();
    TrainResult r = run(theta, 60, 1, true);
    assertThat(r.reason()).isEqualTo(StopReason.NON_FINITE);
    assertThat(r.iterations()).isZero();
    assertThat(theta).isEqualTo(Regression.start());
  }
}
