package org.nde4j.solve.adjoint;

/**
 * How a {@link GradientSolve} produces its saved states {@code Y_i = y(ts_i)} ({@link
 * GradientSolve#saveMode}).
 *
 * <p>Which adjoints interpolate: {@link Adjoint#discrete()}, {@link Adjoint#checkpointed(int)} and
 * {@link Adjoint#auto()} on explicit Runge–Kutta methods whose dense output reads the step's own
 * stages ({@code dopri5}, {@code tsit5}, {@code dopri8}, {@code bosh3}, {@code euler}; not those
 * that evaluate extra stages for it: {@code dop853}, {@code vern7}, {@code vern9} and the Hermite
 * output of non-FSAL methods such as {@code rk4}); {@link Adjoint#backsolve()}, {@link
 * Adjoint#interpolating()}, {@link Adjoint#quadrature()} and {@link Adjoint#forwardMode()} with any
 * solver (they read the forward states anyway). Not the reversible adjoint, the discrete adjoint of
 * implicit or reversible solvers, or solves with a terminal event.
 */
public enum SaveMode {
  /**
   * Steps land exactly on the save times (forced step ends, as with a {@link
   * org.nde4j.solve.stepsize.ClipController}): saved states are step results. The default; every
   * adjoint supports it.
   */
  STEP_ENDS,

  /**
   * Steps ignore the save times inside {@code (t0, t1)} and each saved state is read from the dense
   * output of the step that covers it, {@code Y_i = y_k + h Σ_j b_j(θ_i) k_j} with {@code θ_i =
   * (ts_i − t_k)/h} (Diffrax's and torchdiffeq's {@code SaveAt(ts)}): fewer steps when save times
   * are closer than the steps the tolerances allow. The discrete adjoint differentiates the
   * interpolation exactly (its cotangents enter the stages' cotangents); {@code ∂L/∂ts_i = ȳ_i ·
   * Σ_j b_j'(θ_i) k_j}, the interpolant's slope. A save time equal to a step end is that step's
   * result. Refused before solving (naming the alternatives) where the adjoint or solver does not
   * support it.
   */
  INTERPOLATED,

  /** {@link #INTERPOLATED} where the adjoint and solver support it, {@link #STEP_ENDS} otherwise. */
  INTERPOLATED_WHERE_SUPPORTED
}
