package org.nde4j.testkit.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class ConvergenceOrderTest {

  @Test void exactPowerLaw() {
    double[] h = {0.1, 0.05, 0.025, 0.0125};
    double[] e = new double[h.length];
    for (int i = 0; i < h.length; i++) {
      e[i] = 3 * Math.pow(h[i], 4);
    }
    ConvergenceOrder c = ConvergenceOrder.estimate(h, e);
    assertThat(c.order()).isEqualTo(4, offset(1e-12));
    assertThat(c.constant()).isEqualTo(3, offset(1e-10));
    assertThat(c.pairwise()).containsExactly(new double[] {4, 4, 4}, offset(1e-12));
  }

  /** Least squares through log(e) = (0, −1.1, −1.9) at log(h) = (0, −1, −2): slope 0.95. */
  @Test void slopeIsTheLeastSquaresFit() {
    double[] h = {1, Math.exp(-1), Math.exp(-2)};
    double[] e = {1, Math.exp(-1.1), Math.exp(-1.9)};
    ConvergenceOrder c = ConvergenceOrder.estimate(h, e);
    assertThat(c.order()).isEqualTo(0.95, offset(1e-12));
    assertThat(c.pairwise()).containsExactly(new double[] {1.1, 0.8}, offset(1e-12));
    assertThat(c.minPairwise()).isEqualTo(0.8, offset(1e-12));
    assertThat(c.maxPairwise()).isEqualTo(1.1, offset(1e-12));
  }

  /** Classical RK4 and Euler, written here, on the linear problem show orders 4 and 1. */
  @Test void rk4AndEulerOnTheLinearProblem() {
    LinearProblem p = LinearProblem.standard();
    double[] ref = p.reference();
    int[] steps = {8, 16, 32, 64};
    double[] h = new double[steps.length];
    double[] rk4 = new double[steps.length];
    double[] euler = new double[steps.length];
    for (int i = 0; i < steps.length; i++) {
      h[i] = 1.0 / steps[i];
      rk4[i] = maxError(solve(p, steps[i] , true), ref);
      euler[i] = maxError(solve(p, steps[i] * 16, false), ref);
    }
    double[] hEuler = h.clone();
    for (int i = 0; i < h.length; i++) {
      hEuler[i] = h[i] / 16;
    }
    assertThat(ConvergenceOrder.estimate(h, rk4).order()).isEqualTo(4, offset(0.15));
    assertThat(ConvergenceOrder.estimate(hEuler, euler).order()).isEqualTo(1, offset(0.1));
  }

  private static double maxError(double[] y, double[] ref) {
    double m = 0;
    for (int i = 0; i < y.length; i++) {
      m = Math.max(m, Math.abs(y[i] - ref[i]));
    }
    return m;
  }

  private static double[] solve(OdeProblem p, int steps, boolean rk4) {
    int n = p.dim();
    double h = (p.t1() - p.t0()) / steps;
    double[] y = p.y0();
    double[] k1 = new double[n];
    double[] k2 = new double[n];
    double[] k3 = new double[n];
    double[] k4 = new double[n];
    double[] tmp = new double[n];
    for (int s = 0; s < steps; s++) {
      double t = p.t0() + s * h;
      p.rhs(t, y, k1);
      if (!rk4) {
        for (int i = 0; i < n; i++) {
          y[i] += h * k1[i];
        }
        continue;
      }
      for (int i = 0; i < n; i++) {
        tmp[i] = y[i] + 0.5 * h * k1[i];
      }
      p.rhs(t + 0.5 * h, tmp, k2);
      for (int i = 0; i < n; i++) {
        tmp[i] = y[i] + 0.5 * h * k2[i];
      }
      p.rhs(t + 0.5 * h, tmp, k3);
      for (int i = 0; i < n; i++) {
        tmp[i] = y[i] + h * k3[i];
      }
      p.rhs(t + h, tmp, k4);
      for (int i = 0; i < n; i++) {
        y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
      }
    }
    return y;
  }

  @Test void rejectsWhatHasNoLogarithm() {
    assertThatThrownBy(() -> ConvergenceOrder.estimate(new double[] {0.1, 0.05},
        new double[] {1e-3, 0})).hasMessageContaining("error 1");
    assertThatThrownBy(() -> ConvergenceOrder.estimate(new double[] {0.1},
        new double[] {1e-3})).hasMessageContaining("two runs");
    assertThatThrownBy(() -> ConvergenceOrder.estimate(new double[] {0.1, 0.1},
        new double[] {1e-3, 1e-4})).hasMessageContaining("equal");
    assertThatThrownBy(() -> ConvergenceOrder.estimate(new double[] {0.1, -1},
        new double[] {1e-3, 1e-4})).hasMessageContaining("step size 1");
    assertThatThrownBy(() -> ConvergenceOrder.estimate(new double[] {0.1, 0.2},
        new double[] {1e-3})).hasMessageContaining("2 step sizes but 1 errors");
  }
}
