package org.nde4j.solve.term;

/**
 * A hand-written Jacobian on plain arrays: writes {@code ∂f/∂y} at {@code (t, y)} row-major into
 * {@code j} ({@code j[i·n + k] = ∂f_i/∂y_k}). Must not allocate.
 */
@FunctionalInterface
public interface JacobianField {
  void evaluate(double t, double[] y, double[] j);
}
