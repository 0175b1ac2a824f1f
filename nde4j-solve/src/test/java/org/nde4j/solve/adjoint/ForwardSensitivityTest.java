package org.nde4j.solve.adjoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nde4j.solve.adjoint.DiscreteAdjointTest.A;
import static org.nde4j.solve.adjoint.DiscreteAdjointTest.T1;
import static org.nde4j.solve.adjoint.DiscreteAdjointTest.Y0;
import static org.nde4j.solve.adjoint.DiscreteAdjointTest.assertClose;

import org.junit.jupiter.api.Test;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.solver.implicit.Kvaerno5;
import org.nde4j.solve.solver.rk.Dopri5;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.testkit.problems.MatrixExponential;

/**
 * Forward sensitivities against Jacobians and gradients computed another way: the matrix
 * exponential and Van Loan's block formula for {@code y' = Ay}, central finite differences for
 * Lotka–Volterra and a neural ODE, and the discrete adjoint.
 */
class ForwardSensitivityTest {
  private static final double[] LV_THETA = {1.5, 1.0, 1.0, 3.0};
  private static final double[] LV_Y0 = {1.0, 1.0};
  private static final double[] LV_TS = {1.0, 2.5, 4.0};
  private static final double[][] LV_C = {{0.2, 0.1}, {-0.3, 0.4}, {0.6, -0.5}};

  /** Full Jacobians of {@code y(t1) = e^{t1 A} y0} with respect to y0 and A. */
  private static void checkLinearJacobians(SensitivityRecording r, double rel) {
    int n = 3;
    double[][] dy0 = r.dYdY0(0);
    double[][] dth = r.dYdTheta(0);
    assertThat(dth[0]).hasSize(9);
    for (int j = 0; j < n; j++) {
      double[] e = new double[n];
      e[j] = 1;
      double[] col = MatrixExponential.apply(A, T1, e);
      for (int q = 0; q < n; q++) {
        assertClose(dy0[q][j], col[q], rel, "dY[" + q + "]/dy0[" + j + "]");
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double[] col = DiscreteAdjointTest.vanLoan(A, T1, Y0, i, j);
        for (int q = 0; q < n; q++) {
          assertClose(dth[q][i * n + j], col[q], rel, "dY[" + q + "]/dA[" + i + "][" + j + "]");
        }
      }
    }
  }

  @Test
  void linearSystemJacobiansMatchTheMatrixExponential() {
    Recording r = DiscreteAdjointTest.linear(Adjoint.forwardMode()).forward();
    assertThat(r.status()).isEqualTo(Status.SUCCESS);
    assertThat(r).isInstanceOf(SensitivityRecording.class);
    SensitivityRecording s = (SensitivityRecording) r;
    checkLinearJacobians(s, 1e-9);
    // n + p = 12 JVPs per evaluation of the augmented field.
    assertThat(s.jvpEvaluations()).isEqualTo(12 * r.stats().nfe());
    assertThat(r.ys()[0]).hasSize(3);
    double[] exact = MatrixExponential.apply(A, T1, Y0);
    for (int q = 0; q < 3; q++) {
      assertClose(r.ys()[0][q], exact[q], 1e-9, "y(t1)[" + q + "]");
    }
  }

  /** Any solver integrates the sensitivity system: an implicit one, to its tolerance. */
  @Test
  void implicitSolverIntegratesTheSensitivitySystem() {
    GradientSolve p = GradientSolve.of(DifferentiableTerm.of(GradFields.linear(3), 3, 9),
        new Kvaerno5(), 0, T1, Y0, DiscreteAdjointTest.flat(A))
        .controller(PidController.of(1e-9, 1e-11)).adjoint(Adjoint.forwardMode());
    checkLinearJacobians((SensitivityRecording) p.forward(), 1e-6);
  }

  @Test
  void lotkaVolterraMatchesFiniteDifferences() {
    DiscreteAdjointTest.checkAgainstDifferences(
        new DiscreteAdjointTest.TensorFn3(GradFields.lotkaVolterra()), new Dopri5(), 0, 4.0,
        LV_Y0, LV_THETA, LV_TS, LV_C, Adjoint.forwardMode());
  }

  @Test
  void neuralOdeMatchesFiniteDifferences() {
    int d = 2;
    int h = 8;
    DiscreteAdjointTest.checkAgainstDifferences(
        new DiscreteAdjointTest.TensorFn3(GradFields.mlp(d, h)), new Tsit5(), 0, 1.5,
        new double[] {0.4, -0.7}, GradFields.mlpTheta(d, h, 11), new double[] {0.3, 0.9, 1.5},
        new double[][] {{0.3, -0.2}, {0.5, 0.1}, {-0.4, 0.8}}, Adjoint.forwardMode(false));
  }

  /** Each entry of {@code ∂Y_i/∂θ} against central differences of the saved states. */
  @Test
  void lotkaVolterraJacobianEntriesMatchFiniteDifferences() {
    DifferentiableTerm term = DifferentiableTerm.of(GradFields.lotkaVolterra(), 2, 4);
    java.util.function.Function<double[], Recording> run = th -> GradientSolve.of(term,
        new Dopri5(), 0, 4, LV_Y0, th).saveAt(LV_TS).controller(PidController.of(1e-12, 1e-12))
        .adjoint(Adjoint.forwardMode()).forward();
    SensitivityRecording r = (SensitivityRecording) run.apply(LV_THETA);
    double h = 1e-5;
    for (int k = 0; k < 4; k++) {
      double[] up = LV_THETA.clone();
      double[] down = LV_THETA.clone();
      up[k] += h;
      down[k] -= h;
      double[][] yu = run.apply(up).ys();
      double[][] yd = run.apply(down).ys();
      for (int i = 0; i < LV_TS.length; i++) {
        double[][] jac = r.dYdTheta(i);
        for (int q = 0; q < 2; q++) {
          assertClose(jac[q][k], (yu[i][q] - yd[i][q]) / (2 * h), 1e-6,
              "dY_" + i + "[" + q + "]/dθ[" + k + "]");
        }
      }
    }
  }

  private static Gradients lotkaVolterra(Adjoint adjoint, double tol) {
    DifferentiableTerm term = DifferentiableTerm.of(GradFields.lotkaVolterra(), 2, 4);
    return GradientSolve.of(term, new Tsit5(), 0, 4, LV_Y0, LV_THETA).saveAt(LV_TS)
        .controller(PidController.of(tol, tol)).adjoint(adjoint).forward().backward(LV_C);
  }

  private static void assertAllClose(Gradients a, Gradients b, double rel) {
    for (int q = 0; q < a.y0().length; q++) {
      assertClose(a.y0()[q], b.y0()[q], rel, "y0[" + q + "]");
    }
    for (int q = 0; q < a.theta().length; q++) {
      assertClose(a.theta()[q], b.theta()[q], rel, "θ[" + q + "]");
    }
    for (int q = 0; q < a.ts().length; q++) {
      assertClose(a.ts()[q], b.ts()[q], rel, "ts[" + q + "]");
    }
    assertClose(a.t0(), b.t0(), rel, "t0");
    assertClose(a.t1(), b.t1(), rel, "t1");
  }

  /**
   * With sensitivities in the error test the steps differ from the plain solve's, so forward mode
   * and the discrete adjoint agree to the solve tolerance; with state-only error control the
   * steps are the same and the two agree to round-off.
   */
  @Test
  void agreesWithTheDiscreteAdjoint() {
    double tol = 1e-8;
    Gradients discrete = lotkaVolterra(Adjoint.discrete(), tol);
    assertAllClose(lotkaVolterra(Adjoint.forwardMode(), tol), discrete, 100 * tol);
    assertAllClose(lotkaVolterra(Adjoint.forwardMode(false), tol), discrete, 1e-11);
  }
}
