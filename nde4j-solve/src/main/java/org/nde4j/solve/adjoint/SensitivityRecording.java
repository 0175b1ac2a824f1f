package org.nde4j.solve.adjoint;

/**
 * The forward pass of {@link Adjoint#forwardMode()}: the saved states together with their full
 * Jacobians with respect to the initial state and the parameters, integrated alongside the
 * solution. {@link #backward} contracts them with the cotangents (no backward solve).
 */
public interface SensitivityRecording extends Recording {
  /**
   * {@code ∂Y_i/∂y0}, an {@code n × n} matrix ({@code [q][j] = ∂Y_i[q]/∂y0[j]}), a fresh array.
   *
   * @throws IndexOutOfBoundsException if {@code i} is not a save-time index
   * @throws IllegalStateException if save time {@code i} was not reached (the solve failed or
   *     a terminal event came first)
   */
  double[][] dYdY0(int i);

  /**
   * {@code ∂Y_i/∂θ}, an {@code n × p} matrix ({@code [q][k] = ∂Y_i[q]/∂θ[k]}), a fresh array.
   *
   * @throws IndexOutOfBoundsException if {@code i} is not a save-time index
   * @throws IllegalStateException if save time {@code i} was not reached
   */
  double[][] dYdTheta(int i);

  /** Jacobian–vector products of the vector field in the forward pass ({@code n + p} per rate). */
  long jvpEvaluations();
}
