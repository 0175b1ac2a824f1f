package org.nde4j.solve.integrate;

/**
 * What happened in a solve, for a person and for a program: the status, the time reached and the
 * last step size, the cause in words, and what to try. For {@link Status#NONFINITE},
 * {@code component} is the index of the first state component that went non-finite (−1 otherwise).
 */
public record Diagnosis(Status status, double tReached, double lastDt, int component,
    String cause, String suggestion) {

  /** One paragraph: cause, then suggestion. */
  public String message() {
    return suggestion.isEmpty() ? cause : cause + " " + suggestion;
  }

  @Override
  public String toString() {
    return status + ": " + message();
  }
}
