package org.nde4j.linalg;

/**
 * A matrix given only by its action {@code out = A x} (e.g. {@code (I − γhJ) v} from a
 * Jacobian-vector product), for matrix-free Krylov solvers. Must not allocate.
 */
@FunctionalInterface
public interface LinearOperator {
  void apply(double[] x, double[] out);
}
