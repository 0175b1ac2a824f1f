package org.nde4j.solve.adjoint;

/**
 * Which channels of a continuous adjoint's backward system its step-size control measures. The
 * backward system of {@link Adjoint#backsolve()} is {@code [y, λ, θ̄]}, that of {@link
 * Adjoint#interpolating()} is {@code [λ, θ̄]}, that of {@link Adjoint#quadrature()} is {@code λ}.
 *
 * <p>The parameter adjoint {@code θ̄} is an integral that feeds nothing back into the system, so
 * errors in it do not propagate; leaving it out of the error norm lets the backward solve take the
 * steps the rest needs (P. Kidger, R. T. Q. Chen, T. Lyons, <i>"Hey, that's not an ODE": Faster
 * ODE adjoints via seminorms</i>, ICML 2021, arXiv:2009.09457).
 */
public enum BackwardNorm {
  /** The weighted RMS norm over every channel. */
  ALL,
  /** The seminorm of Kidger, Chen &amp; Lyons: every channel except {@code θ̄}. */
  SEMINORM,
  /**
   * Only the reconstructed state {@code y} (backsolve only): neither adjoint channel limits the
   * step, which trusts the λ equation to be no harder than the state's.
   */
  STATE_ONLY
}
