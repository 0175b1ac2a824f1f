package org.nde4j.solve.stepsize;

import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.term.Term;

/**
 * Chooses step sizes: constant, on a grid, adaptive (PID), or clipped to forced times. Immutable
 * configuration; {@link #start} returns the mutable {@link StepControl} of one solve.
 */
public interface StepSizeController {
  /**
   * Starts controlling a solve of {@code term} with {@code solver} from {@code (t0, y0)} towards
   * {@code t1} (either direction).
   *
   * @param dt0 the user's first step size (magnitude), or NaN to let the controller choose
   * @throws IllegalArgumentException if the controller cannot drive this solver (an adaptive
   *     controller with a solver without error estimate, say) or {@code dt0} is unusable
   */
  StepControl start(Term term, Solver solver, double t0, double t1, double[] y0, double dt0);

  /** True when the controller needs the solver's error estimate. */
  boolean isAdaptive();
}
