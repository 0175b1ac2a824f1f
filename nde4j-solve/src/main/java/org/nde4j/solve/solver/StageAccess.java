package org.nde4j.solve.solver;

/**
 * The stages of a {@link Stepper}'s last attempted step, for code that differentiates the step
 * (the discrete adjoint keeps the accepted step's stage evaluations instead of recomputing them).
 * Implemented by the explicit Runge–Kutta stepper: stage {@code i} is {@code k_i = f(t + c_i h,
 * z_i)} with {@code z_i = y + h Σ_{j<i} a_ij k_j}.
 */
public interface StageAccess {
  /** Number of stages {@code s} of the method's tableau (without the interpolant's extra stages). */
  int stages();

  /**
   * The array holding {@code k_i} of the last attempted step ({@code 0 ≤ i < stages()}), live (not
   * a copy): valid after {@link Stepper#attempt} and before {@link Stepper#accept}, and the very
   * array the stepper passed to its term's {@code rate} as the output of that stage's evaluation.
   *
   * @throws IndexOutOfBoundsException if {@code i} is not a stage index
   */
  double[] stage(int i);
}
