package org.nde4j.solve.stepsize;

/**
 * The mutable state of a {@link StepSizeController} during one solve. Steps are proposed as end
 * times (so that grid points and forced times are hit exactly): the integrate loop asks for
 * {@link #firstEnd()}, attempts the step, reports it to {@link #decide} and asks for
 * {@link #nextEnd()}. The loop itself never steps past the solve's final time.
 */
public interface StepControl {
  /** The norm the solver's error estimate is measured in; null when no estimate is needed. */
  ErrorNorm norm();

  /** End time of the first step. */
  double firstEnd();

  /**
   * Judges the attempted step {@code [t0, t1]} whose scaled error is {@code error} (≤ 1 within
   * tolerance; NaN when the attempt produced non-finite values).
   *
   * @return true to accept the step
   */
  boolean decide(double t0, double t1, double error);

  /** End time of the next step to attempt (from the accepted end, or the rejected step's start). */
  double nextEnd();

  /**
   * The last accepted step was cut short at {@code t} (an event stopped it there): propose the
   * next step from {@code t}. Fixed-step controls resume their grid; adaptive ones keep their
   * proposed step size.
   */
  void truncate(double t);

  /**
   * True when the last accepted step ended on a declared discontinuity: the solver must then
   * restart (first-same-as-last stages are invalid across it).
   */
  boolean endedOnJump();

  /**
   * The smallest step size (magnitude) the control accepts; a solve needing a smaller one ends with
   * status DT_UNDERFLOW. Besides this bound the loop stops when a step no longer changes {@code t}.
   */
  default double minStep() {
    return 0;
  }

  /**
   * Shows the control the stepper of this solve, before the first step. Adaptive controls use a
   * {@link org.nde4j.solve.solver.StepProposer}'s proposals (multistep methods that select their
   * own step and order); the default ignores the stepper.
   */
  default void attach(org.nde4j.solve.solver.Stepper stepper) {}

  /** Right-hand-side evaluations the controller itself made (initial step selection). */
  long evaluations();
}
