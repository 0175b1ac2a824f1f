package org.nde4j.solve.integrate;

/**
 * Work counters of a solve: right-hand-side evaluations ({@code nfe}, including those for the
 * initial step, dense-output extra stages, finite-difference Jacobians and diagnostics), steps
 * attempted, accepted and rejected, where Hairer's stiffness test first fired (NaN if never), and
 * the linear-algebra {@link Work} of implicit methods (Jacobians, factorizations, linear solves,
 * Newton iterations), and the rejected steps by cause: the nonlinear (Newton) solve failed, the
 * attempt went non-finite, or (the rest, {@link #rejectedByError()}) the error test failed.
 */
public record Stats(long nfe, long steps, long accepted, long rejected, double stiffAt,
    org.nde4j.solve.solver.Work work, long rejectedNonlinear, long rejectedNonFinite) {
  /** Counters of an explicit solve (no linear algebra; every rejection by the error test). */
  public Stats(long nfe, long steps, long accepted, long rejected, double stiffAt) {
    this(nfe, steps, accepted, rejected, stiffAt, org.nde4j.solve.solver.Work.NONE, 0, 0);
  }

  /** Counters with linear-algebra work; every rejection by the error test. */
  public Stats(long nfe, long steps, long accepted, long rejected, double stiffAt,
      org.nde4j.solve.solver.Work work) {
    this(nfe, steps, accepted, rejected, stiffAt, work, 0, 0);
  }

  /** Steps rejected because the error estimate exceeded the tolerance. */
  public long rejectedByError() {
    return rejected - rejectedNonlinear - rejectedNonFinite;
  }

  /** True if the stiffness test fired. */
  public boolean stiffnessDetected() {
    return !Double.isNaN(stiffAt);
  }
}
