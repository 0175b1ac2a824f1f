package org.nde4j.learn.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Schedules against their closed forms and values worked by hand; clipping by hand. */
class ScheduleAndClippingTest {

  @Test
  void constantStepAndExponential() {
    assertThat(Schedule.constant(0.1).at(1234)).isEqualTo(0.1);
    Schedule step = Schedule.step(0.1, 30, 0.5);
    assertThat(step.at(0)).isEqualTo(0.1);
    assertThat(step.at(29)).isEqualTo(0.1);
    assertThat(step.at(30)).isEqualTo(0.05);
    assertThat(step.at(95)).isCloseTo(0.0125, within(1e-17));
    Schedule exp = Schedule.exponential(2.0, 0.9);
    assertThat(exp.at(0)).isEqualTo(2.0);
    assertThat(exp.at(3)).isCloseTo(2.0 * 0.729, within(1e-15));
  }

  @Test
  void cosineHitsItsEndsAndMidpoint() {
    Schedule c = Schedule.cosine(1.0, 100, 0.1);
    assertThat(c.at(0)).isEqualTo(1.0);
    assertThat(c.at(50)).isCloseTo(0.55, within(1e-15));
    assertThat(c.at(25)).isCloseTo(0.1 + 0.9 * (1 + Math.sqrt(0.5)) / 2, within(1e-15));
    assertThat(c.at(100)).isCloseTo(0.1, within(1e-15));
    assertThat(c.at(500)).isEqualTo(0.1);
    // PyTorch's recursive CosineAnnealingLR update, iterated, agrees with the closed form:
    // η_{t+1} = η_min + (η_t − η_min)(1 + cos(π(t+1)/T)) / (1 + cos(πt/T)).
    double eta = 1.0;
    for (int t = 0; t < 99; t++) {
      eta = 0.1 + (eta - 0.1) * (1 + Math.cos(Math.PI * (t + 1) / 100))
          / (1 + Math.cos(Math.PI * t / 100));
      assertThat(c.at(t + 1)).isCloseTo(eta, within(1e-12));
    }
  }

  @Test
  void warmupRisesLinearlyThenHandsOver() {
    Schedule w = Schedule.linearWarmup(4, 0.8);
    assertThat(new double[] {w.at(0), w.at(1), w.at(2), w.at(3), w.at(4), w.at(99)})
        .containsExactly(0.2, 0.4, 0.6000000000000001, 0.8, 0.8, 0.8);
    Schedule wc = Schedule.cosine(1.0, 10, 110, 0.0);
    assertThat(wc.at(4)).isCloseTo(0.5, within(1e-15));
    assertThat(wc.at(9)).isEqualTo(1.0);
    assertThat(wc.at(10)).isEqualTo(1.0);
    assertThat(wc.at(60)).isCloseTo(0.5, within(1e-15));
    assertThat(wc.at(110)).isEqualTo(0.0);
    assertThat(Schedule.linearWarmup(0, 0.3).at(0)).isEqualTo(0.3);
  }

  @Test
  void badArgumentsNameTheArgument() {
    assertThatThrownBy(() -> Schedule.step(0.1, 0, 0.5)).hasMessageContaining("stepSize");
    assertThatThrownBy(() -> Schedule.exponential(0.1, 0)).hasMessageContaining("gamma");
    assertThatThrownBy(() -> Schedule.cosine(0.1, 10, 10, 0)).hasMessageContaining("totalSteps");
    assertThatThrownBy(() -> Schedule.constant(Double.NaN)).hasMessageContaining("lr");
  }

  @Test
  void clipByGlobalNormAsPyTorch() {
    double[] g = {3, 0, -4};
    double norm = GradientClipping.byGlobalNorm(g, 1.0);
    assertThat(norm).isEqualTo(5.0);
    double coef = 1.0 / (5.0 + 1e-6);
    assertThat(g).containsExactly(3 * coef, 0, -4 * coef);
    double[] small = {0.3, 0.4};
    assertThat(GradientClipping.byGlobalNorm(small, 1.0)).isCloseTo(0.5, within(1e-16));
    assertThat(small).containsExactly(0.3, 0.4);
    double[] nan = {1, Double.NaN};
    assertThat(GradientClipping.byGlobalNorm(nan, 1.0)).isNaN();
    assertThat(nan[0]).isEqualTo(1.0);
    // The scaled norm survives values whose squares overflow.
    assertThat(GradientClipping.norm(new double[] {3e200, 4e200})).isCloseTo(5e200,
        within(1e186));
    assertThatThrownBy(() -> GradientClipping.byGlobalNorm(g, 0)).hasMessageContaining("maxNorm");
  }

  @Test
  void clipByValue() {
    double[] g = {-3, 0.5, 2, Double.NaN};
    GradientClipping.byValue(g, 1.0);
    assertThat(g[0]).isEqualTo(-1.0);
    assertThat(g[1]).isEqualTo(0.5);
    assertThat(g[2]).isEqualTo(1.0);
    assertThat(g[3]).isNaN();
    assertThatThrownBy(() -> GradientClipping.byValue(g, -1)).hasMessageContaining("limit");
  }
}
