package org.nde4j.solve.integrate;

/**
 * Work counters of a solve: right-hand-side evaluations ({@code nfe}, including those for the
 * initial step, dense-output extra stages and diagnostics), steps attempted, accepted and rejected,
 * and where Hairer's stiffness test first fired (NaN if never).
 */
public record Stats(long nfe, long steps, long accepted, long rejected, double stiffAt) {
  /** True if the stiffness test fired. */
  public boolean stiffnessDetected() {
    return !Double.isNaN(stiffAt);
  }
}
