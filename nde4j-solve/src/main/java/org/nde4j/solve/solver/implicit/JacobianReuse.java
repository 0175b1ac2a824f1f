package org.nde4j.solve.solver.implicit;

/**
 * When an implicit method evaluates a new Jacobian {@code J} for its iteration matrix {@code W =
 * I − γhJ}. Whatever the policy, {@code W} is refactored whenever {@code h} or {@code J} changes,
 * and a failed Newton iteration is retried once with a Jacobian evaluated at the step's start
 * before the step is rejected.
 */
public enum JacobianReuse {
  /**
   * At most once per step, and only when needed (the default, as in Hairer's codes): a new
   * Jacobian at the start of a step whose predecessor's Newton iteration converged slowly
   * (contraction rate θ above 0.2) or failed; otherwise the last one is kept across steps.
   */
  EVERY_STEP,
  /** Keep the Jacobian until a Newton iteration fails (the cheapest; for mildly nonlinear problems). */
  NEVER,
  /** A new Jacobian at every implicit stage, at the stage's predicted value (the most robust). */
  EVERY_STAGE
}
