package org.nde4j.random;

import java.lang.reflect.Constructor;
import org.nde4j.kernel.KernelSelection;

/**
 * Writes whole groups of a {@link Key}'s streams. Group {@code g} of the uniform or normal stream
 * is elements {@code 16g .. 16g + 15}, made from the {@link #GROUP_BLOCKS} Philox4x32-10 blocks
 * {@code 8g .. 8g + 7} (block {@code b} encrypts counter {@code (lo32(b), hi32(b), 0, domain)}):
 * element {@code 16g + j} comes from block {@code 8g + j}'s output words 0 and 1, element
 * {@code 16g + 8 + j} from its words 2 and 3, as the class comment of {@link Key} defines. This
 * layout puts the two values of eight blocks in two runs of eight, so a vector fill stores and
 * loads them without shuffling lanes. Two implementations give the same bits: {@link
 * ScalarBlockFill} and, when the {@code jdk.incubator.vector} module is present and vectors are at
 * least 256 bits wide, {@code VectorBlockFill}, which evaluates the same IEEE operations lane by
 * lane.
 *
 * <p>Arguments are checked by {@link Key}: {@code groups >= 1}, {@code out[pos .. pos + 16
 * groups)} in range, {@code 16 (firstGroup + groups) <= 2^63}.
 */
interface BlockFill {
  /** Philox blocks per group. */
  int GROUP_BLOCKS = 8;
  /** Stream elements per group: two per block. */
  int GROUP = 2 * GROUP_BLOCKS;

  /** Uniform elements of groups {@code firstGroup ..} into {@code out[pos .. pos + 16 groups)}. */
  void uniform(int k0, int k1, long firstGroup, int groups, double[] out, int pos);

  /** Normal elements of groups {@code firstGroup ..} into {@code out[pos .. pos + 16 groups)}. */
  void normal(int k0, int k1, long firstGroup, int groups, double[] out, int pos);

  /**
   * The vector implementation when the Vector API module is in the boot layer, its preferred
   * vectors are at least 256 bits wide (the vector fill works on 256-bit vectors: eight blocks in
   * eight 32-bit lanes) and the system property {@code nde4j.kernels} is not {@code scalar} (the
   * switch of {@link KernelSelection}); the scalar one otherwise. Both give the same values; only
   * the speed differs.
   */
  static BlockFill select() {
    if (!"scalar".equals(System.getProperty("nde4j.kernels"))
        && KernelSelection.vectorApiPresent()) {
      try {
        Class<?> c = Class.forName("org.nde4j.random.VectorBlockFill");
        if ((boolean) c.getDeclaredMethod("supported").invoke(null)) {
          Constructor<?> ctor = c.getDeclaredConstructor();
          return (BlockFill) ctor.newInstance();
        }
      } catch (ReflectiveOperationException | LinkageError e) {
        // fall through to the scalar fill; the values are the same
      }
    }
    return new ScalarBlockFill();
  }
}
