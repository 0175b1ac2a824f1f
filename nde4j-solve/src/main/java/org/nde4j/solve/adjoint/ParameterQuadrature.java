package org.nde4j.solve.adjoint;

import org.nde4j.solve.integrate.Stepping;
import org.nde4j.solve.term.DifferentiableTerm;

/**
 * The parameter gradient of the quadrature adjoint, {@code θ̄ = ∫_{t0}^{t1} (∂f/∂θ)ᵀλ dt}, summed
 * by 4-point Gauss–Legendre quadrature (exact for polynomials of degree 7, beyond the order of the
 * dense outputs it reads) over the pieces between consecutive breaks of the backward and forward
 * steps, on each of which both interpolants are smooth: {@code λ} from the backward step's dense
 * output, {@code y} from the forward trajectory. Four VJPs per piece.
 */
final class ParameterQuadrature {
  private static final double[] NODES = new double[4];
  private static final double[] WEIGHTS = new double[4];

  static {
    // Nodes ±√(3/7 ∓ (2/7)√(6/5)) and weights (18 ± √30)/36 on [−1, 1], mapped to [0, 1].
    double inner = Math.sqrt(3.0 / 7 - 2.0 / 7 * Math.sqrt(6.0 / 5));
    double outer = Math.sqrt(3.0 / 7 + 2.0 / 7 * Math.sqrt(6.0 / 5));
    double wInner = (18 + Math.sqrt(30)) / 36;
    double wOuter = (18 - Math.sqrt(30)) / 36;
    double[] x = {-outer, -inner, inner, outer};
    double[] w = {wOuter, wInner, wInner, wOuter};
    for (int i = 0; i < 4; i++) {
      NODES[i] = 0.5 * (1 + x[i]);
      WEIGHTS[i] = 0.5 * w[i];
    }
  }

  private final DifferentiableTerm.Evaluator f;
  private final double[] theta;
  private final double[] y;
  private final double[] lambda;
  private final double[] ay;
  private final double[] ap;

  ParameterQuadrature(DifferentiableTerm.Evaluator f, double[] theta, int n) {
    this.f = f;
    this.theta = theta;
    this.y = new double[n];
    this.lambda = new double[n];
    this.ay = new double[n];
    this.ap = new double[theta.length];
  }

  /**
   * Adds {@code ∫ (∂f/∂θ)ᵀλ dt} over the last accepted backward step of {@code s} (oriented in
   * the forward direction) to {@code thetaBar}, one Gauss–Legendre rule per piece between the
   * breaks of the two interpolants (forward steps inside the backward step).
   */
  void add(Stepping s, DenseTrajectory forward, double[] thetaBar) {
    double earlier = s.t();
    double later = s.previousT();
    while (later != earlier) {
      double start = forward.breakBefore(later, earlier);
      if (start == later) {
        start = earlier;
      }
      piece(s, forward, start, later, thetaBar);
      later = start;
    }
  }

  private void piece(Stepping s, DenseTrajectory forward, double earlier, double later,
      double[] thetaBar) {
    double h = later - earlier;
    for (int i = 0; i < NODES.length; i++) {
      double tau = earlier + NODES[i] * h;
      s.interpolate(tau, lambda);
      forward.evaluate(tau, y);
      f.vjp(tau, y, theta, lambda, ay, ap);
      double wh = WEIGHTS[i] * h;
      for (int q = 0; q < ap.length; q++) {
        thetaBar[q] += wh * ap[q];
      }
    }
  }
}
