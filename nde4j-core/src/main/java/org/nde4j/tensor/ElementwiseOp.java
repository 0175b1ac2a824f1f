package org.nde4j.tensor;

/**
 * An op that applies one scalar function per element with broadcasting. The compiler fuses chains
 * of these into one pass over blocks of elements.
 */
public interface ElementwiseOp extends Op {
  /** Number of operands. */
  int arity();

  /**
   * Applies the function to {@code n} elements: operand {@code j} is read from {@code in[j]}
   * starting at 0 (already broadcast to {@code n} contiguous values), the result written to
   * {@code out} starting at 0.
   */
  void applyBlock(double[][] in, double[] out, int n);
}
