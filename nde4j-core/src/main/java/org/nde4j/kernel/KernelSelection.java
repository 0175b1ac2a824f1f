package org.nde4j.kernel;

import java.lang.reflect.Constructor;

/**
 * Chooses the {@link Kernels} implementation once per JVM: the Vector API kernels when the
 * {@code jdk.incubator.vector} module is in the boot layer (pass {@code --add-modules
 * jdk.incubator.vector}; {@code bin/nde4j} does), the scalar kernels otherwise, with one line on
 * standard error saying why. The system property {@code nde4j.kernels=scalar|vector} forces a
 * choice.
 *
 * <p>When a native BLAS loads ({@link NativeBlas#load()}), the chosen kernels are wrapped in
 * {@link NativeBlasKernels}, which sends products of at least {@code nde4j.blas.minWork}
 * multiply-adds (default {@link NativeBlasKernels#DEFAULT_MIN_WORK}) to it. {@code nde4j.blas}
 * chooses the library ({@link BlasChoice}: {@code auto}, {@code blis}, {@code system}, a path) or,
 * with {@code off}, disables the native path. Nothing is logged about it; the kernels' {@link
 * Kernels#name()} names the library.
 */
public final class KernelSelection {
  private static final String VECTOR_IMPL = "org.nde4j.kernel.simd.VectorKernels";
  private static volatile Kernels selected;

  private KernelSelection() {}

  /** The kernels in use. */
  public static Kernels selected() {
    Kernels k = selected;
    if (k == null) {
      synchronized (KernelSelection.class) {
        k = selected;
        if (k == null) {
          k = choose();
          selected = k;
        }
      }
    }
    return k;
  }

  /** Whether the Vector API module is present in this JVM. */
  public static boolean vectorApiPresent() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  /**
   * The Vector API kernels, or {@code null} when the module is absent or the implementation
   * cannot be loaded.
   */
  public static Kernels vectorKernelsOrNull() {
    if (!vectorApiPresent()) {
      return null;
    }
    try {
      Class<?> c = Class.forName(VECTOR_IMPL);
      Constructor<?> ctor = c.getDeclaredConstructor();
      return (Kernels) ctor.newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  /**
   * The native BLAS, or {@code null} when it is disabled ({@code -Dnde4j.blas=off}) or cannot be
   * loaded on this machine.
   *
   * @throws IllegalArgumentException when {@code nde4j.blas} names no library ({@link
   *     BlasChoice#libraryPath})
   */
  public static NativeBlas nativeBlasOrNull() {
    if (BlasChoice.isOff(System.getProperty(BlasChoice.PROPERTY))) {
      return null;
    }
    try {
      return NativeBlas.load();
    } catch (LinkageError e) { // netlib jar missing from the class path
      return null;
    }
  }

  private static Kernels choose() {
    Kernels base = chooseBase();
    NativeBlas blas = nativeBlasOrNull();
    if (blas == null) {
      return base;
    }
    long minWork = Long.getLong("nde4j.blas.minWork", NativeBlasKernels.DEFAULT_MIN_WORK);
    return new NativeBlasKernels(base, blas, minWork);
  }

  private static Kernels chooseBase() {
    String forced = System.getProperty("nde4j.kernels", "");
    if (forced.equals("scalar")) {
      return new ScalarKernels();
    }
    Kernels v = vectorKernelsOrNull();
    if (v != null) {
      return v;
    }
    if (forced.equals("vector")) {
      throw new IllegalStateException("nde4j.kernels=vector but jdk.incubator.vector is not "
          + "available: start the JVM with --add-modules jdk.incubator.vector");
    }
    System.err.println("nde4j: jdk.incubator.vector not present; using scalar kernels "
        + "(start the JVM with --add-modules jdk.incubator.vector for SIMD kernels)");
    return new ScalarKernels();
  }
}
