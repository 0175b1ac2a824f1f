package org.nde4j.solve.adjoint;

import org.nde4j.solve.integrate.Stats;
import org.nde4j.solve.integrate.Status;

/**
 * The forward pass of a differentiable solve ({@link GradientSolve#forward()}): the saved states
 * and whatever its {@link Adjoint} keeps to compute gradients later. Not thread-safe.
 */
public interface Recording {
  /** The saved states {@code Y_i = y(ts_i)}, one row per save time (copies). */
  double[][] ys();

  /** How the forward solve ended; gradients exist only after {@link Status#SUCCESS}. */
  Status status();

  /** Work of the forward solve. */
  Stats stats();

  /**
   * Gradients for the cotangents {@code ybar[i] = ∂L/∂Y_i} (may be called again with other
   * cotangents).
   *
   * @throws IllegalStateException if the forward solve did not succeed (the message says how it
   *     ended)
   * @throws IllegalArgumentException if {@code ybar} does not have one row of the state's size per
   *     save time
   */
  Gradients backward(double[][] ybar);

  /**
   * The largest number of states held at one time by the forward and backward passes so far to
   * recover the trajectory (step times and parameter-sized buffers are not counted). A state is
   * the solver's state: {@code n} doubles for one-step methods, {@code 2n} for a reversible
   * solver's pair {@code (y, ŷ)}.
   */
  long peakStoredStates();
}
