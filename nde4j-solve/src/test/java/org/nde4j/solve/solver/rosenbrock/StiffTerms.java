package org.nde4j.solve.solver.rosenbrock;

import org.nde4j.solve.term.OdeTerm;
import org.nde4j.solve.term.Term;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;
import org.nde4j.testkit.problems.StiffLinear;

/**
 * Test terms with exact Jacobians: the stiff problems written as tensor functions (compiled, with
 * autodiff Jacobians, as model files give them), and terms with hand-written Jacobians.
 */
final class StiffTerms {
  private StiffTerms() {}

  /** ROBER (Bari), autodiff Jacobian. */
  static OdeTerm rober() {
    return OdeTerm.of(in -> {
      Tensor y = in[1];
      Tensor y1 = y.index(0, 0);
      Tensor y2 = y.index(0, 1);
      Tensor y3 = y.index(0, 2);
      Tensor a = y1.mul(0.04);
      Tensor b = y2.mul(y3).mul(1e4);
      Tensor c = y2.square().mul(3e7);
      return new Tensor[] {Tensor.stack(0, b.sub(a), a.sub(b).sub(c), c)};
    }, Shape.of(3));
  }

  /** Van der Pol, scaled (ε, {@code y2' = ((1 − y1²)y2 − y1)/ε}) or not (μ), autodiff Jacobian. */
  static OdeTerm vanDerPol(boolean scaled, double parameter) {
    return OdeTerm.of(in -> {
      Tensor y = in[1];
      Tensor y1 = y.index(0, 0);
      Tensor y2 = y.index(0, 1);
      Tensor g = y1.square().rsub(1).mul(y2);
      Tensor d2 = scaled ? g.sub(y1).mul(1 / parameter) : g.mul(parameter).sub(y1);
      return new Tensor[] {Tensor.stack(0, y2, d2)};
    }, Shape.of(2));
  }

  /** {@code y' = A y} of the stiff linear problem with its exact Jacobian {@code A}. */
  static Term stiffLinear(StiffLinear p) {
    double[] a = p.matrix();
    return withJacobian(p.dim(), p::rhs, (t, y, j) -> System.arraycopy(a, 0, j, 0, a.length));
  }

  /**
   * The non-autonomous system of DenseOutputTest, {@code y1' = y1 cos t}, {@code y2' = −sin t +
   * (y2 − cos t)²}, exact solution {@code (e^{sin t}, cos t)}, with its exact Jacobian.
   */
  static Term nonStiff() {
    return withJacobian(2, (t, y, dy) -> {
      dy[0] = y[0] * Math.cos(t);
      double d = y[1] - Math.cos(t);
      dy[1] = -Math.sin(t) + d * d;
    }, (t, y, j) -> {
      j[0] = Math.cos(t);
      j[1] = 0;
      j[2] = 0;
      j[3] = 2 * (y[1] - Math.cos(t));
    });
  }

  static double[] nonStiffExact(double t) {
    return new double[] {Math.exp(Math.sin(t)), Math.cos(t)};
  }

  interface Rhs {
    void rate(double t, double[] y, double[] dy);
  }

  /** A term from a right-hand side and a hand-written Jacobian (same signature). */
  static Term withJacobian(int n, Rhs f, Rhs jac) {
    return OdeTerm.of(n, f::rate, jac::rate);
  }
}
