package org.nde4j.linalg;

/**
 * A factor-once, solve-many linear solver for square systems {@code A x = b} of a fixed size, as
 * implicit ODE methods use it: the iteration matrix {@code W = I − γhJ} is factored when the step
 * size or the Jacobian changes and reused for every Newton iteration and stage. Implementations
 * (dense LU, banded LU, later sparse or Krylov backends) allocate nothing after construction.
 */
public interface LinearSolver {
  /** Order of the system. */
  int size();

  /**
   * Factors {@code a} (row-major {@code n × n}, not modified).
   *
   * @return false if the matrix is singular to working precision (a zero or non-finite pivot);
   *     {@link #solve} must not be called then
   */
  boolean factor(double[] a);

  /** Solves {@code A x = b} in place: {@code b} becomes {@code x}. */
  void solve(double[] b);

  /** Factorizations so far. */
  long factorizations();

  /** Solves so far. */
  long solves();
}
