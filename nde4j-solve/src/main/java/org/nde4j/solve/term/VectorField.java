package org.nde4j.solve.term;

/**
 * A right-hand side written on plain arrays, for users who need no gradients: writes
 * {@code dy = f(t, y)}. It must not keep references to {@code y} or {@code dy} (the solver reuses
 * them) and should not allocate: it is called once per stage.
 */
@FunctionalInterface
public interface VectorField {
  void evaluate(double t, double[] y, double[] dy);
}
