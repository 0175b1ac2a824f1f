package org.nde4j.solve.solver.sde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.random.Key;
import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.solve.brownian.VirtualBrownianTree;
import org.nde4j.solve.term.NoiseType;
import org.nde4j.solve.term.SdeTerm;

/** The stochastic reversible Heun step is undone exactly by its backward step. */
class ReversibleHeunSdeTest {
  @Test
  void backwardStepsRecoverTheInitialState() {
    int n = 3;
    BrownianMotion bm = VirtualBrownianTree.of(Key.of(41), 0, 1, 2, 1e-6);
    // Non-commutative general noise with a nonlinear drift: reversibility is algebraic.
    SdeTerm term = SdeTerm.stratonovich(n, bm).drift((t, y, f) -> {
      f[0] = -y[1] * y[2];
      f[1] = Math.sin(y[0]) - 0.1 * y[1];
      f[2] = y[0] * y[1] - t;
    }).diffusion(NoiseType.GENERAL, (t, y, g) -> {
      for (int i = 0; i < n; i++) {
        g[2 * i] = 0.3 * Math.cos(y[i]);
        g[2 * i + 1] = 0.2 * y[(i + 1) % n];
      }
    }).build();
    ReversibleHeunSdeStepper st =
        (ReversibleHeunSdeStepper) new StochasticReversibleHeun().stepper(term);
    double[] y0 = {0.4, -0.3, 1.1};
    double[] y = y0.clone();
    double[] y1 = new double[n];
    int steps = 64;
    double h = 1.0 / steps;
    for (int k = 0; k < steps; k++) {
      st.attempt(k * h, h, y, y1, null);
      st.accept();
      double[] s = y;
      y = y1;
      y1 = s;
    }
    double[] yHat = new double[n];
    st.auxiliary(yHat);
    for (int k = steps; k > 0; k--) {
      st.backwardStep(k * h, h, y, yHat);
    }
    assertThat(y).containsExactly(y0, within(1e-12));
    assertThat(yHat).containsExactly(y0, within(1e-12));
  }
}
