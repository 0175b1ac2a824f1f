package org.nde4j.solve.adjoint;

/**
 * The forward pass of a {@link GradientSolve} with a terminal event ({@link
 * GradientSolve#event}): besides the saved states, the event time {@code t*} where {@code g(t, y)}
 * first crossed zero, the state {@code y− = y(t*)} and (with a reset) {@code y+ = r(t*, y−)} are
 * outputs, and gradients flow from all of them. The solve stops at {@code t*} with status {@code
 * EVENT}; save times after {@code t*} are not reached (their rows of {@link #ys()} are null).
 *
 * <p>The event time's derivative comes from the implicit-function theorem on {@code g(t*, y(t*))
 * = 0}: {@code dt* / dp = −(∂g/∂y · dy/dp)/(∂g/∂t + ∂g/∂y · f)} at {@code t*}, for {@code p} any of
 * {@code y0}, {@code θ}, {@code t0} (R. T. Q. Chen, B. Amos, M. Nickel, <i>Learning neural event
 * functions for ordinary differential equations</i>, ICLR 2021).
 */
public interface EventRecording extends Recording {
  /** The event time {@code t*}, or NaN if the event did not happen before {@code t1}. */
  double eventTime();

  /** The state {@code y(t*)} when the event happened (a copy), or null. */
  double[] eventState();

  /** The state after the reset, {@code r(t*, y(t*))} (a copy), or null without reset or event. */
  double[] eventStateAfterReset();

  /**
   * Gradients of a loss {@code L(Y, t*, y−, y+)} given its cotangents: {@code ybar[i] = ∂L/∂Y_i}
   * (rows of save times after the event are ignored and may be null), {@code eventTimeBar =
   * ∂L/∂t*}, {@code eventStateBar = ∂L/∂y−} and {@code resetStateBar = ∂L/∂y+} (null means zero).
   * With an event, {@code t1} is only a bound: its gradient is 0 unless the event did not happen.
   *
   * @throws IllegalStateException if the forward solve failed, if an event cotangent is non-zero
   *     but the event did not happen before {@code t1}, or if the event's crossing is tangential
   *     ({@code ∂g/∂t + ∂g/∂y·f = 0}: no derivative exists)
   * @throws IllegalArgumentException if a cotangent does not have the state's size, or {@code
   *     resetStateBar} is given for an event without reset
   */
  Gradients backward(double[][] ybar, double eventTimeBar, double[] eventStateBar,
      double[] resetStateBar);

  /** {@link #backward(double[][], double, double[], double[])} with no event cotangents. */
  @Override
  default Gradients backward(double[][] ybar) {
    return backward(ybar, 0, null, null);
  }
}
