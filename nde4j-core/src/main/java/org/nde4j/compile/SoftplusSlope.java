package org.nde4j.compile;

import org.nde4j.kernel.Kernels;
import org.nde4j.tensor.ElementwiseOp;
import org.nde4j.tensor.Kernel;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.op.Unary;
import org.nde4j.tensor.op.UnaryFn;

/**
 * {@code 1 − e^{−h}} elementwise ({@link Kernels#softplusSlope}): applied to a softplus layer's
 * output {@code h = softplus(z)} it is the layer's slope {@code sigmoid(z)}. {@link VjpSplit}
 * puts it in a backward pass that would otherwise read {@code sigmoid(z)} as a residual, so that
 * the forward pass keeps only {@code h} (which the backward pass reads anyway, for the next
 * layer's weight gradient) and computes no sigmoid. Its derivative rules are those of the
 * function of {@code h}, {@code d/dh = e^{−h} = 1 − out}, so the backward graph can be
 * differentiated again.
 */
final class SoftplusSlope implements ElementwiseOp {
  static final SoftplusSlope INSTANCE = new SoftplusSlope();

  private SoftplusSlope() {}

  /** Whether {@code sigmoid} and {@code softplus} are those ops (the pair this op links). */
  static boolean links(org.nde4j.tensor.Op sigmoid, org.nde4j.tensor.Op softplus) {
    return sigmoid == Unary.of(UnaryFn.SIGMOID) && softplus == Unary.of(UnaryFn.SOFTPLUS);
  }

  @Override
  public String name() {
    return "softplus_slope";
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public Shape outputShape(Shape... in) {
    if (in.length != 1) {
      throw new IllegalArgumentException(name() + ": expects 1 operand, got " + in.length);
    }
    return in[0];
  }

  @Override
  public Kernel kernel(Shape[] in, Shape out) {
    int n = out.size();
    return (x, o) -> Kernels.get().softplusSlope(x[0], 0, o, 0, n);
  }

  @Override
  public void applyBlock(double[][] in, double[] out, int n) {
    Kernels.get().softplusSlope(in[0], 0, out, 0, n);
  }

  @Override
  public Tensor[] vjp(Tensor[] in, Tensor out, Tensor g) {
    return new Tensor[] {g.mul(out.rsub(1.0))};
  }

  @Override
  public Tensor jvp(Tensor[] in, Tensor out, Tensor[] t) {
    return t[0] == null ? null : t[0].mul(out.rsub(1.0));
  }

  @Override
  public String toString() {
    return name();
  }
}
