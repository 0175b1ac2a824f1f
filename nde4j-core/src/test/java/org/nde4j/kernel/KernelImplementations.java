package org.nde4j.kernel;

import java.util.ArrayList;
import java.util.List;

/** The kernel implementations available in this JVM, for parameterised tests. */
final class KernelImplementations {
  private KernelImplementations() {}

  /** Scalar, Vector API (when the module is present) and native BLAS for every product size. */
  static List<Kernels> gemmImplementations() {
    List<Kernels> list = new ArrayList<>(mathImplementations());
    NativeBlas blas = NativeBlas.load();
    if (blas != null) {
      list.add(new NativeBlasKernels(new ScalarKernels(), blas, 0));
    }
    list.add(KernelSelection.selected());
    return list;
  }

  /** Implementations with their own elementwise maths. */
  static List<Kernels> mathImplementations() {
    List<Kernels> list = new ArrayList<>();
    list.add(new ScalarKernels());
    Kernels v = KernelSelection.vectorKernelsOrNull();
    if (v != null) {
      list.add(v);
    }
    return list;
  }
}
