package org.nde4j.solve.adjoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nde4j.solve.solver.implicit.AbstractEsdirk;
import org.nde4j.solve.solver.implicit.DirkTableau;
import org.nde4j.solve.solver.implicit.ImplicitEuler;
import org.nde4j.solve.solver.implicit.Kvaerno3;
import org.nde4j.solve.solver.implicit.Kvaerno4;
import org.nde4j.solve.solver.implicit.Kvaerno5;
import org.nde4j.solve.solver.implicit.TrBdf2;
import org.nde4j.solve.solver.implicit.Trapezoid;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * The discrete adjoint of ESDIRK methods (implicit-function theorem on the stage equations)
 * against eager backpropagation through the unrolled solver, whose stages are solved by fixed-point
 * iteration on the tape, and against central finite differences of the forward solve.
 */
class DirkAdjointTest {
  private static final AbstractEsdirk[] SOLVERS = {new ImplicitEuler(), new Trapezoid(),
      new TrBdf2(), new Kvaerno3(), new Kvaerno4(), new Kvaerno5()};

  /** A stiff-ish linear system (eigenvalues about −1, −20, −100), θ = A. */
  private static final double[][] STIFF = {{-1.0, 0.3, 0.0}, {0.2, -20.0, 1.0},
      {0.0, 0.5, -100.0}};

  private static double maxRelDiff(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(1e-300, Math.abs(b[i])));
    }
    return m;
  }

  /**
   * One ESDIRK step on the tape: each implicit stage {@code z = ψ + hγ f(z)} by 40 fixed-point
   * iterations (a contraction here: hγ·Lip(f) ≈ 0.1), so that backpropagation differentiates the
   * converged stage equations.
   */
  private static Tensor eagerStep(TensorFn f, DirkTableau tb, double t, double h, Tensor y,
      Tensor th) {
    int s = tb.stages();
    double[][] a = tb.implicitMatrix();
    double[] c = tb.c();
    double[] b = tb.b();
    Tensor[] k = new Tensor[s];
    for (int i = 0; i < s; i++) {
      Tensor ti = Tensor.scalar(t + c[i] * h);
      Tensor psi = y;
      for (int j = 0; j < i; j++) {
        if (a[i][j] != 0) {
          psi = psi.add(k[j].mul(h * a[i][j]));
        }
      }
      Tensor z = psi;
      if (i > 0) {
        for (int it = 0; it < 40; it++) {
          z = psi.add(f.apply(ti, z, th)[0].mul(h * a[i][i]));
        }
      }
      k[i] = f.apply(ti, z, th)[0];
    }
    Tensor next = y;
    for (int i = 0; i < s; i++) {
      if (b[i] != 0) {
        next = next.add(k[i].mul(h * b[i]));
      }
    }
    return next;
  }

  @Test
  void discreteAdjointEqualsBackpropagationThroughTheUnrolledSolver() {
    int d = 2;
    int hidden = 8;
    TensorFn f = GradFields.mlp(d, hidden);
    double[] theta = GradFields.mlpTheta(d, hidden, 5);
    double[] y0 = {0.4, -0.7};
    double dt = 0.05;
    int steps = 10;
    double[] w = {0.9, -0.4};
    DifferentiableTerm term = DifferentiableTerm.of(f, d, theta.length);
    for (AbstractEsdirk solver : SOLVERS) {
      Recording r = GradientSolve.of(term, solver, 0, dt * steps, y0, theta)
          .controller(ConstantStepSize.create()).dt0(dt).adjoint(Adjoint.discrete()).forward();
      assertThat(r.stats().accepted()).isEqualTo(steps);
      Gradients g = r.backward(new double[][] {w});

      Tensor y = Tensor.vector(y0).requiresGrad(true);
      Tensor th = Tensor.vector(theta).requiresGrad(true);
      Tensor cur = y;
      for (int n = 0; n < steps; n++) {
        cur = eagerStep(f, solver.tableau(), n * dt, dt, cur, th);
      }
      assertThat(maxRelDiff(r.ys()[0], cur.toArray())).as(solver.name()).isLessThan(1e-10);
      cur.mul(Tensor.vector(w)).sum().backward();
      assertThat(maxRelDiff(g.y0(), y.grad().toArray())).as(solver.name()).isLessThan(1e-10);
      assertThat(maxRelDiff(g.theta(), th.grad().toArray())).as(solver.name())
          .isLessThan(1e-10);
    }
  }

  @Test
  void stiffLinearSystemMatchesFiniteDifferences() {
    double[][] c = {{0.3, -0.2, 0.5}, {0.5, 0.1, -0.4}};
    for (AbstractEsdirk solver : new AbstractEsdirk[] {new Kvaerno5(), new Kvaerno4()}) {
      DiscreteAdjointTest.checkAgainstDifferences(
          new DiscreteAdjointTest.TensorFn3(GradFields.linear(3)), solver, 0, 1.5,
          new double[] {1.0, -0.5, 0.25}, DiscreteAdjointTest.flat(STIFF),
          new double[] {0.4, 1.5}, c, Adjoint.discrete());
    }
  }

  @Test
  void lotkaVolterraMatchesFiniteDifferences() {
    double[] ts = {1.0, 2.5, 4.0};
    double[][] c = {{0.2, 0.1}, {-0.3, 0.4}, {0.6, -0.5}};
    for (AbstractEsdirk solver : new AbstractEsdirk[] {new Kvaerno5(), new Kvaerno3()}) {
      DiscreteAdjointTest.checkAgainstDifferences(
          new DiscreteAdjointTest.TensorFn3(GradFields.lotkaVolterra()), solver, 0, 4.0,
          new double[] {1.0, 1.0}, new double[] {1.5, 1.0, 1.0, 3.0}, ts, c, Adjoint.discrete());
    }
  }

  /**
   * Replayed steps solve the stages to round-off while the forward solve stopped Newton at its
   * tolerance: checkpointed gradients agree with full storage to that tolerance, and the budget
   * holds.
   */
  @Test
  void checkpointingAgreesWithFullStorage() {
    DifferentiableTerm term = DifferentiableTerm.of(GradFields.lotkaVolterra(), 2, 4);
    double[][] c = {{0.2, 0.1}, {-0.3, 0.4}, {0.6, -0.5}};
    GradientSolve p = GradientSolve.of(term, new Kvaerno5(), 0, 6, new double[] {1.0, 1.0},
        new double[] {1.5, 1.0, 1.0, 3.0}).saveAt(2, 4.5, 6)
        .controller(PidController.of(1e-10, 1e-10));
    Recording full = p.adjoint(Adjoint.discrete()).forward();
    Gradients reference = full.backward(c);
    assertThat(full.stats().accepted()).isGreaterThan(100);
    for (int budget : new int[] {3, 16}) {
      Recording r = p.adjoint(Adjoint.checkpointed(budget)).forward();
      Gradients g = r.backward(c);
      assertThat(r.peakStoredStates()).isLessThanOrEqualTo(budget);
      assertThat(maxRelDiff(g.y0(), reference.y0())).as("budget %d", budget).isLessThan(1e-8);
      assertThat(maxRelDiff(g.theta(), reference.theta())).as("budget %d", budget)
          .isLessThan(1e-8);
    }
  }
}
