package org.nde4j.solve.term;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.PidController;

class MultiTermTest {
  private static final OdeTerm DECAY = OdeTerm.of(1, (t, y, dy) -> dy[0] = -y[0]);
  private static final OdeTerm FORCE = OdeTerm.of(1, (t, y, dy) -> dy[0] = Math.cos(t));

  /** y' = −y + cos t, y(0) = 1: y = (cos t + sin t)/2 + e^{−t}/2. */
  @Test
  void sumsItsParts() {
    MultiTerm term = MultiTerm.of(DECAY, FORCE);
    assertThat(term.terms()).containsExactly(DECAY, FORCE);
    double[] dy = new double[1];
    term.rate(0.4, new double[] {2}, dy);
    assertThat(dy[0]).isEqualTo(-2 + Math.cos(0.4));
    Solution s = Solve.of(term, new Tsit5(), 0, 5, new double[] {1})
        .controller(PidController.of(1e-10, 1e-10)).run();
    double exact = (Math.cos(5) + Math.sin(5)) / 2 + Math.exp(-5) / 2;
    assertThat(s.yEnd()[0]).isCloseTo(exact, within(1e-9));
  }

  @Test
  void rejectsMismatchedSizes() {
    OdeTerm two = OdeTerm.of(2, (t, y, dy) -> { });
    assertThatThrownBy(() -> MultiTerm.of(DECAY, two))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("term 1 acts on 2 values but term 0 on 1");
    assertThatThrownBy(MultiTerm::of).hasMessageContaining("at least one term");
  }
}
