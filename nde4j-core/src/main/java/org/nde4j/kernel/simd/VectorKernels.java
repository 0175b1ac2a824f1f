package org.nde4j.kernel.simd;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.nde4j.kernel.Kernels;

/**
 * {@link Kernels} on the incubating Vector API ({@code jdk.incubator.vector}, JDK 17+), using
 * {@link DoubleVector#SPECIES_PREFERRED} (4 lanes on AVX2).
 *
 * <p><b>Products.</b> Chosen by shape, all with the same contract (C overwritten, any transposes,
 * offsets): under {@value #SMALL_WORK} multiply-adds a register-blocked scalar loop; from
 * {@value #PACKED_WORK} on (with m ≥ 4, n ≥ one vector) a packed 4 × 2-vector micro-kernel
 * (Goto/BLIS layout); in between, kernels that read A and B in place — 4 × 2-vector register
 * blocks (2 × 4 vectors for 1–3 rows), {@link TinyGemm} when k ≤ 2 or n = 2 (the layers of a
 * network with two inputs or outputs), or dot products along k when op(B) is stored transposed
 * or n is below one vector — transposing one small operand into scratch where that avoids strided
 * loads. With k, m or n equal to 1 both layouts of the operand concerned are the same memory, so
 * the transpose flags are first set to whichever the faster kernel reads.
 * Scratch lives in per-thread buffers that grow once, so after warm-up a call allocates nothing;
 * the class is stateless and thread-safe. The summation order differs from a naive loop, so
 * results agree with it to rounding (≤ k·u·Σ|a||b|), not bitwise.
 *
 * <p><b>Elementary functions.</b> exp, tanh, sigmoid and softplus share one exponential:
 * Cody–Waite reduction {@code x = k·ln2 + r} with a two-part ln2 (Cody &amp; Waite, <i>Software
 * Manual for the Elementary Functions</i>, 1980), a degree-12 Taylor polynomial for
 * {@code (e^r − 1)/r}, and {@code 2^k} assembled from raw exponent bits after the 1.5·2^52
 * "magic number" rounding (Muller, <i>Elementary Functions</i>, 3rd ed., 2016), since AVX2 has
 * no double→long conversion. tanh evaluates e^r by a [5/5] Padé form instead, so that
 * {@code (e^{2|x|} − 1)/(e^{2|x|} + 1)} costs one division and two short polynomials, written so
 * that small arguments keep full relative accuracy. Measured maximum errors against fdlibm
 * ({@code StrictMath}) based references: exp 1 ulp (subnormal results within one subnormal ulp),
 * tanh 5e-16 absolute and 3e-15 relative, sigmoid 3 ulp, softplus 4 ulp — all far inside the
 * 1e-14 contract (≈ 45 ulp). Limits: NaN propagates, exp(+inf) = inf, exp(−inf) = 0,
 * tanh(±inf) = ±1, tanh(−0) = −0, and sigmoid / softplus never overflow internally (they only
 * evaluate e^{−|x|}).
 * The built-in {@code VectorOperators.EXP/TANH} are not used: they are not intrinsified on
 * this hardware and cost ~35 ns per element.
 */
public final class VectorKernels implements Kernels {
  /** Below this many multiply-adds a product runs scalar. */
  static final long SMALL_WORK = 64;
  /** From this many multiply-adds on, packing pays for itself. */
  static final long PACKED_WORK = 32_768;
  private static final int V = DoubleVector.SPECIES_PREFERRED.length();

  /**
   * Creates the (stateless) kernels; fails with a {@link LinkageError} without the module. Runs
   * every kernel once on a small input first (see {@link #initializeVectorClasses()}).
   */
  public VectorKernels() {
    initializeVectorClasses();
  }

  /**
   * Executes each kernel once, so that every Vector API class they touch (vector, mask and shuffle
   * shapes, operators) is loaded and initialized before C2 compiles a kernel. C2 only intrinsifies
   * a Vector API call whose classes are initialized; when a kernel's loop was compiled while one
   * of them still was not (a race with the first execution, seen in about one launch in five),
   * the compiled loop boxed its vectors — megabytes per call and several times slower — for the
   * rest of the run.
   */
  private void initializeVectorClasses() {
    int n = 3 * VectorMath.CHUNK + 7;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = -40 + 80.0 * i / (n - 1);
    }
    exp(x, 0, y, 0, n);
    tanh(x, 0, y, 0, n);
    sigmoid(x, 0, y, 0, n);
    softplus(x, 0, y, 0, n);
    softplusSigmoid(x, 0, y, 0, Arrays.copyOf(y, n), 0, n);
    softplusSlope(x, 0, y, 0, n);
    for (int[] shape : new int[][] {{1, 8, 8}, {8, 8, 1}, {8, 2, 8}, {8, 8, 2}, {2, 8, 8},
        {8, 9, 8}, {40, 40, 40}}) {
      int m = shape[0];
      int cols = shape[1];
      int k = shape[2];
      double[] a = Arrays.copyOf(x, m * k);
      double[] b = Arrays.copyOf(x, k * cols);
      double[] c = new double[m * cols];
      for (boolean ta : new boolean[] {false, true}) {
        for (boolean tb : new boolean[] {false, true}) {
          gemm(ta, tb, m, cols, k, a, 0, b, 0, c, 0);
        }
      }
      addRows(b, 0, c, 0, m, cols);
    }
  }

  @Override
  public String name() {
    return "vector-api(" + V + " lanes)";
  }

  @Override
  public void gemm(boolean ta, boolean tb, int m, int n, int k,
      double[] a, int ao, double[] b, int bo, double[] c, int co) {
    product(ta, tb, m, n, k, a, ao, b, bo, null, 0, c, co);
  }

  /**
   * The tiny-layer kernels ({@link TinyGemm}) add the bias while each output vector is still in a
   * register; every other path adds it in a second pass ({@link #addRows}). Same bits either way.
   */
  @Override
  public void gemmBias(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao,
      double[] b, int bo, double[] bias, int biaso, double[] c, int co) {
    product(ta, tb, m, n, k, a, ao, b, bo, bias, biaso, c, co);
  }

  /** {@link #gemm}, plus the bias row when {@code bias} is not null. */
  private void product(boolean ta, boolean tb, int m, int n, int k,
      double[] a, int ao, double[] b, int bo, double[] bias, int biaso, double[] c, int co) {
    if (m < 0 || n < 0 || k < 0) {
      throw new IllegalArgumentException("gemm: negative shape m=" + m + " n=" + n + " k=" + k);
    }
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      Arrays.fill(c, co, co + m * n, 0.0);
      addBias(bias, biaso, c, co, m, n);
      return;
    }
    if (k == 1) {
      // A (m×1 or 1×m) and B (1×n or n×1) have one layout each way; ta lets the tall kernel in.
      ta = true;
      tb = false;
    }
    if (m == 1) {
      ta = false;
    }
    if (n == 1) {
      tb = false;
    }
    long work = (long) m * n * k;
    if (work < SMALL_WORK) {
      StridedGemm.gemm(0, m, 0, n, k, a, ao, ta ? 1 : k, ta ? m : 1, b, bo, tb ? 1 : n,
          tb ? k : 1, c, co, n);
    } else if (work >= PACKED_WORK && m >= PackedGemm.MR && n >= V) {
      PackedGemm.gemm(ta, tb, m, n, k, a, ao, b, bo, c, co);
    } else if (unpacked(ta, tb, m, n, k, a, ao, b, bo, bias, biaso, c, co)) {
      return;
    }
    addBias(bias, biaso, c, co, m, n);
  }

  private void addBias(double[] bias, int biaso, double[] c, int co, int rows, int n) {
    if (bias != null) {
      addRows(bias, biaso, c, co, rows, n);
    }
  }

  /**
   * Small and medium products: pick the kernel whose inner loop runs along a long, contiguous
   * dimension, transposing an operand into scratch only when that costs far less than the product.
   *
   * @return whether the bias (if any) was added too
   */
  private static boolean unpacked(boolean ta, boolean tb, int m, int n, int k,
      double[] a, int ao, double[] b, int bo, double[] bias, int biaso, double[] c, int co) {
    int sai = ta ? 1 : k;
    int sap = ta ? m : 1;
    if (TinyGemm.ENABLED) {
      if (k <= 2 && n >= 4) {
        // k = 1 arrives with tb false; for k = 2 transposing B (2n values) is cheap.
        double[] bb = tb ? transpose(b, bo, n, k) : b;
        int bbo = tb ? 0 : bo;
        if (m >= 4) {
          TinyGemm.k2(m, n, k, a, ao, sai, sap, bb, bbo, bias, biaso, c, co);
          return true;
        }
        // One to three rows: a row of axpys has the least set-up per output vector.
        SmallGemm.axpy(m, n, k, a, ao, sai, sap, bb, bbo, n, c, co, n);
        return false;
      }
      if (n == 2 && !ta && k >= 4) {
        if (tb) {
          TinyGemm.dot2(m, k, a, ao, k, b, bo, k, bias, biaso, c, co);
        } else {
          TinyGemm.dot2(m, k, a, ao, k, transpose(b, bo, k, n), 0, k, bias, biaso, c, co);
        }
        return true;
      }
      if (n == 2 && ta && m >= 4) {
        TinyGemm.tall2(m, k, a, ao, b, bo, tb ? 1 : 2, tb ? k : 1, c, co);
        return false;
      }
    }
    if (!tb && n >= V) {
      rowMajorB(m, n, k, a, ao, sai, sap, b, bo, c, co);
    } else if (tb && !ta && k >= 2 * V) {
      SmallGemm.dot(m, n, k, a, ao, k, b, bo, k, c, co, n);
    } else if (ta && m >= V && n < V) {
      // Only m is wide: compute Cᵀ (n×m) along the rows of A (stored k×m), then transpose.
      double[] ct = KernelScratch.get().c(n * m);
      SmallGemm.axpy(n, m, k, b, bo, tb ? k : 1, tb ? 1 : n, a, ao, m, ct, 0, m);
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < m; i++) {
          c[co + i * n + j] = ct[j * m + i];
        }
      }
    } else if (tb && n >= V) {
      double[] bt = transpose(b, bo, n, k); // B stored n×k → k×n
      rowMajorB(m, n, k, a, ao, sai, sap, bt, 0, c, co);
    } else if (!tb && !ta && k >= 2 * V) {
      double[] bt = transpose(b, bo, k, n); // B stored k×n → n×k, rows contiguous in p
      SmallGemm.dot(m, n, k, a, ao, k, bt, 0, k, c, co, n);
    } else {
      StridedGemm.gemm(0, m, 0, n, k, a, ao, sai, sap, b, bo, tb ? 1 : n, tb ? k : 1, c, co, n);
    }
    return false;
  }

  @Override
  public void addRows(double[] row, int ro, double[] c, int co, int rows, int n) {
    // Vector API: C2 on JDK 17 does not vectorise a loop whose two arrays start at different
    // unknown offsets, which is what a row-broadcast add is.
    VectorSpecies<Double> s = DoubleVector.SPECIES_PREFERRED;
    int end = s.loopBound(n);
    for (int r = 0; r < rows; r++) {
      int base = co + r * n;
      int j = 0;
      for (; j < end; j += s.length()) {
        DoubleVector.fromArray(s, c, base + j).add(DoubleVector.fromArray(s, row, ro + j))
            .intoArray(c, base + j);
      }
      for (; j < n; j++) {
        c[base + j] += row[ro + j];
      }
    }
  }

  /**
   * One streaming pass over the rows, four at a time, adding each group into {@code o} (which
   * stays in L1): the rows are read once in memory order whatever their number, and the sums are
   * those of the default's order.
   */
  @Override
  public void sumRows(double[] a, int ao, int rows, int n, double[] o, int oo) {
    VectorSpecies<Double> s = DoubleVector.SPECIES_PREFERRED;
    int end = s.loopBound(n);
    Arrays.fill(o, oo, oo + n, 0.0);
    int r = 0;
    for (; r + 3 < rows; r += 4) {
      int b = ao + r * n;
      int j = 0;
      for (; j < end; j += s.length()) {
        DoubleVector u = DoubleVector.fromArray(s, a, b + j)
            .add(DoubleVector.fromArray(s, a, b + n + j));
        DoubleVector v = DoubleVector.fromArray(s, a, b + 2 * n + j)
            .add(DoubleVector.fromArray(s, a, b + 3 * n + j));
        DoubleVector.fromArray(s, o, oo + j).add(u.add(v)).intoArray(o, oo + j);
      }
      for (; j < n; j++) {
        o[oo + j] += (a[b + j] + a[b + n + j]) + (a[b + 2 * n + j] + a[b + 3 * n + j]);
      }
    }
    for (; r < rows; r++) {
      addRows(a, ao + r * n, o, oo, 1, n);
    }
  }

  /** op(B) row-major k×n at {@code bo} (n ≥ V). */
  private static void rowMajorB(int m, int n, int k, double[] a, int ao, int sai, int sap,
      double[] b, int bo, double[] c, int co) {
    DirectGemm.gemm(m, n, k, a, ao, sai, sap, b, bo, n, c, co);
  }

  /** Copies the rows×cols matrix at {@code src[so]} transposed into per-thread scratch. */
  private static double[] transpose(double[] src, int so, int rows, int cols) {
    double[] t = KernelScratch.get().b(rows * cols);
    if (cols == 2) {
      // Tiny layers (a width-2 input or output): de-interleave without a two-trip inner loop.
      for (int r = 0; r < rows; r++) {
        t[r] = src[so + 2 * r];
        t[rows + r] = src[so + 2 * r + 1];
      }
      return t;
    }
    for (int r = 0; r < rows; r++) {
      int s = so + r * cols;
      for (int q = 0; q < cols; q++) {
        t[q * rows + r] = src[s + q];
      }
    }
    return t;
  }

  @Override
  public void exp(double[] x, int xo, double[] y, int yo, int n) {
    VectorMath.exp(x, xo, y, yo, n);
  }

  @Override
  public void tanh(double[] x, int xo, double[] y, int yo, int n) {
    VectorMath.tanh(x, xo, y, yo, n);
  }

  @Override
  public void sigmoid(double[] x, int xo, double[] y, int yo, int n) {
    VectorMath.sigmoid(x, xo, y, yo, n);
  }

  @Override
  public void softplus(double[] x, int xo, double[] y, int yo, int n) {
    VectorMath.softplus(x, xo, y, yo, n);
  }

  @Override
  public void softplusSlope(double[] x, int xo, double[] y, int yo, int n) {
    VectorMath.softplusSlope(x, xo, y, yo, n);
  }

  @Override
  public void softplusSigmoid(double[] x, int xo, double[] y, int yo, double[] s, int so,
      int n) {
    VectorMath.softplusSigmoid(x, xo, y, yo, s, so, n);
  }
}
