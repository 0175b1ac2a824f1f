package org.nde4j.tensor;

/**
 * Thrown when operands have shapes an op cannot accept. The message names the op and the shapes
 * involved, e.g. {@code "matmul: inner dimensions differ: [3, 4] and [5, 2]"}.
 */
public final class ShapeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ShapeException(String message) {
    super(message);
  }
}
