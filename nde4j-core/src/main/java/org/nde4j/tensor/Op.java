package org.nde4j.tensor;

/**
 * A primitive operation: shape rule, forward kernel, and derivative rules written in ops.
 *
 * <p>Because {@link #vjp} and {@link #jvp} are written with {@link Tensor} operations, they run
 * eagerly on concrete tensors, record themselves on the tape when {@code createGraph} is on, and
 * become graph nodes when the tensors are symbolic; derivatives therefore compose (a VJP can be
 * differentiated again, a JVP of a VJP is a Hessian-vector product).
 *
 * <p>Ops are values: two ops that are {@code equals} compute the same function of their inputs
 * (common-subexpression elimination relies on it), so implementations are records or classes with
 * value equality.
 */
public interface Op {

  /** Short lower-case name used in error messages, e.g. {@code "matmul"}. */
  String name();

  /**
   * Validates operand shapes and returns the output shape.
   *
   * @throws ShapeException naming this op and the operand shapes when they are not accepted
   */
  Shape outputShape(Shape... in);

  /**
   * A forward kernel prepared for fixed operand shapes. Kernels may hold scratch space; they never
   * allocate in {@link Kernel#run}.
   */
  Kernel kernel(Shape[] in, Shape out);

  /**
   * Vector-Jacobian product: given the cotangent {@code g} of the output, the cotangent of each
   * input (same shape as that input), or {@code null} where no gradient flows.
   *
   * @throws NotDifferentiableException if this op has no VJP rule
   */
  Tensor[] vjp(Tensor[] in, Tensor out, Tensor g);

  /**
   * Jacobian-vector product: the tangent of the output given input tangents ({@code null} entries
   * are zero tangents); {@code null} if the output tangent is zero.
   *
   * @throws NotDifferentiableException if this op has no JVP rule
   */
  Tensor jvp(Tensor[] in, Tensor out, Tensor[] t);

  /**
   * False for piecewise-constant ops (comparisons, sign): their outputs never require gradients
   * and no gradient flows through them.
   */
  default boolean differentiable() {
    return true;
  }

  /**
   * True if the output shares its input's data unchanged (reshape): eager mode and compiled plans
   * then alias the buffer instead of copying.
   */
  default boolean aliasesInput() {
    return false;
  }
}
