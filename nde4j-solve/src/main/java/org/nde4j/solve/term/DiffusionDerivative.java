package org.nde4j.solve.term;

/**
 * The directional derivative of an SDE diffusion along the state, for Milstein's method and the
 * Itô–Stratonovich conversion: writes {@code dg = Σ_l (∂g/∂y_l)(t, y) u_l} (a Jacobian–vector
 * product) into {@code dg}, in the same layout as the diffusion ({@link DiffusionField}). Must not
 * allocate or keep references to its arguments.
 */
@FunctionalInterface
public interface DiffusionDerivative {
  void jvp(double t, double[] y, double[] u, double[] dg);
}
