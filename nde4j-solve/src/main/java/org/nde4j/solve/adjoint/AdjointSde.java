package org.nde4j.solve.adjoint;

import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.solve.term.DiffusionProduct;
import org.nde4j.solve.term.SdeTerm;

/**
 * The augmented adjoint SDE of the stochastic backsolve adjoint (X. Li, T.-K. L. Wong, R. T. Q.
 * Chen, D. Duvenaud, <i>Scalable Gradients for Stochastic Differential Equations</i>, AISTATS
 * 2020, arXiv:2001.01328, §3.2–3.3): for the Stratonovich SDE {@code dy = f(t, y, θ) dt + g(t, y,
 * θ) ∘ dW} with diagonal or scalar noise, the state {@code z = [y, a, θ̄]} (sizes {@code n, n,
 * p}) obeys the Stratonovich SDE
 *
 * <pre>
 *   dy = f dt + G ∘ dW
 *   da = −(∂f/∂y)ᵀ a dt − Σ_j (∂G^j/∂y)ᵀ a ∘ dW_j
 *   dθ̄ = −(∂f/∂θ)ᵀ a dt − Σ_j (∂G^j/∂θ)ᵀ a ∘ dW_j
 * </pre>
 *
 * solved from {@code t1} back to {@code t0} on the same Brownian path (negative steps, whose
 * increments {@code W(t + h) − W(t)} the Brownian motion answers in any order). Stratonovich
 * calculus obeys the ordinary chain rule, so these are the ODE adjoint equations with {@code W}
 * as a second control. With {@code G^j} the {@code j}-th column ({@code g_j e_j} for diagonal
 * noise, {@code g} for scalar noise) the noise terms are one vector–Jacobian product of {@code g}
 * with the cotangent {@code a ⊙ w} (diagonal) or {@code a · w_1} (scalar), so the diffusion is
 * given by its products ({@link DiffusionProduct}) and its {@code (2n + p) × m} matrix is never
 * formed.
 *
 * <p>The noise is commutative: column {@code j} depends on {@code z} only through {@code y_j} and
 * {@code a_j} (diagonal noise makes {@code g_j} a function of {@code y_j}) and has no other
 * entries in those components, so {@code L^k G^j = 0} for {@code j ≠ k}; scalar noise has one
 * channel. Stratonovich methods of strong order 1 for commutative noise (stochastic Heun,
 * midpoint, Euler–Heun, reversible Heun) therefore keep order 1 on the way back.
 *
 * <p>The drift is {@link BacksolveSystem}'s (one drift evaluation and VJP); each diffusion
 * record holds {@code [t, y, a, g(t, y)]} and each product one diffusion VJP. One thread.
 */
final class AdjointSde implements DiffusionProduct {
  private final SdeFields sde;
  private final double[] theta;
  private final int n;
  private final double[] y;
  private final double[] a;
  private final double[] g;
  private final double[] v;
  private final double[] ay;
  private final double[] ap;

  private AdjointSde(SdeFields sde, double[] theta) {
    this.sde = sde;
    this.theta = theta;
    this.n = sde.n;
    this.y = new double[n];
    this.a = new double[n];
    this.g = new double[n];
    this.v = new double[n];
    this.ay = new double[n];
    this.ap = new double[theta.length];
  }

  /**
   * The drift and diffusion of {@code p}'s SDE in Stratonovich form (an Itô term is converted by
   * {@link org.nde4j.solve.term.DifferentiableSdeTerm#toStratonovich()}: the same SDE, so the
   * same gradients), driven by {@code p}'s Brownian motion.
   */
  static SdeFields fields(GradientSolve p) {
    return new SdeFields(p.sdeTerm().toStratonovich(), p.brownian());
  }

  /**
   * The adjoint SDE on {@code [y, a, θ̄]} of the Stratonovich term in {@code sde}, driven by
   * {@code bm}.
   */
  static SdeTerm of(SdeFields sde, double[] theta, BrownianMotion bm) {
    BacksolveSystem drift = new BacksolveSystem(sde.drift, theta, sde.n);
    return SdeTerm.stratonovich(drift.size(), bm).drift(drift::rate)
        .diffusionProduct(new AdjointSde(sde, theta)).commutative().build();
  }

  @Override
  public int length() {
    return 1 + 3 * n;
  }

  @Override
  public void evaluate(double t, double[] z, double[] record) {
    System.arraycopy(z, 0, y, 0, n);
    sde.diffusion.rate(t, y, theta, g);
    record[0] = t;
    System.arraycopy(z, 0, record, 1, 2 * n);
    System.arraycopy(g, 0, record, 1 + 2 * n, n);
  }

  @Override
  public void apply(double[] record, double[] w, double c, double[] out) {
    System.arraycopy(record, 1, y, 0, n);
    System.arraycopy(record, 1 + n, a, 0, n);
    System.arraycopy(record, 1 + 2 * n, g, 0, n);
    sde.addNoise(g, w, c, out);
    java.util.Arrays.fill(v, 0);
    sde.addNoiseBar(w, 1, a, v);
    sde.diffusion.vjp(record[0], y, theta, v, ay, ap);
    for (int q = 0; q < n; q++) {
      out[n + q] -= c * ay[q];
    }
    int p = ap.length;
    for (int q = 0; q < p; q++) {
      out[2 * n + q] -= c * ap[q];
    }
  }
}
