package org.nde4j.learn.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nde4j.modelfile.ModelFile;
import org.nde4j.random.Key;

/**
 * Acceptance: α, β, γ, δ of Lotka–Volterra, unknown and started 2× off (half or double), are
 * recovered within 3 % from nde4j-generated data (irregular times, 1 % noise, 10 % missing) by
 * Adam then L-BFGS through the discrete adjoint, over {@link ModelFit#fit}'s default growing
 * horizon. Fitted over the whole horizon at once, the same start ends in a local minimum.
 */
class ParameterRecoveryTest {
  private static final String START = LotkaVolterraData.TRUE_MODEL
      .replace("alpha: {value: 1.5", "alpha: {value: 0.75")
      .replace("beta: {value: 1.0", "beta: {value: 2.0")
      .replace("gamma: {value: 3.0", "gamma: {value: 1.5")
      .replace("delta: {value: 1.0", "delta: {value: 2.0");

  @Test
  void recoversAllFourWithinThreePercent() {
    LotkaVolterraData data = new LotkaVolterraData(60);
    ModelFit fit = ModelFit.of(ModelFile.parse(START, "lv-unknown.yaml"));
    double[] theta0 = fit.initialTheta(Key.of(0));
    assertThat(fit.parameterValues(theta0)).containsEntry("alpha", 0.75).containsEntry("beta",
        2.0);
    // fit's default growing horizon (a quarter, half, all of [0, 10)) avoids the local minima
    // that long oscillating trajectories give a far-off start
    ModelFit.Result r = fit.fit(data.before(10.0), theta0, 150, 0.05, 100);
    assertThat(r.stages()).hasSize(3);
    Map<String, Double> got = fit.parameterValues(r.theta());
    String[] names = {"alpha", "beta", "gamma", "delta"};
    for (int i = 0; i < 4; i++) {
      assertThat(got.get(names[i])).as(names[i]).isCloseTo(LotkaVolterraData.TRUTH[i],
          withinPercentage(3));
    }
  }

  @Test
  void withoutTheGrowingHorizonTheSameStartEndsInALocalMinimum() {
    LotkaVolterraData data = new LotkaVolterraData(60);
    ModelFit fit = ModelFit.of(ModelFile.parse(START, "lv-unknown.yaml"),
        ModelFit.Options.defaults().withHorizon(GrowingHorizon.none()));
    ModelFit.Result r = fit.fit(data.before(10.0), fit.initialTheta(Key.of(0)), 150, 0.05, 100);
    assertThat(r.stages()).hasSize(1);
    // The true parameters' loss is the noise level, about 4e-4; this minimum is far above it.
    ModelFit truth = ModelFit.of(ModelFile.parse(LotkaVolterraData.TRUE_MODEL, "lv.yaml"));
    double noise = truth.loss(data.before(10.0), truth.initialTheta(Key.of(0)), null);
    assertThat(r.loss()).isGreaterThan(100 * noise);
    assertThat(r.lbfgs().status().isConverged()).isTrue();
  }
}
