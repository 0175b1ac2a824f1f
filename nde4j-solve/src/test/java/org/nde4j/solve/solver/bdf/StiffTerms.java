package org.nde4j.solve.solver.bdf;

import org.nde4j.solve.term.JacobianField;
import org.nde4j.solve.term.OdeTerm;
import org.nde4j.solve.term.Term;
import org.nde4j.testkit.problems.OdeProblem;

/** Terms of the testkit's stiff problems with hand-written (analytic) Jacobians. */
final class StiffTerms {
  private StiffTerms() {}

  /** The problem's right-hand side with the Jacobian {@code jac(t, y, out)}. */
  static Term withJacobian(OdeProblem p, JacobianField jac) {
    return OdeTerm.of(p.dim(), p::rhs, jac);
  }

  /** ROBER's Jacobian (k1 = 0.04, k2 = 3e7, k3 = 1e4). */
  static void roberJacobian(double t, double[] y, double[] j) {
    j[0] = -0.04;
    j[1] = 1e4 * y[2];
    j[2] = 1e4 * y[1];
    j[3] = 0.04;
    j[4] = -1e4 * y[2] - 6e7 * y[1];
    j[5] = -1e4 * y[1];
    j[6] = 0;
    j[7] = 6e7 * y[1];
    j[8] = 0;
  }

  /** Jacobian of the unscaled Van der Pol oscillator with parameter {@code mu}. */
  static JacobianField vdpolUnscaled(double mu) {
    return (t, y, j) -> {
      j[0] = 0;
      j[1] = 1;
      j[2] = -2 * mu * y[0] * y[1] - 1;
      j[3] = mu * (1 - y[0] * y[0]);
    };
  }

  /** Jacobian of the scaled (Bari) Van der Pol oscillator with parameter {@code eps}. */
  static JacobianField vdpolScaled(double eps) {
    return (t, y, j) -> {
      j[0] = 0;
      j[1] = 1;
      j[2] = (-2 * y[0] * y[1] - 1) / eps;
      j[3] = (1 - y[0] * y[0]) / eps;
    };
  }
}
