package org.nde4j.solve.term;

/**
 * An SDE diffusion {@code g(t, y)} on plain arrays: writes {@code g} into {@code g} in the layout
 * of the term's {@link NoiseType} ({@code n} values for scalar, diagonal and diagonal-additive
 * noise; an {@code n × m} row-major matrix otherwise). Must not keep references to its arguments
 * and should not allocate.
 */
@FunctionalInterface
public interface DiffusionField {
  void evaluate(double t, double[] y, double[] g);
}
