package org.nde4j.solve.term;

/**
 * A matrix-valued vector field on plain arrays for a {@link ControlTerm}: writes the {@code n × d}
 * matrix {@code f(t, y)} row-major into {@code m} (n = state size, d = path channels).
 */
@FunctionalInterface
public interface ControlField {
  void evaluate(double t, double[] y, double[] m);
}
