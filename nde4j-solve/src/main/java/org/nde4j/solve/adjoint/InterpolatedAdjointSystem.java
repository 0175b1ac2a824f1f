package org.nde4j.solve.adjoint;

import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.solve.term.Term;

/**
 * The adjoint system with {@code y(t)} read from the forward dense output: on {@code z = [λ, θ̄]}
 * (interpolating adjoint) {@code λ' = −(∂f/∂y)ᵀλ}, {@code θ̄' = −(∂f/∂θ)ᵀλ}; on {@code z = λ}
 * alone (quadrature adjoint) the first equation only. One VJP per evaluation.
 */
final class InterpolatedAdjointSystem implements Term {
  private final DifferentiableTerm.Evaluator f;
  private final double[] theta;
  private final int n;
  private final boolean withParams;
  private final double[] y;
  private final double[] a;
  private final double[] ay;
  private final double[] ap;
  private DenseTrajectory trajectory;

  InterpolatedAdjointSystem(DifferentiableTerm.Evaluator f, double[] theta, int n,
      boolean withParams) {
    this.f = f;
    this.theta = theta;
    this.n = n;
    this.withParams = withParams;
    this.y = new double[n];
    this.a = new double[n];
    this.ay = new double[n];
    this.ap = withParams ? new double[theta.length] : null;
  }

  /** Where {@code y(t)} comes from (the forward trajectory, or one re-solved stretch of it). */
  void read(DenseTrajectory from) {
    this.trajectory = from;
  }

  @Override
  public int size() {
    return withParams ? n + theta.length : n;
  }

  @Override
  public void rate(double t, double[] z, double[] dz) {
    trajectory.evaluate(t, y);
    System.arraycopy(z, 0, a, 0, n);
    f.vjp(t, y, theta, a, ay, ap);
    for (int q = 0; q < n; q++) {
      dz[q] = -ay[q];
    }
    if (withParams) {
      for (int q = 0; q < ap.length; q++) {
        dz[n + q] = -ap[q];
      }
    }
  }
}
