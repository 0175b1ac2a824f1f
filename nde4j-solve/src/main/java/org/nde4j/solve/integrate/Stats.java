package org.nde4j.solve.integrate;

/**
 * Work counters of a solve: right-hand-side evaluations ({@code nfe}, including those for the
 * initial step, dense-output extra stages, finite-difference Jacobians and diagnostics), steps
 * attempted, accepted and rejected, where Hairer's stiffness test first fired (NaN if never), and
 * the linear-algebra {@link Work} of implicit methods (Jacobians, factorizations, linear solves,
 * Newton iterations, steps rejected because Newton failed).
 */
public record Stats(long nfe, long steps, long accepted, long rejected, double stiffAt,
    org.nde4j.solve.solver.Work work) {
  /** Counters of an explicit solve (no linear algebra). */
  public Stats(long nfe, long steps, long accepted, long rejected, double stiffAt) {
    this(nfe, steps, accepted, rejected, stiffAt, org.nde4j.solve.solver.Work.NONE);
  }

  /** True if the stiffness test fired. */
  public boolean stiffnessDetected() {
    return !Double.isNaN(stiffAt);
  }
}
