package org.nde4j.solve.adjoint;

/**
 * A steady-state condition for a solve: the state {@code y} is at equilibrium when every component
 * of the vector field is small against the state, {@code |f_i(t, y, θ)| ≤ atol + rtol·|y_i|}
 * (Diffrax's {@code steady_state_event} uses the same test in the RMS norm). See {@link
 * GradientSolve#untilSteadyState(double, double)}.
 *
 * @param rtol relative tolerance, ≥ 0
 * @param atol absolute tolerance, ≥ 0; {@code rtol + atol > 0}
 */
public record SteadyState(double rtol, double atol) {
  /**
   * @throws IllegalArgumentException if a tolerance is negative or not finite, or both are 0
   */
  public SteadyState {
    if (!(rtol >= 0) || !(atol >= 0) || Double.isInfinite(rtol) || Double.isInfinite(atol)
        || rtol + atol == 0) {
      throw new IllegalArgumentException("steady state: need finite tolerances rtol ≥ 0, atol ≥ 0,"
          + " not both 0; got rtol=" + rtol + ", atol=" + atol);
    }
  }

  /** True if the rate {@code f} at {@code y} satisfies the condition. */
  public boolean holds(double[] y, double[] f) {
    for (int i = 0; i < y.length; i++) {
      if (!(Math.abs(f[i]) <= atol + rtol * Math.abs(y[i]))) {
        return false;
      }
    }
    return true;
  }
}
