package org.nde4j.solve.solver;

/**
 * The stage evaluations of an SDE {@link Stepper}'s last attempted step, for code that
 * differentiates the step (the full-storage discrete adjoint keeps the accepted step's drift and
 * diffusion evaluations instead of recomputing them). Implemented by the stochastic Runge–Kutta
 * stepper of an {@code SrkTableau}: stage {@code j} evaluates {@code f_j = f(t + c_j h, z_j)} and
 * {@code G_j = g(t + c_j h, z_j)} where the tableau asks for them.
 */
public interface SdeStageAccess {
  /** Number of stages of the method's tableau. */
  int stages();

  /**
   * The array holding {@code f_j} of the last attempted step, live (not a copy): the very array
   * the stepper passed to its term's drift as that evaluation's output; valid after {@link
   * Stepper#attempt} and before {@link Stepper#accept}. {@code null} when stage {@code j}
   * evaluates no drift.
   *
   * @throws IndexOutOfBoundsException if {@code j} is not a stage index
   */
  double[] driftStage(int j);

  /** As {@link #driftStage} for the diffusion {@code G_j}. */
  double[] diffusionStage(int j);
}
