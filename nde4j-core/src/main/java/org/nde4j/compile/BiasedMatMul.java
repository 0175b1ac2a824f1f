package org.nde4j.compile;

import org.nde4j.tensor.Kernel;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.op.MatMul;

/**
 * {@code op(A)·op(B) + bias} for 2-D products and a bias row ({@code [n]} or {@code [1, n]}): the
 * compiler's rewrite of a product whose only consumer adds a bias (a network layer), so that the
 * bias is added in the product's step while C is still in cache rather than by a broadcast add
 * step of its own. Same arithmetic, same bits as the two ops.
 */
final class BiasedMatMul implements PlanOnlyOp {
  private final MatMul product;

  BiasedMatMul(MatMul product) {
    this.product = product;
  }

  /** The product the bias is added to. */
  MatMul product() {
    return product;
  }

  /** Whether {@code bias} is a row that a 2-D product of shape {@code out} can absorb. */
  static boolean accepts(Shape out, Shape bias) {
    if (out.rank() != 2) {
      return false;
    }
    int n = out.dim(-1);
    return (bias.rank() == 1 && bias.dim(0) == n)
        || (bias.rank() == 2 && bias.dim(0) == 1 && bias.dim(1) == n);
  }

  @Override
  public String name() {
    return "matmul+bias";
  }

  @Override
  public Shape outputShape(Shape... in) {
    return product.outputShape(in[0], in[1]);
  }

  @Override
  public Kernel kernel(Shape[] in, Shape out) {
    boolean ta = product.transposeA();
    int k = ta ? in[0].dim(-2) : in[0].dim(-1);
    return MatMul.unbatchedBiased(ta, product.transposeB(), out.dim(0), out.dim(1), k, 0, 0, 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BiasedMatMul && ((BiasedMatMul) o).product.equals(product);
  }

  @Override
  public int hashCode() {
    return product.hashCode() * 31 + 7;
  }

  @Override
  public String toString() {
    return product + "+bias";
  }
}
