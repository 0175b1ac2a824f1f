package org.nde4j.random;

import java.lang.reflect.Constructor;
import org.nde4j.kernel.KernelSelection;

/**
 * Writes whole two-element blocks of a {@link Key}'s streams: block {@code b} of the uniform or
 * normal stream is elements {@code 2b, 2b + 1}, computed from the Philox4x32-10 output of counter
 * {@code (lo32(b), hi32(b), 0, domain)} as the class comment of {@link Key} defines. Two
 * implementations give the same bits: {@link ScalarBlockFill} and, when the {@code
 * jdk.incubator.vector} module is present, {@code VectorBlockFill}, which evaluates the same
 * IEEE operations lane by lane.
 *
 * <p>Arguments are checked by {@link Key}: {@code blocks >= 1}, {@code out[pos .. pos + 2 blocks)}
 * in range, {@code first + blocks <= 2^62}.
 */
interface BlockFill {

  /** Uniform elements {@code 2 first .. 2 (first + blocks) - 1} into {@code out[pos ..)}. */
  void uniform(int k0, int k1, long first, int blocks, double[] out, int pos);

  /** Normal elements {@code 2 first .. 2 (first + blocks) - 1} into {@code out[pos ..)}. */
  void normal(int k0, int k1, long first, int blocks, double[] out, int pos);

  /**
   * The vector implementation when the Vector API module is in the boot layer and the system
   * property {@code nde4j.kernels} is not {@code scalar} (the switch of {@link KernelSelection}),
   * the scalar one otherwise. Both give the same values; only the speed differs.
   */
  static BlockFill select() {
    if (!"scalar".equals(System.getProperty("nde4j.kernels"))
        && KernelSelection.vectorApiPresent()) {
      try {
        Class<?> c = Class.forName("org.nde4j.random.VectorBlockFill");
        Constructor<?> ctor = c.getDeclaredConstructor();
        return (BlockFill) ctor.newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        // fall through to the scalar fill; the values are the same
      }
    }
    return new ScalarBlockFill();
  }
}
