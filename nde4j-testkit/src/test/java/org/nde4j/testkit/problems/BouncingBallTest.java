package org.nde4j.testkit.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class BouncingBallTest {

  /**
   * Dropped from 10 with g = 9.81: first impact at √(20/9.81) = 1.42784…, speed √196.2; each
   * flight after the k-th impact lasts 2 e^k u1 / g.
   */
  @Test void bounceTimesFollowTheGeometricSeries() {
    BouncingBall ball = BouncingBall.standard();
    double u1 = Math.sqrt(2 * 9.81 * 10);
    double[] times = ball.bounceTimes(7);
    assertThat(times[0]).isEqualTo(Math.sqrt(20 / 9.81), offset(1e-15));
    double t = times[0];
    for (int k = 1; k < 7; k++) {
      t += 2 * Math.pow(0.8, k) * u1 / 9.81;
      assertThat(times[k]).isEqualTo(t, offset(1e-13));
    }
    assertThat(times[6]).isLessThan(10);
    assertThat(ball.bounceTimes(8)[7]).isGreaterThan(10);
    assertThat(ball.zenoTime()).isEqualTo(times[0] + 2 * u1 * 0.8 / (9.81 * 0.2), offset(1e-12));
  }

  /** The state is on the floor at each impact, moving up with e^k u1 just after it. */
  @Test void stateAtImpacts() {
    BouncingBall ball = new BouncingBall(9.81, 0.8, 10, 2);
    double u1 = Math.sqrt(4 + 2 * 9.81 * 10);
    double[] times = ball.bounceTimes(5);
    assertThat(times[0]).isEqualTo((2 + u1) / 9.81, offset(1e-15));
    for (int k = 0; k < 5; k++) {
      double[] just = ball.state(times[k] + 1e-12);
      assertThat(just[0]).isEqualTo(0, offset(1e-9));
      assertThat(just[1]).isEqualTo(Math.pow(0.8, k + 1) * u1, offset(1e-9));
      double[] before = ball.state(times[k] - 1e-9);
      assertThat(before[1]).isLessThan(0);
    }
    assertThat(ball.state(0)).containsExactly(10, 2);
    assertThat(ball.state(ball.zenoTime() + 1)).containsExactly(0, 0);
  }

  @Test void elasticBallBouncesForever() {
    BouncingBall ball = new BouncingBall(1, 1, 0.5, 0);
    assertThat(ball.bounceTimes(3)).containsExactly(new double[] {1, 3, 5}, offset(1e-15));
    assertThat(ball.zenoTime()).isInfinite();
  }

  @Test void resetAndEvent() {
    BouncingBall ball = BouncingBall.standard();
    double[] y = {0, -5};
    ball.reset(y);
    assertThat(y).containsExactly(0, 4);
    assertThat(ball.event(0, new double[] {3, 1})).isEqualTo(3);
    double[] dy = new double[2];
    ball.rhs(0, new double[] {3, 1}, dy);
    assertThat(dy).containsExactly(1, -9.81);
  }

  @Test void rejectsNonsense() {
    assertThatThrownBy(() -> new BouncingBall(9.81, 1.5, 1, 0)).hasMessageContaining("1.5");
    assertThatThrownBy(() -> new BouncingBall(9.81, 0.5, 0, 0)).hasMessageContaining("x0");
    assertThatThrownBy(() -> BouncingBall.standard().bounceTimes(-1)).hasMessageContaining("-1");
  }
}
