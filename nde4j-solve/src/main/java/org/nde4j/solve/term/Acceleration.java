package org.nde4j.solve.term;

/**
 * The right-hand side of a second-order system {@code q'' = a(t, q)} on plain arrays: writes
 * {@code a} (length = number of positions) from the positions {@code q}. Must not keep
 * references to its arrays and should not allocate.
 */
@FunctionalInterface
public interface Acceleration {
  void evaluate(double t, double[] q, double[] a);
}
