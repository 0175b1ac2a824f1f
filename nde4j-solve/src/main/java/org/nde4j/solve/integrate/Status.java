package org.nde4j.solve.integrate;

/** How a solve ended. */
public enum Status {
  /** Reached the final time. */
  SUCCESS,
  /** Stopped at a terminal event. */
  EVENT,
  /** Used up its step budget before the final time. */
  MAX_STEPS,
  /** Needed a step smaller than the controller's minimum or than round-off allows. */
  DT_UNDERFLOW,
  /** The state or the right-hand side became NaN or infinite and shrinking the step did not help. */
  NONFINITE,
  /** An implicit method's nonlinear solve failed even at the smallest step. */
  NONLINEAR_SOLVE_FAILED;

  /** True for {@link #SUCCESS} and {@link #EVENT}. */
  public boolean isSuccess() {
    return this == SUCCESS || this == EVENT;
  }
}
