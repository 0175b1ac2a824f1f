package org.nde4j.learn.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nde4j.learn.data.Panel;
import org.nde4j.modelfile.ModelFile;
import org.nde4j.random.Key;

/**
 * Acceptance: a universal differential equation. The Lotka–Volterra data of {@link
 * ParameterRecoveryTest} (irregular times, 1 % noise, 10 % missing) fitted by the model with its
 * interaction terms {@code −βxy} and {@code +δxy} replaced by networks {@code nn1(x, y)} and
 * {@code nn2(x, y)} (one per equation: a network has one output), with α and γ unknown and
 * started off (1 and 2 for 1.5 and 3), jointly with the networks' weights on the times before
 * {@code T = 10}. Its forecast of the held-out later times {@code [10, 15]} has a mean squared
 * error within 2× of the true model's on the same noisy data (the noise level, about 5.6e-4).
 */
class HybridForecastTest {
  static final String HYBRID = String.join("\n",
      "states: {x: 1.0, y: 1.0}",
      "params:",
      "  alpha: {value: 1.0, fit: true, positive: true}",
      "  gamma: {value: 2.0, fit: true, positive: true}",
      "networks:",
      "  nn1: {inputs: [x, y], hidden: [16, 16], activation: tanh, outputs: 1}",
      "  nn2: {inputs: [x, y], hidden: [16, 16], activation: tanh, outputs: 1}",
      "equations:",
      "  x: alpha*x - nn1(x, y)",
      "  y: nn2(x, y) - gamma*y",
      "tspan: [0, 15]");

  private static final double T_TRAIN = 10.0;

  @Test
  void forecastOfTheHybridIsWithinTwiceTheTrueModelsError() {
    LotkaVolterraData data = new LotkaVolterraData(60);
    Panel train = data.before(T_TRAIN);
    Panel future = data.from(T_TRAIN);
    ModelFit truth = ModelFit.of(ModelFile.parse(LotkaVolterraData.TRUE_MODEL, "lv.yaml"));
    double trueMse = truth.loss(future, truth.initialTheta(Key.of(0)), null);

    // Growing the horizon in finer steps than the default: a network only knows the part of
    // the orbit it has seen, so each stage adds a short new stretch.
    ModelFit hybrid = ModelFit.of(ModelFile.parse(HYBRID, "lv-hybrid.yaml"),
        ModelFit.Options.defaults().withHorizon(GrowingHorizon.of(0.25, 0.375, 0.5, 0.75, 1)));
    double[] theta0 = hybrid.initialTheta(Key.of(1));
    // The networks start at output 0: the starting model is the mechanistic part alone.
    double[] dy = new double[2];
    hybrid.term().evaluator().rate(0.0, new double[] {2, 3}, theta0, dy);
    assertThat(dy).containsExactly(1.0 * 2, -2.0 * 3);
    ModelFit.Result r = hybrid.fit(train, theta0, 300, 0.02, 300);
    assertThat(r.stages()).hasSize(5);
    double hybridMse = hybrid.loss(future, r.theta(), null);

    assertThat(trueMse).isBetween(3e-4, 1e-3);
    assertThat(hybridMse / trueMse).as("validation MSE %s of the hybrid over the true model's"
        + " %s", hybridMse, trueMse).isLessThanOrEqualTo(2.0);
  }
}
