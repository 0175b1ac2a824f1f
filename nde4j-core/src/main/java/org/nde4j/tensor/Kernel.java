package org.nde4j.tensor;

/**
 * A forward kernel prepared by {@link Op#kernel} for fixed shapes. {@code run} reads the operand
 * buffers (row-major, exactly the operand sizes) and overwrites {@code out}; it must not allocate.
 */
@FunctionalInterface
public interface Kernel {
  void run(double[][] in, double[] out);
}
