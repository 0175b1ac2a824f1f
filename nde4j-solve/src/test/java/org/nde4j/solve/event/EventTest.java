package org.nde4j.solve.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nde4j.solve.integrate.SaveAt;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.solver.rk.Dopri5;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.OdeTerm;

class EventTest {
  private static final double G = 9.81;

  /**
   * A ball dropped from height h0 at rest bounces with restitution e: first impact at
   * sqrt(2 h0 / g) with speed v1 = g·t1, then flights of 2 e^k v1 / g.
   */
  @Test
  void bouncingBallHitsTheAnalyticBounceTimes() {
    double h0 = 10;
    double e = 0.9;
    OdeTerm ball = OdeTerm.of(2, (t, y, dy) -> {
      dy[0] = y[1];
      dy[1] = -G;
    });
    Event ground = Event.when("ground", (t, y) -> y[0]).direction(Direction.FALLING)
        .reset((t, y) -> {
          y[0] = 0;
          y[1] = -e * y[1];
        });
    Solution s = Solve.of(ball, new Tsit5(), 0, 20, new double[] {h0, 0})
        .controller(PidController.of(1e-10, 1e-10)).events(ground).saveAt(SaveAt.ts(0.5, 19))
        .run();
    assertThat(s.status()).isEqualTo(Status.SUCCESS);
    List<EventRecord> ev = s.events();
    assertThat(ev.size()).isGreaterThanOrEqualTo(10);
    double t1 = Math.sqrt(2 * h0 / G);
    double v1 = G * t1;
    double expected = t1;
    for (int k = 0; k < 10; k++) {
      assertThat(ev.get(k).t()).as("bounce %d", k).isCloseTo(expected, within(1e-9));
      assertThat(ev.get(k).y()[1]).isCloseTo(-v1 * Math.pow(e, k), within(1e-7));
      expected += 2 * Math.pow(e, k + 1) * v1 / G;
    }
    assertThat(s.y(0)[0]).isCloseTo(h0 - 0.5 * G * 0.25, within(1e-9));
  }

  @Test
  void terminalEventStopsAtTheCrossing() {
    OdeTerm osc = OdeTerm.of(2, (t, y, dy) -> {
      dy[0] = y[1];
      dy[1] = -y[0];
    });
    Solution s = Solve.of(osc, new Dopri5(), 0, 10, new double[] {1, 0})
        .controller(PidController.of(1e-11, 1e-11))
        .events(Event.when("zero", (t, y) -> y[0]).terminal(true)).saveAt(SaveAt.t0t1()).run();
    assertThat(s.status()).isEqualTo(Status.EVENT);
    assertThat(s.tEnd()).isCloseTo(Math.PI / 2, within(1e-10));
    assertThat(s.yEnd()[1]).isCloseTo(-1, within(1e-10));
    assertThat(s.events()).hasSize(1);
    assertThat(s.ts()).containsExactly(0, s.tEnd());
  }

  @Test
  void directionFiltersCrossings() {
    OdeTerm sine = OdeTerm.of(1, (t, y, dy) -> dy[0] = Math.cos(t));
    PidController pid = PidController.of(1e-11, 1e-11);
    Solution both = Solve.of(sine, new Tsit5(), 0.5, 10, new double[] {Math.sin(0.5)})
        .controller(pid).events(Event.when("zero", (t, y) -> y[0])).run();
    assertThat(both.events()).extracting(EventRecord::t).hasSize(3);
    assertThat(both.events().get(0).t()).isCloseTo(Math.PI, within(1e-9));
    assertThat(both.events().get(1).t()).isCloseTo(2 * Math.PI, within(1e-9));
    assertThat(both.events().get(2).t()).isCloseTo(3 * Math.PI, within(1e-9));
    Solution rising = Solve.of(sine, new Tsit5(), 0.5, 10, new double[] {Math.sin(0.5)})
        .controller(pid).events(Event.when("up", (t, y) -> y[0]).direction(Direction.RISING))
        .run();
    assertThat(rising.events()).hasSize(1);
    assertThat(rising.events().get(0).t()).isCloseTo(2 * Math.PI, within(1e-9));
  }

  @Test
  void discreteEventFiresAtAStepEnd() {
    OdeTerm grow = OdeTerm.of(1, (t, y, dy) -> dy[0] = y[0]);
    Solution s = Solve.of(grow, new Tsit5(), 0, 5, new double[] {1})
        .controller(PidController.of(1e-8, 1e-8))
        .events(Event.after("big", (t, y) -> y[0] > 10).terminal(true))
        .saveAt(SaveAt.steps()).run();
    assertThat(s.status()).isEqualTo(Status.EVENT);
    assertThat(s.events().get(0).y()[0]).isGreaterThan(10);
    assertThat(s.tEnd()).isGreaterThan(Math.log(10)).isLessThan(3);
    assertThat(s.t(s.size() - 1)).isEqualTo(s.tEnd());
  }

  @Test
  void eventsWorkBackwardsInTime() {
    OdeTerm sine = OdeTerm.of(1, (t, y, dy) -> dy[0] = Math.cos(t));
    Solution s = Solve.of(sine, new Tsit5(), 4, 0.5, new double[] {Math.sin(4)})
        .controller(PidController.of(1e-11, 1e-11))
        .events(Event.when("zero", (t, y) -> y[0]).terminal(true)).run();
    assertThat(s.tEnd()).isCloseTo(Math.PI, within(1e-9));
  }
}
