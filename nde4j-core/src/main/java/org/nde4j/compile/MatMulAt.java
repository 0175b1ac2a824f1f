package org.nde4j.compile;

import org.nde4j.tensor.Kernel;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.op.MatMul;

/**
 * A 2-D product {@code op(A)·op(B)} (plus a bias row when {@code biased}) whose operands are read
 * at offsets in larger flat arrays: the compiler's rewrite of a product of contiguous slices of a
 * vector (weights sliced out of one flat parameter vector), so that no step copies the slices out
 * first. Inputs: the arrays holding {@code A}, {@code B} (and the bias); the logical shapes and
 * offsets are the op's. The product runs as {@link MatMul#unbatched} (one GEMM call, or fixed
 * row blocks for a large one), as the plain op does, so the arithmetic is the same bit for bit.
 * Exists only inside compiled plans, after differentiation, so it has no derivative rules.
 */
final class MatMulAt implements org.nde4j.tensor.Op {
  private final MatMul product;
  private final boolean biased;
  private final Shape a;
  private final Shape b;
  private final int[] offsets;

  /**
   * @param a logical shape of {@code A}
   * @param b logical shape of {@code B}
   * @param offsets where {@code A}, {@code B} (and the bias) start in their input arrays
   */
  MatMulAt(MatMul product, boolean biased, Shape a, Shape b, int[] offsets) {
    this.product = product;
    this.biased = biased;
    this.a = a;
    this.b = b;
    this.offsets = offsets.clone();
  }

  @Override
  public String name() {
    return biased ? "matmul+bias@" : "matmul@";
  }

  @Override
  public Shape outputShape(Shape... in) {
    return product.outputShape(a, b);
  }

  @Override
  public Kernel kernel(Shape[] in, Shape out) {
    boolean ta = product.transposeA();
    boolean tb = product.transposeB();
    int m = out.dim(0);
    int n = out.dim(1);
    int k = ta ? a.dim(0) : a.dim(1);
    int ao = offsets[0];
    int bo = offsets[1];
    return biased ? MatMul.unbatchedBiased(ta, tb, m, n, k, ao, bo, offsets[2])
        : MatMul.unbatched(ta, tb, m, n, k, ao, bo);
  }

  @Override
  public Tensor[] vjp(Tensor[] in, Tensor out, Tensor g) {
    throw new UnsupportedOperationException(name() + " exists only in compiled plans");
  }

  @Override
  public Tensor jvp(Tensor[] in, Tensor out, Tensor[] t) {
    throw new UnsupportedOperationException(name() + " exists only in compiled plans");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MatMulAt m && m.product.equals(product) && m.biased == biased
        && m.a.equals(a) && m.b.equals(b) && java.util.Arrays.equals(m.offsets, offsets);
  }

  @Override
  public int hashCode() {
    return (product.hashCode() * 31 + java.util.Arrays.hashCode(offsets)) * 31
        + (biased ? 1 : 0);
  }

  @Override
  public String toString() {
    return product + (biased ? "+bias" : "") + "@" + java.util.Arrays.toString(offsets);
  }
}
