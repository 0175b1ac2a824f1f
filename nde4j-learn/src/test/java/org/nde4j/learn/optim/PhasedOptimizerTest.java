package org.nde4j.learn.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Adam then L-BFGS as one optimiser: the L-BFGS phase is exactly {@link Lbfgs#minimize} from the
 * point Adam reached, and a run interrupted in either phase and restored from its state ends
 * bit-identical to an uninterrupted one.
 */
class PhasedOptimizerTest {
  private static final int N = 5;
  private static final int ADAM = 6;

  /** {@code Σ (t_i − c_i)² + 0.1 Σ t_i⁴}, c_i = i/2. */
  private static double loss(double[] t, double[] g) {
    double f = 0;
    for (int i = 0; i < N; i++) {
      double d = t[i] - 0.5 * i;
      f += d * d + 0.1 * t[i] * t[i] * t[i] * t[i];
      g[i] = 2 * d + 0.4 * t[i] * t[i] * t[i];
    }
    return f;
  }

  private static PhasedOptimizer make() {
    return new PhasedOptimizer(Adam.builder().learningRate(0.05).build(N), ADAM,
        new LbfgsSteps(Lbfgs.builder().build(N), PhasedOptimizerTest::loss, N));
  }

  private static double[] train(Optimizer opt, double[] theta, int steps) {
    double[] g = new double[N];
    for (int k = 0; k < steps; k++) {
      loss(theta, g);
      opt.step(theta, g);
    }
    return theta;
  }

  @Test
  void lbfgsPhaseIsLbfgsFromTheAdamPoint() {
    double[] phased = train(make(), new double[N], ADAM + 4);
    double[] byHand = train(Adam.builder().learningRate(0.05).build(N), new double[N], ADAM);
    Lbfgs lbfgs = Lbfgs.builder().build(N);
    for (int k = 0; k < 4; k++) {
      lbfgs.minimize(PhasedOptimizerTest::loss, byHand, 1);
    }
    assertThat(phased).isEqualTo(byHand);
    // and one call of 4 iterations agrees with 4 calls of one
    double[] once = train(Adam.builder().learningRate(0.05).build(N), new double[N], ADAM);
    Lbfgs.builder().build(N).minimize(PhasedOptimizerTest::loss, once, 4);
    assertThat(phased).isEqualTo(once);
  }

  @Test
  void resumesBitIdenticallyInEitherPhase() {
    double[] straight = train(make(), new double[N], ADAM + 8);
    for (int cut : new int[] {3, ADAM + 2}) {
      PhasedOptimizer first = make();
      double[] theta = train(first, new double[N], cut);
      Map<String, double[]> saved = first.state();
      assertThat(saved).containsKeys("step", "first.exp_avg", "second.step", "second.lbfgs.s");
      PhasedOptimizer resumed = make();
      resumed.loadState(saved);
      assertThat(resumed.steps()).isEqualTo(cut);
      train(resumed, theta, ADAM + 8 - cut);
      assertThat(theta).as("cut at " + cut).isEqualTo(straight);
    }
  }
}
