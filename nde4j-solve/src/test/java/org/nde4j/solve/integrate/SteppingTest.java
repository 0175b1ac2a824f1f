package org.nde4j.solve.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.solve.Fields;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.PidController;

class SteppingTest {
  @Test
  void manualSteppingTakesTheStepsOfTheLoop() {
    PidController pid = PidController.of(1e-9, 1e-9);
    Stepping s = Stepping.start(Fields.detestA3(), new Tsit5(), pid, 0, 10, new double[] {1},
        Double.NaN);
    int steps = 0;
    while (s.step()) {
      steps++;
      double mid = 0.5 * (s.previousT() + s.t());
      assertThat(s.interpolate(mid)[0]).isCloseTo(Math.exp(Math.sin(mid)), within(1e-7));
      assertThat(s.y()[0]).isCloseTo(Math.exp(Math.sin(s.t())), within(1e-7));
    }
    assertThat(s.status()).isEqualTo(Status.SUCCESS);
    assertThat(s.t()).isEqualTo(10);
    Solution loop = Solve.of(Fields.detestA3(), new Tsit5(), 0, 10, new double[] {1})
        .controller(pid).run();
    assertThat(steps).isEqualTo(loop.stats().accepted());
    assertThat(s.y()[0]).isEqualTo(loop.yEnd()[0]);
    assertThat(s.stats().nfe()).isEqualTo(loop.stats().nfe());
  }

  @Test
  void backwardsAndErrors() {
    Stepping s = Stepping.start(Fields.detestA3(), new Tsit5(), PidController.of(1e-9, 1e-9), 3,
        0, new double[] {Math.exp(Math.sin(3))}, Double.NaN);
    assertThatThrownBy(() -> s.interpolate(2)).hasMessageContaining("no step taken");
    s.step();
    assertThatThrownBy(() -> s.interpolate(3.5)).hasMessageContaining("outside the last step");
    while (s.step()) {
      assertThat(s.t()).isLessThan(s.previousT());
    }
    assertThat(s.y()[0]).isCloseTo(1, within(1e-8));
  }
}
