package org.nde4j.solve.adjoint;

import org.nde4j.solve.solver.Stepper;

/**
 * One solver step {@code s_{n+1} = Φ(t_n, h, s_n, θ)} of a solver state {@code s} and its
 * vector–Jacobian product, for the discrete adjoint. The solver state is the ODE state {@code y}
 * ({@link #stateSize()} {@code = n}) for one-step methods, or {@code y} followed by whatever else
 * the solver carries from step to step (the auxiliary state {@code ŷ} of reversible Heun: {@code
 * 2n}); its first {@code n} entries are always {@code y}. Owns scratch arrays; one thread.
 */
interface StepVjp {
  /** Number of doubles in the solver state (its first {@code n} are {@code y}). */
  int stateSize();

  /**
   * Writes into {@code state} the solver state at the start of the step the forward solve is about
   * to report: {@code y} and, for solvers that carry more, what {@code stepper} carries. Called by
   * the forward loop after an accepted step, before the stepper is told of the acceptance.
   */
  default void capture(Stepper stepper, double[] y, double[] state) {
    System.arraycopy(y, 0, state, 0, y.length);
  }

  /**
   * Converts the cotangent of the initial solver state into {@code ∂L/∂y0} (the default takes its
   * first {@code n} entries; a state that starts as copies of {@code y0} sums them).
   */
  default void initialVjp(double[] stateBar, double[] y0Bar) {
    System.arraycopy(stateBar, 0, y0Bar, 0, y0Bar.length);
  }

  /** {@code s1 = Φ(t, h, s, θ)} (replays a forward step with the arithmetic {@link #vjp} uses). */
  void step(double t, double h, double[] s, double[] theta, double[] s1);

  /**
   * Replaces {@code lambda = ∂L/∂s_{n+1}} by {@code ∂L/∂s_n = (∂Φ/∂s)ᵀ λ} and adds {@code
   * (∂Φ/∂θ)ᵀ λ} to {@code thetaBar}.
   */
  void vjp(double t, double h, double[] s, double[] theta, double[] lambda, double[] thetaBar);
}
