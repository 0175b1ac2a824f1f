package org.nde4j.solve.integrate;

/**
 * Thrown by a solve with {@code throwOnFailure(true)} that did not succeed; carries the partial
 * {@link Solution} (everything computed up to the failure) and its diagnosis as the message.
 */
public final class SolveException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Solution solution;

  SolveException(Solution solution) {
    super(solution.diagnosis().toString());
    this.solution = solution;
  }

  /** The partial solution. */
  public Solution solution() {
    return solution;
  }
}
