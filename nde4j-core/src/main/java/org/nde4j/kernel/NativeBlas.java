package org.nde4j.kernel;

import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Row-major {@code dgemm} on the system BLAS (e.g. Debian's OpenBLAS, {@code libblas.so.3})
 * through {@code dev.ludovic.netlib}'s JNI binding. Netlib's {@code dgemm} is column-major
 * Fortran, and a row-major m×n matrix is the same memory as a column-major n×m one, so
 * {@code C = op(A)·op(B)} is computed as {@code Cᵀ = op(B)ᵀ·op(A)ᵀ} with the operands swapped and
 * each transpose flag kept.
 *
 * <p>Only {@link #load()} touches the binding; on a machine without a native BLAS (or without
 * the netlib jar) it returns {@code null} and nothing else in nde4j depends on this class.
 * OpenBLAS runs its own threads (set {@code OPENBLAS_NUM_THREADS} before the JVM starts to
 * limit them).
 */
public final class NativeBlas {
  /** Logger netlib warns on when no native library loads; silenced during the probe. */
  private static final String NETLIB_LOGGER = "dev.ludovic.netlib.blas.InstanceBuilder";

  private final NativeBLAS blas;

  private NativeBlas(NativeBLAS blas) {
    this.blas = blas;
  }

  /**
   * The system BLAS, or {@code null} when none can be loaded (no {@code libblas.so.3}, no netlib
   * jar, unsupported platform). Never throws; logs nothing.
   */
  public static NativeBlas load() {
    Logger log = Logger.getLogger(NETLIB_LOGGER);
    Level before = log.getLevel();
    log.setLevel(Level.OFF); // netlib warns on stderr when the library is missing
    try {
      NativeBLAS b = NativeBLAS.getInstance();
      return b == null ? null : new NativeBlas(b);
    } catch (RuntimeException | LinkageError e) {
      return null;
    } finally {
      log.setLevel(before);
    }
  }

  /** Implementation name reported by netlib, e.g. {@code "dev.ludovic.netlib.blas.JNIBLAS"}. */
  public String name() {
    return blas.getClass().getName();
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
   * {@code C = op(A)·op(B) + C}, row-major: the product added to what C holds. BLAS adds each
   * element's dot product to C once when {@code k} is within one of its k-blocks, so for such k
   * the result has the bits of the product followed by the addition.
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
