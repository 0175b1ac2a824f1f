package org.nde4j.solve.solver;

/**
 * Linear-algebra work of implicit and Rosenbrock methods: Jacobian evaluations, factorizations of
 * the iteration matrix, linear solves, Newton iterations, and steps rejected because the Newton
 * iteration failed. All zero for explicit methods.
 */
public record Work(long jacobians, long factorizations, long linearSolves, long newtonIterations,
    long newtonFailures) {
  /** No linear algebra. */
  public static final Work NONE = new Work(0, 0, 0, 0, 0);
}
