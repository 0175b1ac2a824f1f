package org.nde4j.solve.solver;

import org.nde4j.solve.stepsize.ErrorNorm;

/**
 * The mutable workspace of one solve with one {@link Solver}. The integrate loop calls
 * {@link #attempt} for a candidate step, then (if the step is accepted) may call
 * {@link #interpolate} any number of times for that step, then {@link #accept}. Nothing here
 * allocates after construction.
 */
public interface Stepper {
  /**
   * Attempts the step from {@code (t, y0)} to {@code t + h} ({@code h} may be negative) and writes
   * the candidate solution into {@code y1}.
   *
   * @param norm how to measure the error estimate; null when no estimate is wanted (fixed steps)
   * @return the scaled error estimate ({@code ≤ 1} means within tolerance) measured by {@code
   *     norm}; 0 without an estimate or norm; NaN when a stage or the result is not finite;
   *     {@code +∞} when an implicit method's nonlinear (Newton) solve failed — the loop then
   *     rejects the step and shrinks it, and ends with NONLINEAR_SOLVE_FAILED if that never helps
   */
  double attempt(double t, double h, double[] y0, double[] y1, ErrorNorm norm);

  /**
   * Writes the dense output {@code y(t + θh)} of the last attempted step, {@code θ ∈ [0, 1]}.
   * Valid after {@link #attempt} and before {@link #accept}; may evaluate extra stages once per
   * step (counted in {@link #evaluations()}).
   */
  void interpolate(double theta, double[] out);

  /**
   * An immutable copy of the last attempted step's dense output (allocates; used when a solution
   * keeps its dense output). Valid after {@link #attempt} and before {@link #accept}.
   */
  DenseSegment denseSegment();

  /** Declares the last attempt accepted: first-same-as-last stages carry over to the next step. */
  void accept();

  /**
   * Forgets carried-over stages: the next attempt starts afresh (after an event changed the state,
   * or at a discontinuity).
   */
  void restart();

  /** Right-hand-side evaluations so far (including those for finite-difference Jacobians). */
  long evaluations();

  /**
   * A sentence about how the stepper ran, appended to the solve's diagnosis (which method an
   * automatic switcher used where, say); empty by default.
   */
  default String note() {
    return "";
  }

  /** Linear-algebra work so far ({@link Work#NONE} for explicit methods). */
  default Work work() {
    return Work.NONE;
  }

  /**
   * Hairer's stiffness indicator for the last attempt: {@code h·ρ / R}, with {@code ρ} the local
   * Lipschitz estimate from the last two stages and {@code R} the method's stability boundary on the
   * negative real axis; values near or above 1 mean the step is limited by stability, not
   * accuracy. NaN when the method has no such estimate.
   */
  double stiffnessRatio();
}
