package org.nde4j.solve.adjoint;

import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.solve.term.Term;

/**
 * The augmented system of the backsolve adjoint on {@code z = [y, λ, θ̄]} (sizes {@code n, n,
 * p}): {@code y' = f(t, y, θ)}, {@code λ' = −(∂f/∂y)ᵀλ}, {@code θ̄' = −(∂f/∂θ)ᵀλ} — one rate and
 * one VJP per evaluation (Chen et al., NeurIPS 2018, Appendix B). The rate keeps its residuals
 * and the VJP starts from them, so the field's forward pass runs once per evaluation, not twice.
 */
final class BacksolveSystem implements Term {
  private final DifferentiableTerm.Evaluator f;
  private final double[] theta;
  private final int n;
  private final double[] y;
  private final double[] a;
  private final double[] dy;
  private final double[] ay;
  private final double[] ap;
  private final double[][] residuals;

  BacksolveSystem(DifferentiableTerm.Evaluator f, double[] theta, int n) {
    this.f = f;
    this.theta = theta;
    this.n = n;
    this.y = new double[n];
    this.a = new double[n];
    this.dy = new double[n];
    this.ay = new double[n];
    this.ap = new double[theta.length];
    this.residuals = f.residuals(n);
  }

  @Override
  public int size() {
    return 2 * n + theta.length;
  }

  @Override
  public void rate(double t, double[] z, double[] dz) {
    System.arraycopy(z, 0, y, 0, n);
    System.arraycopy(z, n, a, 0, n);
    f.rate(t, y, theta, dy, residuals);
    f.vjp(t, residuals, theta, a, ay, ap);
    System.arraycopy(dy, 0, dz, 0, n);
    for (int q = 0; q < n; q++) {
      dz[n + q] = -ay[q];
    }
    int p = ap.length;
    for (int q = 0; q < p; q++) {
      dz[2 * n + q] = -ap[q];
    }
  }
}
