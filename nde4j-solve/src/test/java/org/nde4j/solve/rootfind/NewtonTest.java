package org.nde4j.solve.rootfind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.linalg.DenseLu;
import org.nde4j.solve.term.OdeTerm;

/**
 * One backward-Euler stage {@code z = y0 + h f(z)} of a stiff nonlinear system, solved by the
 * simplified Newton iteration (factored {@code I − hJ}) and by Newton–Krylov (matrix-free JVPs):
 * both reach the root that a direct fixed point of the residual confirms.
 */
class NewtonTest {
  // Robertson kinetics: stiff, nonlinear.
  private static final OdeTerm ROBER = OdeTerm.of(3, (t, y, dy) -> {
    dy[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
    dy[1] = 0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1];
    dy[2] = 3e7 * y[1] * y[1];
  });
  // y2 near its quasi-steady state, so the Jacobian at y0 is a good chord matrix.
  private static final double[] Y0 = {0.9, 2.2e-5, 0.1};
  private static final double H = 0.01;

  private static void residual(double[] z, double[] r) {
    double[] f = new double[3];
    ROBER.rate(0, z, f);
    for (int i = 0; i < 3; i++) {
      r[i] = z[i] - Y0[i] - H * f[i];
    }
  }

  private static double[] weights() {
    double[] w = new double[3];
    for (int i = 0; i < 3; i++) {
      w[i] = 1 / (1e-10 + 1e-6 * Math.abs(Y0[i]));
    }
    return w;
  }

  @Test
  void simplifiedNewtonConverges() {
    double[] j = new double[9];
    ROBER.jacobian().evaluate(0, Y0, j);
    double[] w = new double[9];
    for (int i = 0; i < 9; i++) {
      w[i] = (i % 4 == 0 ? 1 : 0) - H * j[i];
    }
    DenseLu lu = new DenseLu(3);
    assertThat(lu.factor(w)).isTrue();
    Newton newton = new Newton(3, 10, 0.01);
    double[] z = Y0.clone();
    assertThat(newton.solve(NewtonTest::residual, lu, z, weights()))
        .isEqualTo(Newton.Outcome.CONVERGED);
    double[] r = new double[3];
    residual(z, r);
    for (double v : r) {
      assertThat(v).isCloseTo(0, within(1e-10));
    }
    assertThat(z[0] + z[1] + z[2]).isCloseTo(1.000022, within(1e-12));
  }

  @Test
  void newtonKrylovConvergesMatrixFree() {
    var jvp = ROBER.jvp();
    double[] z = Y0.clone();
    double[] jv = new double[3];
    NewtonKrylov nk = new NewtonKrylov(3, 20, 0.01, 1e-6, 3, 30);
    var outcome = nk.solve(NewtonTest::residual, (v, out) -> {
      jvp.apply(0, z, v, jv);
      for (int i = 0; i < 3; i++) {
        out[i] = v[i] - H * jv[i];
      }
    }, z, weights());
    assertThat(outcome).isEqualTo(Newton.Outcome.CONVERGED);
    double[] r = new double[3];
    residual(z, r);
    for (double v : r) {
      assertThat(v).isCloseTo(0, within(1e-9));
    }
    assertThat(nk.linearIterations()).isPositive();
  }

  @Test
  void divergenceIsAnOutcomeNotAnException() {
    // A wrong (sign-flipped) iteration matrix pushes the iterate away from the root.
    DenseLu lu = new DenseLu(1);
    lu.factor(new double[] {-1});
    Newton newton = new Newton(1, 10, 0.01);
    double[] z = {1};
    var outcome = newton.solve((x, r) -> r[0] = x[0] - 2, lu, z, new double[] {1});
    assertThat(outcome).isIn(Newton.Outcome.DIVERGED, Newton.Outcome.TOO_SLOW);
  }
}
