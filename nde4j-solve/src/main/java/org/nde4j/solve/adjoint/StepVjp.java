package org.nde4j.solve.adjoint;

/**
 * One solver step {@code y_{n+1} = Φ(t_n, h, y_n, θ)} and its vector–Jacobian product, for the
 * discrete adjoint. Owns scratch arrays; one thread.
 */
interface StepVjp {
  /** {@code y1 = Φ(t, h, y, θ)} (replays a forward step with the arithmetic {@link #vjp} uses). */
  void step(double t, double h, double[] y, double[] theta, double[] y1);

  /**
   * Replaces {@code lambda = ∂L/∂y_{n+1}} by {@code ∂L/∂y_n = (∂Φ/∂y)ᵀ λ} and adds {@code
   * (∂Φ/∂θ)ᵀ λ} to {@code thetaBar}.
   */
  void vjp(double t, double h, double[] y, double[] theta, double[] lambda, double[] thetaBar);
}
