package org.nde4j.solve.adjoint;

import org.nde4j.linalg.DenseLu;
import org.nde4j.solve.solver.implicit.DirkTableau;
import org.nde4j.solve.term.DifferentiableTerm;

/**
 * The VJP of one step of an ESDIRK method ({@link org.nde4j.solve.solver.implicit.AbstractEsdirk}
 * on a single term: the plain method with the implicit tableau), by the implicit-function theorem
 * on the stage equations. With {@code a_ii = γ} for the implicit stages ({@code a_00 = 0}: the
 * first stage is explicit), the stages solve
 *
 * <pre>
 *   z_i = y + h Σ_{j≤i} a_ij k_j,   k_i = f(t + c_i h, z_i, θ),   y1 = y + h Σ_i b_i k_i.
 * </pre>
 *
 * <p>Differentiating {@code G_i(k) = k_i − f(t_i, y + h Σ_{j≤i} a_ij k_j) = 0}, whose Jacobian in
 * {@code k} is block lower triangular with diagonal blocks {@code I − hγ J_i}, the adjoint system
 * is block upper triangular and is solved from the last stage down: {@code (I − hγ J_i)ᵀ w_i = h
 * b_i λ + h Σ_{l>i} a_li u_l}, {@code u_i = J_iᵀ w_i}, {@code θ̄ += (∂f/∂θ)ᵀ w_i}, and {@code λ ←
 * λ + Σ u_i}: the explicit Runge–Kutta sweep ({@link RkStepVjp}) with one linear solve per
 * implicit stage (dense LU of the transposed iteration matrix, the Jacobian {@code J_i = ∂f/∂y} at
 * the converged {@code z_i}).
 *
 * <p>The gradient is that of the step with the stage equations solved exactly, so {@link #step}
 * and {@link #vjp} solve them by full Newton (a fresh Jacobian every iteration) to round-off, not
 * to the forward solve's Newton tolerance; replayed states may differ from the forward solve's by
 * that tolerance. Fails with {@link IllegalStateException} if a stage does not converge or its
 * iteration matrix is singular.
 */
final class DirkStepVjp implements StepVjp {
  private static final int MAX_ITERATIONS = 60;
  /** Newton stops once an update is this small against the stage (a few units of round-off). */
  private static final double ROUND_OFF = 0x1p-50;
  /** ... or once updates stop halving below this relative size (round-off noise dominates). */
  private static final double STALL = 1e-11;

  private final String name;
  private final DifferentiableTerm.Evaluator f;
  private final int s;
  private final int n;
  private final double gamma;
  private final double[] c;
  private final double[][] a;
  private final double[] b;
  private final boolean stifflyAccurate;
  private final boolean[] needed;
  private final double[][] z;
  private final double[][] k;
  private final double[][] w;
  private final double[] psi;
  private final double[] r;
  private final double[] jac;
  private final double[] mat;
  private final double[] u;
  private final double[] pBar;
  private final DenseLu lu;

  DirkStepVjp(String name, DirkTableau tableau, DifferentiableTerm.Evaluator f, int n, int p) {
    this.name = name;
    this.f = f;
    this.s = tableau.stages();
    this.n = n;
    this.gamma = tableau.gamma();
    this.c = tableau.c();
    this.a = tableau.implicitMatrix();
    this.b = tableau.b();
    this.stifflyAccurate = tableau.isStifflyAccurate();
    this.needed = new boolean[s];
    for (int i = s - 1; i >= 0; i--) {
      boolean use = b[i] != 0;
      for (int l = i + 1; l < s && !use; l++) {
        use = needed[l] && a[l][i] != 0;
      }
      needed[i] = use;
    }
    this.z = new double[s][n];
    this.k = new double[s][n];
    this.w = new double[s][n];
    this.psi = new double[n];
    this.r = new double[n];
    this.jac = new double[n * n];
    this.mat = new double[n * n];
    this.u = new double[n];
    this.pBar = new double[p];
    this.lu = new DenseLu(n);
  }

  @Override
  public int stateSize() {
    return n;
  }

  /** Solves the stages {@code z_i}, {@code k_i} of the step from {@code (t, y)}. */
  private void stages(double t, double h, double[] y, double[] theta) {
    System.arraycopy(y, 0, z[0], 0, n);
    f.rate(t, y, theta, k[0]);
    double hg = h * gamma;
    for (int i = 1; i < s; i++) {
      System.arraycopy(y, 0, psi, 0, n);
      for (int j = 0; j < i; j++) {
        double ha = h * a[i][j];
        if (ha != 0) {
          axpy(ha, k[j], psi);
        }
      }
      double[] zi = z[i];
      for (int q = 0; q < n; q++) {
        zi[q] = psi[q] + hg * k[i - 1][q];
      }
      double ti = t + c[i] * h;
      newton(ti, hg, zi, theta, i);
      double[] ki = k[i];
      for (int q = 0; q < n; q++) {
        ki[q] = (zi[q] - psi[q]) / hg;
      }
    }
  }

  /** Full Newton on {@code z − ψ − hγ f(ti, z) = 0} to round-off. */
  private void newton(double ti, double hg, double[] zi, double[] theta, int stage) {
    double previous = Double.POSITIVE_INFINITY;
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      f.rate(ti, zi, theta, r);
      for (int q = 0; q < n; q++) {
        r[q] = psi[q] + hg * r[q] - zi[q];
      }
      factor(ti, zi, theta, hg, false, stage);
      lu.solve(r);
      double step = 0;
      double size = 0;
      for (int q = 0; q < n; q++) {
        zi[q] += r[q];
        step = Math.max(step, Math.abs(r[q]));
        size = Math.max(size, Math.abs(zi[q]));
      }
      if (!Double.isFinite(step)) {
        break;
      }
      if (step <= ROUND_OFF * size || (step > 0.5 * previous && step <= STALL * size)) {
        return;
      }
      previous = step;
    }
    throw new IllegalStateException(name + " step VJP: Newton on stage " + stage + " at t = " + ti
        + " did not converge to round-off in " + MAX_ITERATIONS + " iterations (the discrete"
        + " adjoint of an implicit method needs the stage equations solved exactly); try smaller"
        + " steps");
  }

  /** Factors {@code I − hγ J(ti, zi)}, or its transpose. */
  private void factor(double ti, double[] zi, double[] theta, double hg, boolean transpose,
      int stage) {
    f.jacobian(ti, zi, theta, jac);
    for (int p = 0; p < n; p++) {
      for (int q = 0; q < n; q++) {
        mat[p * n + q] = -hg * (transpose ? jac[q * n + p] : jac[p * n + q]);
      }
      mat[p * n + p] += 1;
    }
    if (!lu.factor(mat)) {
      throw new IllegalStateException(name + " step VJP: I − hγJ is singular at stage " + stage
          + ", t = " + ti + " (h = " + hg / gamma + ")");
    }
  }

  @Override
  public void step(double t, double h, double[] y, double[] theta, double[] y1) {
    stages(t, h, y, theta);
    if (stifflyAccurate) {
      System.arraycopy(z[s - 1], 0, y1, 0, n);
      return;
    }
    System.arraycopy(y, 0, y1, 0, n);
    for (int i = 0; i < s; i++) {
      if (b[i] != 0) {
        axpy(h * b[i], k[i], y1);
      }
    }
  }

  @Override
  public void vjp(double t, double h, double[] y, double[] theta, double[] lambda,
      double[] thetaBar) {
    stages(t, h, y, theta);
    double hg = h * gamma;
    for (int i = 0; i < s; i++) {
      double hb = h * b[i];
      double[] wi = w[i];
      for (int q = 0; q < n; q++) {
        wi[q] = hb * lambda[q];
      }
    }
    for (int i = s - 1; i >= 0; i--) {
      if (!needed[i]) {
        continue;
      }
      double ti = t + c[i] * h;
      double[] wi = w[i];
      if (i > 0) {
        factor(ti, z[i], theta, hg, true, i);
        lu.solve(wi);
      }
      f.vjp(ti, z[i], theta, wi, u, pBar);
      for (int q = 0; q < pBar.length; q++) {
        thetaBar[q] += pBar[q];
      }
      for (int q = 0; q < n; q++) {
        lambda[q] += u[q];
      }
      for (int j = 0; j < i; j++) {
        double ha = h * a[i][j];
        if (ha != 0) {
          axpy(ha, u, w[j]);
        }
      }
    }
  }

  private void axpy(double alpha, double[] x, double[] out) {
    for (int q = 0; q < n; q++) {
      out[q] += alpha * x[q];
    }
  }
}
