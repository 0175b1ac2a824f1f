package org.nde4j.solve.adjoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.term.DifferentiableTerm;

/**
 * The implicit (steady-state) adjoint against closed forms for {@code y' = Ay + b} and against
 * central finite differences of the equilibrium for a nonlinear deep-equilibrium cell.
 */
class ImplicitAdjointTest {
  private static final double[][] A = {{-2.0, 0.5, 0.1}, {0.3, -1.5, 0.2}, {0.1, -0.4, -1.0}};
  private static final double[] B = {1.0, -0.5, 0.3};
  private static final double[] W = {0.7, -1.3, 0.4};

  private static double[] affineTheta() {
    double[] th = new double[12];
    System.arraycopy(DiscreteAdjointTest.flat(A), 0, th, 0, 9);
    System.arraycopy(B, 0, th, 9, 3);
    return th;
  }

  /**
   * Constant steps (h = 0.25, well inside Tsit5's stability region for these fields): the step map
   * then contracts towards the equilibrium down to round-off (an adaptive controller would grow
   * the step to the edge of stability, where the contraction stalls).
   */
  private static GradientSolve steady(DifferentiableTerm term, double[] y0, double[] theta,
      double t1) {
    return GradientSolve.of(term, new Tsit5(), 0, t1, y0, theta)
        .controller(ConstantStepSize.create()).dt0(0.25).untilSteadyState(0, 1e-14)
        .adjoint(Adjoint.implicit());
  }

  /** y* = −A⁻¹b; L = w·y*: ∂L/∂b = −A⁻ᵀw, ∂L/∂A = (∂L/∂b) y*ᵀ, ∂L/∂y0 = 0. */
  @Test
  void linearSteadyStateMatchesClosedForms() {
    DifferentiableTerm term = DifferentiableTerm.of(GradFields.affine(3), 3, 12);
    Recording r = steady(term, new double[] {0.2, 0.1, -0.3}, affineTheta(), 200).forward();
    assertThat(r.status()).isEqualTo(Status.SUCCESS);
    Gradients g = r.backward(new double[][] {W});

    RealMatrix a = MatrixUtils.createRealMatrix(A);
    LUDecomposition lu = new LUDecomposition(a);
    RealVector yStar = lu.getSolver().solve(MatrixUtils.createRealVector(B)).mapMultiply(-1);
    RealVector bBar = new LUDecomposition(a.transpose()).getSolver()
        .solve(MatrixUtils.createRealVector(W)).mapMultiply(-1);
    for (int i = 0; i < 3; i++) {
      DiscreteAdjointTest.assertClose(r.ys()[0][i], yStar.getEntry(i), 1e-12, "y*[" + i + "]");
      DiscreteAdjointTest.assertClose(g.theta()[9 + i], bBar.getEntry(i), 1e-10,
          "dL/db[" + i + "]");
      for (int j = 0; j < 3; j++) {
        DiscreteAdjointTest.assertClose(g.theta()[3 * i + j],
            bBar.getEntry(i) * yStar.getEntry(j), 1e-10, "dL/dA[" + i + "][" + j + "]");
      }
    }
    assertThat(g.y0()).containsOnly(0.0);
    assertThat(g.t0()).isZero();
    assertThat(g.t1()).isZero();
    assertThat(r.peakStoredStates()).isZero();
    assertThat(g.vjpEvaluations()).isEqualTo(1);
  }

  /** A deep-equilibrium cell: the implicit gradient against central differences of y*. */
  @Test
  void nonlinearSteadyStateMatchesFiniteDifferences() {
    int n = 3;
    double[] theta = {0.3, -0.4, 0.2, 0.5, 0.1, -0.3, -0.2, 0.4, 0.25, 0.8, -0.6, 0.3};
    double[] y0 = {0.0, 0.0, 0.0};
    DifferentiableTerm term = DifferentiableTerm.of(GradFields.equilibriumCell(n), n, 12);
    Recording r = steady(term, y0, theta, 200).forward();
    Gradients g = r.backward(new double[][] {W});
    double h = 1e-5;
    for (int i = 0; i < theta.length; i++) {
      final int k = i;
      double fd = DiscreteAdjointTest.central(d -> {
        double[] th = theta.clone();
        th[k] += d;
        return DiscreteAdjointTest.loss(steady(term, y0, th, 200).forward(),
            new double[][] {W});
      }, h);
      DiscreteAdjointTest.assertClose(g.theta()[i], fd, 1e-6, "dL/dθ[" + i + "]");
    }
    for (int i = 0; i < n; i++) {
      final int k = i;
      double fd = DiscreteAdjointTest.central(d -> {
        double[] y = y0.clone();
        y[k] += d;
        return DiscreteAdjointTest.loss(steady(term, y, theta, 200).forward(),
            new double[][] {W});
      }, h);
      assertThat(Math.abs(fd)).as("the equilibrium does not depend on y0").isLessThan(1e-8);
      assertThat(g.y0()[i]).isZero();
    }
    // The discrete adjoint of the same (stopped) solve differentiates the converged trajectory.
    Gradients discrete = steady(term, y0, theta, 200).adjoint(Adjoint.discrete()).forward()
        .backward(new double[][] {W});
    for (int i = 0; i < theta.length; i++) {
      DiscreteAdjointTest.assertClose(g.theta()[i], discrete.theta()[i], 1e-8, "θ[" + i + "]");
    }
  }

  @Test
  void withoutASteadyStateConditionItFailsBeforeSolving() {
    CountingTerm term = new CountingTerm(DifferentiableTerm.of(GradFields.affine(3), 3, 12));
    GradientSolve p = GradientSolve.of(term, new Tsit5(), 0, 10, new double[3], affineTheta())
        .adjoint(Adjoint.implicit());
    assertThatThrownBy(p::forward).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("untilSteadyState").hasMessageContaining("Adjoint.discrete()")
        .hasMessageContaining("checkpointed");
    assertThat(term.rates()).isZero();
  }

  @Test
  void anEquilibriumNotReachedByT1IsReportedAtBackward() {
    DifferentiableTerm term = DifferentiableTerm.of(GradFields.affine(3), 3, 12);
    Recording r = steady(term, new double[3], affineTheta(), 1.0).forward();
    assertThatThrownBy(() -> r.backward(new double[][] {W}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("without reaching a"
            + " steady state").hasMessageContaining("t1 = 1.0");
  }

  @Test
  void steadyStateOutputsOneStateOnly() {
    DifferentiableTerm term = DifferentiableTerm.of(GradFields.affine(3), 3, 12);
    GradientSolve p = steady(term, new double[3], affineTheta(), 50).saveAt(10, 50);
    assertThatThrownBy(p::forward).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("saveAt");
    assertThatThrownBy(() -> p.untilSteadyState(-1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rtol");
  }
}
