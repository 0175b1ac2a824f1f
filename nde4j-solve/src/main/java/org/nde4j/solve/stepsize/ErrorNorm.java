package org.nde4j.solve.stepsize;

/**
 * How the local error estimate of a step is scaled and reduced to one number, {@code ≤ 1} meaning
 * within tolerance. The default is Hairer's weighted root-mean-square with weights {@code atol +
 * rtol·max(|y0_i|, |y1_i|)} (Hairer, Nørsett, Wanner, <i>Solving ODEs I</i>, §II.4).
 */
public interface ErrorNorm {
  /**
   * @param err the local error estimate of each component
   * @param y0 the state at the start of the step
   * @param y1 the candidate state at its end
   * @return the scaled error; NaN if any input is not finite
   */
  double ratio(double[] err, double[] y0, double[] y1);

  /**
   * The weight {@code 1 / (atol + rtol·|y_i|)} of component {@code i} at the value {@code yi}, for
   * norms that implicit methods need inside a step (the convergence test of a Newton iteration,
   * Hairer &amp; Wanner, <i>Solving ODEs II</i>, §IV.8). A seminorm weighs every component here:
   * the nonlinear system must be solved in all of them. The default, for norms that do not know
   * their tolerances, is that of {@code rtol = atol = 1e-6}.
   */
  default double weight(int i, double yi) {
    return 1 / (1e-6 + 1e-6 * Math.abs(yi));
  }

  /** Weighted RMS norm, the default. */
  static ErrorNorm rms(double rtol, double atol) {
    return new WeightedNorm(rtol, atol, false, null);
  }

  /** Weighted max norm. */
  static ErrorNorm max(double rtol, double atol) {
    return new WeightedNorm(rtol, atol, true, null);
  }

  /**
   * A seminorm: the weighted RMS over the components with {@code include[i]} true only (e.g. an
   * adjoint solve that lets parameter-gradient channels go uncontrolled; Kidger, Chen, Lyons,
   * <i>"Hey, that's not an ODE"</i>, ICML 2021).
   */
  static ErrorNorm seminorm(double rtol, double atol, boolean[] include) {
    return new WeightedNorm(rtol, atol, false, include.clone());
  }
}
