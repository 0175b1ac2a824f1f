package org.nde4j.kernel.simd;

/**
 * Per-thread scratch for the vector kernels: packing buffers for the products, which grow to the
 * largest shape a thread has seen and are never shrunk, and a fixed chunk for two-pass
 * elementwise functions. After warm-up nothing is allocated; being thread-confined, the buffers
 * need no locking.
 */
final class KernelScratch {
  private static final ThreadLocal<KernelScratch> LOCAL = ThreadLocal.withInitial(KernelScratch::new);

  private double[] a = new double[0];
  private double[] b = new double[0];
  private double[] c = new double[0];
  final double[] tile = new double[PackedGemm.MR * PackedGemm.NR];
  /** Chunk for elementwise functions computed in two passes (see VectorMath#softplus). */
  final double[] chunk = new double[VectorMath.CHUNK];
  /** Lanes of four accumulators, summed in a fixed order (see SmallGemm#dot). */
  final double[] lanes =
      new double[4 * jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length()];

  private KernelScratch() {}

  static KernelScratch get() {
    return LOCAL.get();
  }

  double[] a(int size) {
    if (a.length < size) {
      a = new double[size];
    }
    return a;
  }

  double[] c(int size) {
    if (c.length < size) {
      c = new double[size];
    }
    return c;
  }

  double[] b(int size) {
    if (b.length < size) {
      b = new double[size];
    }
    return b;
  }
}
