package org.nde4j.solve.adjoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.rk.Dopri5;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.solver.rosenbrock.Rodas5P;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.stepsize.StepSizeController;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.testkit.problems.MatrixExponential;

/**
 * The discrete adjoint against gradients computed another way: analytic (matrix exponential and
 * its Fréchet derivative by Van Loan's block formula) for {@code y' = Ay}, and central finite
 * differences of the forward solve for a neural ODE and Lotka–Volterra.
 */
class DiscreteAdjointTest {
  static final double[][] A = {{-0.5, 1.0, 0.2}, {-1.0, -0.3, 0.4}, {0.1, -0.2, -0.8}};
  static final double[] Y0 = {1.0, -0.5, 0.25};
  static final double[] W = {0.7, -1.3, 0.4};
  static final double T1 = 2.0;

  static double[] flat(double[][] a) {
    int n = a.length;
    double[] f = new double[n * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, f, i * n, n);
    }
    return f;
  }

  static GradientSolve linear(Adjoint adjoint) {
    return linear(adjoint, PidController.of(1e-11, 1e-13));
  }

  static GradientSolve linear(Adjoint adjoint, PidController pid) {
    return GradientSolve.of(DifferentiableTerm.of(GradFields.linear(3), 3, 9), new Tsit5(), 0,
        T1, Y0, flat(A)).controller(pid).adjoint(adjoint);
  }

  static void assertClose(double actual, double expected, double rel, String what) {
    assertThat(Math.abs(actual - expected)).as("%s: %s vs %s", what, actual, expected)
        .isLessThanOrEqualTo(rel * Math.max(1, Math.abs(expected)));
  }

  /** {@code ∂(e^{tA} y0)/∂A_ij}: the upper-right block of {@code exp(t [[A, E_ij], [0, A]])}. */
  static double[] vanLoan(double[][] a, double t, double[] y0, int i, int j) {
    int n = a.length;
    double[][] m = new double[2 * n][2 * n];
    for (int p = 0; p < n; p++) {
      for (int q = 0; q < n; q++) {
        m[p][q] = a[p][q];
        m[n + p][n + q] = a[p][q];
      }
    }
    m[i][n + j] = 1;
    double[] v = new double[2 * n];
    System.arraycopy(y0, 0, v, n, n);
    return java.util.Arrays.copyOf(MatrixExponential.apply(m, t, v), n);
  }

  /** {@code ∂L/∂y0 = exp(Aᵀ t1) w} for {@code L = w · y(t1)}. */
  static double[] expectedY0Gradient() {
    int n = A.length;
    double[][] at = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        at[i][j] = A[j][i];
      }
    }
    return MatrixExponential.apply(at, T1, W);
  }

  /**
   * {@code ∂L/∂A_ij = w · (upper-right block of exp(t1 [[A, E_ij], [0, A]])) y0} (Van Loan's
   * block formula for the Fréchet derivative of the matrix exponential), row-major.
   */
  static double[] expectedAGradient() {
    int n = A.length;
    double[] grad = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double[] out = vanLoan(A, T1, Y0, i, j);
        for (int p = 0; p < n; p++) {
          grad[i * n + j] += W[p] * out[p];
        }
      }
    }
    return grad;
  }

  /** L = w · y(t1) for y' = Ay: every gradient against closed forms. */
  @Test
  void linearSystemMatchesTheMatrixExponential() {
    checkLinear(linear(Adjoint.discrete()).forward(), 1e-8);
  }

  /**
   * The gradients of {@code L = w · y(t1)} from {@code r} (a solve of {@link #linear}) against the
   * closed forms, relative error ≤ {@code rel}.
   */
  static void checkLinear(Recording r, double rel) {
    assertThat(r.status()).isEqualTo(Status.SUCCESS);
    Gradients g = r.backward(new double[][] {W});
    int n = 3;
    double[] dy0 = expectedY0Gradient();
    double[] dA = expectedAGradient();
    for (int i = 0; i < n; i++) {
      assertClose(g.y0()[i], dy0[i], rel, "dL/dy0[" + i + "]");
    }
    for (int i = 0; i < n * n; i++) {
      assertClose(g.theta()[i], dA[i], rel, "dL/dA[" + i + "]");
    }
    double[] y1 = MatrixExponential.apply(A, T1, Y0);
    double dt1 = 0;
    double dt0 = 0;
    for (int p = 0; p < n; p++) {
      double ay1 = 0;
      double ay0 = 0;
      for (int q = 0; q < n; q++) {
        ay1 += A[p][q] * y1[q];
        ay0 += A[p][q] * Y0[q];
      }
      dt1 += W[p] * ay1;
      dt0 -= dy0[p] * ay0;
    }
    assertClose(g.t1(), dt1, rel, "dL/dt1");
    assertClose(g.ts()[0], dt1, rel, "dL/dts");
    assertClose(g.t0(), dt0, rel, "dL/dt0");
  }

  /** The loss Σ_i c_i · Y_i of a recording's saved states. */
  static double loss(Recording r, double[][] c) {
    double[][] ys = r.ys();
    double s = 0;
    for (int i = 0; i < ys.length; i++) {
      for (int q = 0; q < ys[i].length; q++) {
        s += c[i][q] * ys[i][q];
      }
    }
    return s;
  }

  static double central(ToDoubleFunction<Double> loss, double h) {
    return (loss.applyAsDouble(h) - loss.applyAsDouble(-h)) / (2 * h);
  }

  /**
   * Every gradient of a solve (y0, θ, t0, t1, each save time) against central differences of the
   * forward solve, relative error ≤ 1e-6 (solves at rtol = atol = 1e-12).
   */
  static void checkAgainstDifferences(TensorFn3 field, Solver solver, double t0, double t1,
      double[] y0, double[] theta, double[] ts, double[][] c, Adjoint adjoint) {
    checkAgainstDifferences(field, solver, PidController.of(1e-12, 1e-12), Double.NaN, true, t0,
        t1, y0, theta, ts, c, adjoint);
  }

  /**
   * As above with a given controller and first step; {@code times} false checks only {@code y0}
   * and {@code θ} (with fixed steps the discrete gradient in the times is not the continuous
   * formula's, which the adjoints report).
   */
  static void checkAgainstDifferences(TensorFn3 field, Solver solver,
      StepSizeController controller, double dt0, boolean times, double t0, double t1,
      double[] y0, double[] theta, double[] ts, double[][] c, Adjoint adjoint) {
    checkAgainstDifferences(field, solver, controller, dt0, times, t0, t1, y0, theta, ts, c,
        adjoint, SaveMode.STEP_ENDS, 1e-6);
  }

  /** As above with a save mode and a relative tolerance. */
  static void checkAgainstDifferences(TensorFn3 field, Solver solver,
      StepSizeController controller, double dt0, boolean times, double t0, double t1,
      double[] y0, double[] theta, double[] ts, double[][] c, Adjoint adjoint, SaveMode mode,
      double rel) {
    assertGradientsClose(gradients(field, solver, t0, t1, y0, theta, ts, c, adjoint, controller,
        dt0, mode), differences(field, solver, controller, dt0, times, adjoint, mode, t0, t1, y0,
        theta, ts, c), rel);
  }

  /** The gradients of {@code L = Σ c_i · Y_i} by {@code adjoint}, solving with {@code pid}. */
  static Gradients gradients(TensorFn3 field, Solver solver, double t0, double t1, double[] y0,
      double[] theta, double[] ts, double[][] c, Adjoint adjoint, PidController pid) {
    return gradients(field, solver, t0, t1, y0, theta, ts, c, adjoint, pid, Double.NaN,
        SaveMode.STEP_ENDS);
  }

  /** The gradients of {@code L = Σ c_i · Y_i} by {@code adjoint} with a save mode. */
  static Gradients gradients(TensorFn3 field, Solver solver, double t0, double t1,
      double[] y0, double[] theta, double[] ts, double[][] c, Adjoint adjoint,
      StepSizeController controller, double dt0, SaveMode mode) {
    DifferentiableTerm term = DifferentiableTerm.of(field.fn(), y0.length, theta.length);
    return GradientSolve.of(term, solver, t0, t1, y0, theta).saveAt(ts).controller(controller)
        .dt0(dt0).adjoint(adjoint).saveMode(mode).maxSteps(1_000_000).forward().backward(c);
  }

  /**
   * The gradients of {@code L = Σ c_i · Y_i} (y0, θ, t0, t1, each save time) by central
   * differences (h = 1e-5) of forward solves at rtol = atol = 1e-12; NaN for {@code t0} and a
   * save time at {@code t0}, which cannot move below {@code t0}.
   */
  static Gradients differences(TensorFn3 field, Solver solver, double t0, double t1,
      double[] y0, double[] theta, double[] ts, double[][] c) {
    return differences(field, solver, PidController.of(1e-12, 1e-12), Double.NaN, true,
        Adjoint.discrete(), SaveMode.STEP_ENDS, t0, t1, y0, theta, ts, c);
  }

  /**
   * Central differences of forward solves with {@code controller} and {@code dt0}, run by {@code
   * forward}'s forward pass; without {@code times} the time gradients are NaN (not checked).
   */
  static Gradients differences(TensorFn3 field, Solver solver,
      StepSizeController controller, double dt0, boolean times, Adjoint forward, SaveMode mode,
      double t0, double t1, double[] y0, double[] theta, double[] ts, double[][] c) {
    DifferentiableTerm term = DifferentiableTerm.of(field.fn(), y0.length, theta.length);
    java.util.function.Function<double[][], Recording> run = in -> GradientSolve.of(term, solver,
        in[0][0], in[0][1], in[1], in[2]).saveAt(in[3]).controller(controller).dt0(dt0)
        .adjoint(forward).saveMode(mode).maxSteps(1_000_000).forward();
    double[][] base = {{t0, t1}, y0, theta, ts};
    double[][] grads = new double[4][];
    double h = 1e-5;
    for (int slot = 1; slot <= 3; slot++) {
      grads[slot] = new double[base[slot].length];
      java.util.Arrays.fill(grads[slot], Double.NaN);
      if (slot == 3 && !times) {
        continue;
      }
      for (int i = slot == 3 && ts[0] == t0 ? 1 : 0; i < base[slot].length; i++) {
        final int s = slot;
        final int k = i;
        grads[slot][i] = central(d -> {
          double[][] in = copy(base);
          in[s][k] += d;
          if (s == 3 && k == ts.length - 1 && ts[k] == t1) {
            in[0][1] += d;
          }
          return loss(run.apply(in), c);
        }, h);
      }
    }
    double gt1 = times && ts[ts.length - 1] == t1 ? grads[3][ts.length - 1] : Double.NaN;
    if (!times || ts[0] == t0) {
      // Neither a save time at t0 nor t0 before it can move both ways: no central difference.
      return new Gradients(grads[1], grads[2], Double.NaN, grads[3], gt1, 0, 0);
    }
    double fd0 = central(d -> {
      double[][] in = copy(base);
      in[0][0] += d;
      return loss(run.apply(in), c);
    }, h);
    return new Gradients(grads[1], grads[2], fd0, grads[3], gt1, 0, 0);
  }

  /**
   * Every gradient of {@code actual} within relative error {@code rel} of {@code expected}
   * (entries NaN in {@code expected} are not checked).
   */
  static void assertGradientsClose(Gradients actual, Gradients expected, double rel) {
    check(actual.y0(), expected.y0(), rel, "dL/dy0");
    check(actual.theta(), expected.theta(), rel, "dL/dθ");
    check(actual.ts(), expected.ts(), rel, "dL/dts");
    check(new double[] {actual.t0(), actual.t1()}, new double[] {expected.t0(), expected.t1()},
        rel, "dL/d(t0, t1)");
  }

  private static void check(double[] actual, double[] expected, double rel, String what) {
    for (int i = 0; i < expected.length; i++) {
      if (!Double.isNaN(expected[i])) {
        assertClose(actual[i], expected[i], rel, what + "[" + i + "]");
      }
    }
  }

  static double[][] copy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  /** Wraps a tensor function (lambda target for the helper above). */
  record TensorFn3(org.nde4j.tensor.TensorFn fn) {}

  @Test
  void neuralOdeMatchesFiniteDifferences() {
    int d = 2;
    int h = 8;
    double[] ts = {0.3, 0.9, 1.5};
    double[][] c = {{0.3, -0.2}, {0.5, 0.1}, {-0.4, 0.8}};
    checkAgainstDifferences(new TensorFn3(GradFields.mlp(d, h)), new Tsit5(), 0, 1.5,
        new double[] {0.4, -0.7}, GradFields.mlpTheta(d, h, 11), ts, c, Adjoint.discrete());
  }

  @Test
  void lotkaVolterraMatchesFiniteDifferences() {
    double[] ts = {1.0, 2.5, 4.0};
    double[][] c = {{0.2, 0.1}, {-0.3, 0.4}, {0.6, -0.5}};
    checkAgainstDifferences(new TensorFn3(GradFields.lotkaVolterra()), new Dopri5(), 0, 4.0,
        new double[] {1.0, 1.0}, new double[] {1.5, 1.0, 1.0, 3.0}, ts, c, Adjoint.discrete());
  }

  /**
   * Full storage keeps each accepted step's stage residuals and the field at the start and the
   * save times: the backward pass evaluates no stage, and runs one VJP per stage whose cotangent
   * is not identically zero (dopri5's first six; the seventh has b_7 = 0 and no later stage reads
   * it). Its gradients equal those of checkpointing, which recomputes the stages.
   */
  @Test
  void fullStorageEvaluatesNoStageInTheBackwardPass() {
    DifferentiableTerm term = DifferentiableTerm.of(GradFields.mlp(2, 8), 2,
        GradFields.mlpTheta(2, 8, 11).length);
    double[] ts = {0.3, 0.9, 1.5};
    double[][] c = {{0.3, -0.2}, {0.5, 0.1}, {-0.4, 0.8}};
    java.util.function.Function<Adjoint, Recording> run = a -> GradientSolve.of(term,
        new Dopri5(), 0, 1.5, new double[] {0.4, -0.7}, GradFields.mlpTheta(2, 8, 11)).saveAt(ts)
        .controller(PidController.of(1e-9, 1e-9)).adjoint(a).forward();
    Recording full = run.apply(Adjoint.discrete());
    Gradients g = full.backward(c);
    Gradients reference = run.apply(Adjoint.checkpointed(3)).backward(c);
    assertThat(g.rateEvaluations()).isZero();
    assertThat(g.vjpEvaluations()).isEqualTo(6 * full.stats().accepted());
    assertThat(reference.rateEvaluations()).isPositive();
    for (int slot = 0; slot < 3; slot++) {
      double[] a = slot == 0 ? g.y0() : slot == 1 ? g.theta() : g.ts();
      double[] b = slot == 0 ? reference.y0() : slot == 1 ? reference.theta() : reference.ts();
      for (int i = 0; i < a.length; i++) {
        assertClose(a[i], b[i], 1e-12, "slot " + slot + " [" + i + "]");
      }
    }
    assertClose(g.t0(), reference.t0(), 1e-12, "dL/dt0");
  }

  @Test
  void unsupportedSolverIsRejectedBeforeSolving() {
    GradientSolve p = GradientSolve.of(DifferentiableTerm.of(GradFields.linear(3), 3, 9),
        new Rodas5P(), 0, 1, Y0, flat(A)).adjoint(Adjoint.discrete());
    assertThatThrownBy(p::forward).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rodas5p").hasMessageContaining("tsit5")
        .hasMessageContaining("kvaerno").hasMessageContaining("reversible_heun");
  }

  @Test
  void backwardAfterAFailedSolveExplains() {
    Recording r = linear(Adjoint.discrete()).maxSteps(3).forward();
    assertThat(r.status()).isEqualTo(Status.MAX_STEPS);
    assertThatThrownBy(() -> r.backward(new double[][] {W}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("MAX_STEPS");
    Recording ok = linear(Adjoint.discrete()).forward();
    assertThatThrownBy(() -> ok.backward(new double[][] {{1, 2}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 values");
  }
}
