package org.nde4j.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which native BLAS the system property {@code nde4j.blas} asks for:
 * <ul>
 *   <li>{@code auto} (the default): Debian's single-threaded BLIS ({@code libblis4-serial}) when
 *       it is installed, else the system {@code libblas.so.3};</li>
 *   <li>{@code blis}: that BLIS, which must be installed;</li>
 *   <li>{@code system}: the system {@code libblas.so.3} (on Debian, the highest-priority
 *       alternative, e.g. OpenBLAS);</li>
 *   <li>the absolute path of a BLAS library file;</li>
 *   <li>{@code off}: no native BLAS ({@link KernelSelection} handles it).</li>
 * </ul>
 *
 * <p>Why BLIS first: its small-matrix ("sup") kernels run the products of neural-network layers,
 * a few hundred rows by 16–128 columns, 1.1–1.7× faster than OpenBLAS 0.3.21 on one core (all
 * but one of the products of workloads W4 and W5 in {@code bin/nde4j bench core}; the exception
 * is W4's 128×256×128 weight gradient, 0.78×). It has no threads of its own; {@link
 * Parallel#setThreads} splits large products over nde4j's pool, or {@code -Dnde4j.blas=system}
 * brings back OpenBLAS and its threads.
 */
public final class BlasChoice {
  /** The system property read. */
  public static final String PROPERTY = "nde4j.blas";

  private BlasChoice() {}

  /** Whether {@code value} (the property's value, may be {@code null}) is {@code off}. */
  public static boolean isOff(String value) {
    return value != null && value.trim().equalsIgnoreCase("off");
  }

  /**
   * The library file {@code value} asks for, or {@code null} for netlib's default (the system
   * {@code libblas.so.3}); {@code null} also for {@code off}, which callers check first.
   *
   * @param value the property's value; {@code null} or empty means {@code auto}
   * @throws IllegalArgumentException naming the value when it is none of the forms above, names
   *     a file that does not exist, or asks for BLIS where it is not installed
   */
  public static String libraryPath(String value) {
    String v = value == null ? "" : value.trim();
    switch (v.toLowerCase(Locale.ROOT)) {
      case "":
      case "auto": {
        Path blis = blisSerial();
        return blis != null && Files.isRegularFile(blis) ? blis.toString() : null;
      }
      case "system":
      case "off":
        return null;
      case "blis": {
        Path blis = blisSerial();
        if (blis == null || !Files.isRegularFile(blis)) {
          throw new IllegalArgumentException(PROPERTY + "=blis, but BLIS is not installed"
              + (blis == null ? " for " + System.getProperty("os.arch")
                  : " (no " + blis + "; Debian package libblis4-serial)")
              + "; use " + PROPERTY + "=auto, system or off");
        }
        return blis.toString();
      }
      default:
        if (!v.startsWith("/")) {
          throw new IllegalArgumentException(PROPERTY + "=" + value + ": expected auto, blis, "
              + "system, off or the absolute path of a BLAS library file");
        }
        if (!Files.isRegularFile(Path.of(v))) {
          throw new IllegalArgumentException(PROPERTY + "=" + value + ": no such file");
        }
        return v;
    }
  }

  /** Where Debian's {@code libblis4-serial} puts its BLAS interface, or {@code null}. */
  static Path blisSerial() {
    String triplet;
    switch (System.getProperty("os.arch", "")) {
      case "amd64":
      case "x86_64":
        triplet = "x86_64-linux-gnu";
        break;
      case "aarch64":
        triplet = "aarch64-linux-gnu";
        break;
      default:
        return null;
    }
    return Path.of("/usr/lib", triplet, "blis-serial", "libblas.so.3");
  }
}
