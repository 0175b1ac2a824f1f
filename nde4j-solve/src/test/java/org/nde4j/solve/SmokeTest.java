package org.nde4j.solve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nde4j.solve.integrate.SaveAt;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.solver.SolverCatalogue;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.OdeTerm;

class SmokeTest {
  @Test
  void lorenz() {
    OdeTerm term = OdeTerm.of(3, (t, y, dy) -> {
      dy[0] = 10 * (y[1] - y[0]);
      dy[1] = y[0] * (28 - y[2]) - y[1];
      dy[2] = y[0] * y[1] - 8.0 / 3 * y[2];
    });
    for (String name : new String[] {"dopri5", "tsit5", "bosh3"}) {
      Solution s = Solve.of(term, SolverCatalogue.byName(name), 0, 20, new double[] {1, 1, 1})
          .controller(PidController.of(1e-8, 1e-8)).maxSteps(1_000_000).run();
      System.out.println(name + " " + s + " " + java.util.Arrays.toString(s.yEnd()));
    }
    OdeTerm decay = OdeTerm.of(1, (t, y, dy) -> dy[0] = -y[0]);
    Solution s = Solve.of(decay, SolverCatalogue.byName("dopri5"), 0, 2, new double[] {1})
        .controller(PidController.of(1e-10, 1e-10)).saveAt(SaveAt.ts(0.5, 1, 1.5).withDense())
        .run();
    assertThat(s.y(0)[0]).isCloseTo(Math.exp(-0.5), org.assertj.core.api.Assertions.within(1e-8));
    assertThat(s.evaluate(1.234)[0]).isCloseTo(Math.exp(-1.234),
        org.assertj.core.api.Assertions.within(1e-8));
  }
}
