package org.nde4j.learn.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Optimisers on problems with known minima. */
class ConvergenceTest {

  /** Rosenbrock f = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1). */
  static double rosenbrock(double[] p, double[] g) {
    double x = p[0];
    double y = p[1];
    g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
    g[1] = 200 * (y - x * x);
    return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
  }

  /**
   * f = ½ Σ λᵢ (Qθ − c)ᵢ² with λ log-spaced over {@code [1, cond]} and Q a fixed rotation (product
   * of Givens rotations), so the Hessian QᵀΛQ is dense with condition number {@code cond}; the
   * minimum 0 is at θ* = Qᵀc.
   */
  static final class Quadratic implements LossFunction {
    final int n;
    final double[] lambda;
    final double[][] q;
    final double[] c;

    Quadratic(int n, double cond) {
      this.n = n;
      lambda = new double[n];
      c = new double[n];
      q = new double[n][n];
      for (int i = 0; i < n; i++) {
        lambda[i] = Math.pow(cond, i / (double) (n - 1));
        c[i] = Math.cos(0.7 * i + 0.3);
        q[i][i] = 1;
      }
      for (int i = 0; i < n - 1; i++) {
        double a = 0.4 + 0.3 * i;
        for (int r = 0; r < n; r++) {
          double u = q[r][i];
          double v = q[r][i + 1];
          q[r][i] = Math.cos(a) * u - Math.sin(a) * v;
          q[r][i + 1] = Math.sin(a) * u + Math.cos(a) * v;
        }
      }
    }

    double[] minimiser() {
      double[] x = new double[n];
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < n; i++) {
          x[j] += q[i][j] * c[i];
        }
      }
      return x;
    }

    @Override
    public double evaluate(double[] theta, double[] grad) {
      double f = 0;
      Arrays.fill(grad, 0);
      for (int i = 0; i < n; i++) {
        double r = -c[i];
        for (int j = 0; j < n; j++) {
          r += q[i][j] * theta[j];
        }
        f += 0.5 * lambda[i] * r * r;
        for (int j = 0; j < n; j++) {
          grad[j] += lambda[i] * r * q[i][j];
        }
      }
      return f;
    }
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s = Math.max(s, Math.abs(a[i] - b[i]));
    }
    return s;
  }

  @Test
  void lbfgsSolvesRosenbrockToTenDigits() {
    // SciPy's L-BFGS-B (gtol 1e-11) from the same start: 39 iterations / 47 evaluations; this
    // implementation: 39 / 48.
    Lbfgs lbfgs = Lbfgs.builder().gradientTolerance(1e-11).lossChangeTolerance(0).build(2);
    double[] p = {-1.2, 1.0};
    Lbfgs.Result r = lbfgs.minimize(ConvergenceTest::rosenbrock, p, 200);
    assertThat(r.status()).isEqualTo(Lbfgs.Status.GRADIENT_TOLERANCE);
    assertThat(distance(p, new double[] {1, 1})).isLessThan(1e-10);
    assertThat(r.iterations()).isLessThanOrEqualTo(50);
    assertThat(r.evaluations()).isLessThanOrEqualTo(80);
  }

  @Test
  void lbfgsSolvesAnIllConditionedQuadraticToTenDigits() {
    // κ = 1e4, dense Hessian. Gradient descent would need ~κ·ln(1e10) ≈ 2e5 iterations; SciPy's
    // L-BFGS-B (maxcor 20, gtol 1e-12) takes 82 iterations / 88 evaluations on this problem, and
    // 275 / 310 with maxcor 10 (this implementation: 66 / 71 and 225 / 248).
    Quadratic f = new Quadratic(10, 1e4);
    Lbfgs lbfgs = Lbfgs.builder().history(20).gradientTolerance(1e-12).lossChangeTolerance(0)
        .build(10);
    double[] p = new double[10];
    Lbfgs.Result r = lbfgs.minimize(f, p, 1000);
    assertThat(r.status()).isEqualTo(Lbfgs.Status.GRADIENT_TOLERANCE);
    assertThat(distance(p, f.minimiser())).isLessThan(1e-10);
    assertThat(r.iterations()).isLessThanOrEqualTo(90);
    Lbfgs shortMemory = Lbfgs.builder().history(10).gradientTolerance(1e-12)
        .lossChangeTolerance(0).build(10);
    double[] p2 = new double[10];
    assertThat(shortMemory.minimize(f, p2, 1000).iterations()).isLessThanOrEqualTo(300);
    assertThat(distance(p2, f.minimiser())).isLessThan(1e-10);
  }

  @Test
  void sgdWithHeavyBallMomentumReachesTheQuadraticsMinimum() {
    // Polyak's tuning for eigenvalues in [μ, L]: lr = 4/(√L + √μ)², momentum ((√κ − 1)/(√κ + 1))²,
    // linear rate (√κ − 1)/(√κ + 1) = 9/11 for κ = 100: 1e-8 after ~ 8·ln(10)/ln(11/9) ≈ 92
    // iterations (plus a transient).
    Quadratic f = new Quadratic(10, 100);
    double lr = 4 / Math.pow(Math.sqrt(100) + 1, 2);
    Sgd sgd = Sgd.builder().learningRate(lr).momentum(Math.pow(9.0 / 11, 2)).build(10);
    double[] p = new double[10];
    double[] g = new double[10];
    for (int k = 0; k < 200; k++) {
      f.evaluate(p, g);
      sgd.step(p, g);
    }
    assertThat(distance(p, f.minimiser())).isLessThan(1e-8);
  }

  @Test
  void adamReachesRosenbrocksMinimumWithADecayingRate() {
    Adam adam = Adam.builder().schedule(Schedule.cosine(0.02, 100, 20_000, 0)).build(2);
    double[] p = {-1.2, 1.0};
    double[] g = new double[2];
    double loss = 0;
    for (int k = 0; k < 20_000; k++) {
      loss = rosenbrock(p, g);
      adam.step(p, g);
    }
    assertThat(loss).isLessThan(1e-8);
    assertThat(distance(p, new double[] {1, 1})).isLessThan(1e-3);
  }

  @Test
  void rmspropReachesTheQuadraticsMinimumWithADecayingRate() {
    Quadratic f = new Quadratic(10, 100);
    RmsProp opt = RmsProp.builder().schedule(Schedule.exponential(0.01, 0.999)).build(10);
    double[] p = new double[10];
    double[] g = new double[10];
    for (int k = 0; k < 10_000; k++) {
      f.evaluate(p, g);
      opt.step(p, g);
    }
    assertThat(distance(p, f.minimiser())).isLessThan(1e-4);
  }
}
