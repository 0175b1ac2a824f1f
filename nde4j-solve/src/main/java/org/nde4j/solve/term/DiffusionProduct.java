package org.nde4j.solve.term;

/**
 * A general-noise diffusion known through its action on a noise vector, {@code G(t, y) w}, for
 * diffusions whose {@code n × m} matrix is too large to form: the backward SDE of the stochastic
 * adjoint, whose rows for the parameter cotangents are {@code −(∂g/∂θ)ᵀ(a ⊙ w)}, one
 * vector–Jacobian product per product instead of {@code m} (Diffrax's {@code vf_prod}, torchsde's
 * {@code g_prod}).
 *
 * <p>{@link #evaluate} (the {@link DiffusionField} of the term) records, in {@link #length()}
 * doubles, whatever {@link #apply} needs at {@code (t, y)} — typically the point itself and a few
 * values — and {@link #apply} adds {@code c · G(t, y) w}. The record is opaque: solvers only pass
 * it back to {@link #apply}, never combine two records, so only the solvers that use the
 * diffusion through {@link SdeTerm#addProduct} alone accept such a term (the stochastic
 * Runge–Kutta engine, stochastic reversible Heun); Milstein methods refuse it (no derivative).
 * Implementations may keep scratch arrays (one thread) but no reference to their arguments.
 */
public interface DiffusionProduct extends DiffusionField {
  /** Doubles of the record {@link #evaluate} writes. */
  int length();

  /**
   * Records what {@link #apply} needs at {@code (t, y)} into {@code record} ({@link #length()}
   * values).
   */
  @Override
  void evaluate(double t, double[] y, double[] record);

  /** {@code out += c · G(t, y) w} for the point of {@code record}; {@code w} has {@code m} values. */
  void apply(double[] record, double[] w, double c, double[] out);
}
