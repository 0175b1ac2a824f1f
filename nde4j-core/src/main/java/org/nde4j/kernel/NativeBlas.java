package org.nde4j.kernel;

import dev.ludovic.netlib.blas.NativeBLAS;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Row-major {@code dgemm} on a native BLAS through {@code dev.ludovic.netlib}'s JNI binding: the
 * library {@link BlasChoice} names (by default Debian's single-threaded BLIS when it is installed,
 * else the system {@code libblas.so.3}, e.g. OpenBLAS). Netlib's {@code dgemm} is column-major
 * Fortran, and a row-major m×n matrix is the same memory as a column-major n×m one, so
 * {@code C = op(A)·op(B)} is computed as {@code Cᵀ = op(B)ᵀ·op(A)ᵀ} with the operands swapped and
 * each transpose flag kept.
 *
 * <p>Only {@link #load()} touches the binding; on a machine without a native BLAS (or without
 * the netlib jar) it returns {@code null} and nothing else in nde4j depends on this class.
 * OpenBLAS runs its own threads (set {@code OPENBLAS_NUM_THREADS} before the JVM starts to
 * limit them). Netlib loads one library per JVM: the first {@link #load()} decides.
 */
public final class NativeBlas {
  /** Logger netlib warns on when no native library loads; silenced during the probe. */
  private static final String NETLIB_LOGGER = "dev.ludovic.netlib.blas.InstanceBuilder";

  /** Netlib's own property naming the library file; when set, it wins over {@code nde4j.blas}. */
  static final String NETLIB_PATH = "dev.ludovic.netlib.blas.nativeLibPath";

  private final NativeBLAS blas;
  private final String library;
  private final boolean addsProductOnce;

  private NativeBlas(NativeBLAS blas, List<String> mapped) {
    this.blas = blas;
    String file = mapped.stream().filter(p -> p.contains("/libblas.")).findFirst()
        .orElse(mapped.isEmpty() ? null : mapped.get(0));
    this.library = label(file);
    this.addsProductOnce = file != null && file.contains("openblas");
  }

  /**
   * The BLAS that {@link BlasChoice#libraryPath} picks for {@code nde4j.blas} (unless {@link
   * #NETLIB_PATH} is set), or {@code null} when none can be loaded (no library, no netlib jar,
   * unsupported platform). Logs nothing.
   *
   * @throws IllegalArgumentException when {@code nde4j.blas} holds a value that names no library
   *     (see {@link BlasChoice})
   */
  public static NativeBlas load() {
    if (System.getProperty(NETLIB_PATH) == null) {
      String path = BlasChoice.libraryPath(System.getProperty(BlasChoice.PROPERTY));
      if (path != null) {
        System.setProperty(NETLIB_PATH, path);
      }
    }
    Logger log = Logger.getLogger(NETLIB_LOGGER);
    Level before = log.getLevel();
    log.setLevel(Level.OFF); // netlib warns on stderr when the library is missing
    try {
      NativeBLAS b = NativeBLAS.getInstance();
      return b == null ? null : new NativeBlas(b, mappedBlasFiles());
    } catch (RuntimeException | LinkageError e) {
      return null;
    } finally {
      log.setLevel(before);
    }
  }

  /**
   * The library loaded, as its directory and file name (e.g. {@code
   * "blis-serial/libblas.so.3"}, {@code "openblas-pthread/libblas.so.3"}), read from the
   * process's memory map; {@code "unknown"} where there is none ({@code /proc/self/maps}).
   */
  public String library() {
    return library;
  }

  /**
   * Whether {@link #gemmAdd} gives, for {@code k ≤ 128}, the bits of the product followed by the
   * addition: true for OpenBLAS, whose kernels add each finished dot product to C once when k is
   * within one of its k-blocks (256 and more). Other libraries may add C into their accumulators
   * first or split the sum differently (BLIS 0.9 does for m = 512, n = 16, k = 64 with A
   * transposed), so for them a biased product is the product, then the addition.
   */
  public boolean addsProductOnce() {
    return addsProductOnce;
  }

  /** Files mapped into this process whose names say BLAS (the netlib JNI shim left out). */
  private static List<String> mappedBlasFiles() {
    try {
      return Files.readAllLines(Path.of("/proc/self/maps")).stream()
          .map(line -> line.substring(line.lastIndexOf(' ') + 1))
          .filter(f -> f.startsWith("/") && !f.contains("netlib"))
          .filter(f -> {
            String name = f.substring(f.lastIndexOf('/') + 1);
            return name.contains("blas") || name.contains("blis") || name.contains("mkl");
          })
          .distinct()
          .toList();
    } catch (IOException | RuntimeException e) { // not Linux, or no /proc
      return List.of();
    }
  }

  /** {@code dir/file} of the library's path, or {@code "unknown"} for {@code null}. */
  private static String label(String f) {
    if (f == null) {
      return "unknown";
    }
    Path p = Path.of(f);
    return p.getParent() == null || p.getParent().getFileName() == null ? f
        : p.getParent().getFileName() + "/" + p.getFileName();
  }

  /**
   * {@code C = op(A)·op(B)}, row-major, C overwritten; the same contract as
   * {@link Kernels#gemm}. Array bounds are checked by netlib before the native call.
   */
  public void gemm(boolean ta, boolean tb, int m, int n, int k,
      double[] a, int ao, double[] b, int bo, double[] c, int co) {
    if (m > 0 && n > 0 && k == 0) { // netlib's index checks reject the degenerate dimensions
      java.util.Arrays.fill(c, co, co + m * n, 0.0);
      return;
    }
    gemm(ta, tb, m, n, k, a, ao, b, bo, 0.0, c, co);
  }

  /**
   * {@code C = op(A)·op(B) + C}, row-major: the product added to what C holds. How the addition
   * rounds is the library's; see {@link #addsProductOnce()}.
   */
  public void gemmAdd(boolean ta, boolean tb, int m, int n, int k,
      double[] a, int ao, double[] b, int bo, double[] c, int co) {
    if (k > 0) {
      gemm(ta, tb, m, n, k, a, ao, b, bo, 1.0, c, co);
    }
  }

  private void gemm(boolean ta, boolean tb, int m, int n, int k,
      double[] a, int ao, double[] b, int bo, double beta, double[] c, int co) {
    if (m == 0 || n == 0) {
      return;
    }
    // Column-major view: Cᵀ (n×m, ld n) = op(B)ᵀ (n×k) · op(A)ᵀ (k×m).
    // Row-major B is k×n (ld n) or, when tb, n×k (ld k); likewise A.
    int ldb = tb ? k : n;
    int lda = ta ? m : k;
    blas.dgemm(tb ? "T" : "N", ta ? "T" : "N", n, m, k, 1.0,
        b, bo, Math.max(1, ldb), a, ao, Math.max(1, lda), beta, c, co, Math.max(1, n));
  }
}
