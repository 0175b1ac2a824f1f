package org.nde4j.tensor;

/**
 * Thrown when a derivative is requested through an op that has none: a custom op registered
 * without a VJP or JVP rule, or {@code backward()} on the output of a piecewise-constant op
 * (comparisons, {@code sign}). The message names the op and its operand shapes.
 */
public final class NotDifferentiableException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public NotDifferentiableException(String message) {
    super(message);
  }
}
