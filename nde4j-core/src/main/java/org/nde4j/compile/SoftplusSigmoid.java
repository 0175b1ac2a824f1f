package org.nde4j.compile;

import org.nde4j.kernel.Kernels;
import org.nde4j.tensor.Kernel;
import org.nde4j.tensor.Op;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.op.Unary;
import org.nde4j.tensor.op.UnaryFn;

/**
 * {@code softplus(x)} that also writes {@code sigmoid(x)} into a second buffer: the compiler's
 * rewrite of a plan that needs both of the same operand — a softplus layer and its derivative in
 * the reverse pass — so that e^{-|x|} is computed once, in the forward step, and the reverse pass
 * only multiplies. Same bits as the two ops (see {@link Kernels#softplusSigmoid}). The step reads
 * {@code x} as operand 0 and writes the sigmoid into operand 1 (a buffer the compiler assigns to
 * the sigmoid's value).
 */
final class SoftplusSigmoid implements PlanOnlyOp {
  static final SoftplusSigmoid INSTANCE = new SoftplusSigmoid();

  private SoftplusSigmoid() {}

  /** Whether {@code primary} and {@code companion} applied to one operand are this pair. */
  static boolean pairs(Op primary, Op companion) {
    return primary == Unary.of(UnaryFn.SOFTPLUS) && companion == Unary.of(UnaryFn.SIGMOID);
  }

  @Override
  public String name() {
    return "softplus+sigmoid";
  }

  @Override
  public Shape outputShape(Shape... in) {
    return in[0];
  }

  @Override
  public Kernel kernel(Shape[] in, Shape out) {
    int n = out.size();
    return (x, o) -> Kernels.get().softplusSigmoid(x[0], 0, o, 0, x[1], 0, n);
  }

  @Override
  public String toString() {
    return name();
  }
}
