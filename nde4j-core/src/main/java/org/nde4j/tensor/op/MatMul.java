package org.nde4j.tensor.op;

import org.nde4j.kernel.Kernels;
import org.nde4j.kernel.Parallel;
import org.nde4j.tensor.Kernel;
import org.nde4j.tensor.Op;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/**
 * Batched matrix product {@code op(A) · op(B)} over the last two axes, batch axes broadcast;
 * {@code op} transposes the last two axes when its flag is set (so VJPs need no transpose copies).
 * Large products are split across {@link Parallel} threads (by batch, or by fixed blocks of rows
 * of A) when more than one thread is configured; the result is the same bit for bit whatever the
 * thread count, since the blocks do not depend on it.
 */
public final class MatMul implements Op {
  private static final MatMul[] CACHE = {
      new MatMul(false, false), new MatMul(false, true), new MatMul(true, false),
      new MatMul(true, true)};

  private final boolean ta;
  private final boolean tb;

  private MatMul(boolean ta, boolean tb) {
    this.ta = ta;
    this.tb = tb;
  }

  public static MatMul of(boolean ta, boolean tb) {
    return CACHE[(ta ? 2 : 0) + (tb ? 1 : 0)];
  }

  public boolean transposeA() {
    return ta;
  }

  public boolean transposeB() {
    return tb;
  }

  @Override
  public String name() {
    return "matmul";
  }

  @Override
  public Shape outputShape(Shape... in) {
    Arity.check(this, in, 2);
    Shape a = in[0];
    Shape b = in[1];
    if (a.rank() < 2 || b.rank() < 2) {
      throw new ShapeException("matmul: operands need rank >= 2, got " + a + " and " + b);
    }
    int m = ta ? a.dim(-1) : a.dim(-2);
    int ka = ta ? a.dim(-2) : a.dim(-1);
    int kb = tb ? b.dim(-1) : b.dim(-2);
    int n = tb ? b.dim(-2) : b.dim(-1);
    if (ka != kb) {
      throw new ShapeException("matmul: inner dimensions differ: " + a + (ta ? "ᵀ" : "") + " and "
          + b + (tb ? "ᵀ" : "") + " (" + ka + " vs " + kb + ")");
    }
    Shape batch = Shape.broadcast(name(), batchOf(a), batchOf(b));
    return batch.insert(batch.rank(), m).insert(batch.rank() + 1, n);
  }

  static Shape batchOf(Shape s) {
    int[] d = s.dims();
    return Shape.of(java.util.Arrays.copyOf(d, d.length - 2));
  }

  @Override
  public Kernel kernel(Shape[] in, Shape out) {
    Shape a = in[0];
    Shape b = in[1];
    int m = out.dim(-2);
    int n = out.dim(-1);
    int k = ta ? a.dim(-2) : a.dim(-1);
    Shape batch = batchOf(out);
    int nb = batch.size();
    int[] aOff = new int[nb];
    int[] bOff = new int[nb];
    if (batch.rank() > 0) {
      Broadcast bc = new Broadcast(batch, batchOf(a), batchOf(b));
      int idx = 0;
      for (int r = 0; r < bc.rows; r++) {
        for (int i = 0; i < bc.inner; i++, idx++) {
          aOff[idx] = (bc.offset[0][r] + i * bc.innerStride[0]) * m * k;
          bOff[idx] = (bc.offset[1][r] + i * bc.innerStride[1]) * k * n;
        }
      }
    }
    boolean fta = ta;
    boolean ftb = tb;
    int mn = m * n;
    long work = (long) m * n * k * nb;
    if (nb == 1) {
      return unbatched(fta, ftb, m, n, k, 0, 0);
    }
    return (x, o) -> {
      if (work >= PARALLEL_MIN_WORK && Parallel.threads() > 1) {
        Parallel.forRange(nb, 1, (from, to) -> {
          for (int i = from; i < to; i++) {
            Kernels.get().gemm(fta, ftb, m, n, k, x[0], aOff[i], x[1], bOff[i], o, i * mn);
          }
        });
        return;
      }
      Kernels kk = Kernels.get();
      for (int i = 0; i < nb; i++) {
        kk.gemm(fta, ftb, m, n, k, x[0], aOff[i], x[1], bOff[i], o, i * mn);
      }
    };
  }

  /**
   * Products smaller than this many multiply-adds stay on the calling thread even when {@link
   * Parallel#threads()} is above 1: below it, handing work to the pool costs more than it saves.
   */
  static final long PARALLEL_MIN_WORK = 1L << 20;

  /** Rows per block of a large product (see {@link #kernel}). */
  static final int ROW_BLOCK = 128;

  /**
   * Whether the kernel of an unbatched {@code m × k · k × n} product is one call of the GEMM
   * kernel (otherwise fixed blocks of rows, see {@link #unbatched}).
   */
  public static boolean runsAsOneGemm(boolean ta, int m, int n, int k) {
    return (long) m * n * k < PARALLEL_MIN_WORK || ta || m <= ROW_BLOCK;
  }

  /**
   * The kernel of an unbatched {@code op(A) · op(B)} (m×n, inner size k) whose operands start at
   * {@code ao} in {@code x[0]} and {@code bo} in {@code x[1]}: one call of the GEMM kernel, or,
   * for a large product ({@link #runsAsOneGemm} false), fixed blocks of {@value #ROW_BLOCK} rows
   * split across {@link Parallel} threads when more than one is configured. This is the kernel
   * {@link #kernel} builds for a 2-D product (offsets 0); a compiled plan reading weights sliced
   * out of a flat parameter vector uses it with the slices' offsets and gets the same bits.
   */
  public static Kernel unbatched(boolean ta, boolean tb, int m, int n, int k, int ao, int bo) {
    if (runsAsOneGemm(ta, m, n, k)) {
      return (x, o) -> Kernels.get().gemm(ta, tb, m, n, k, x[0], ao, x[1], bo, o, 0);
    }
    // Large products run as fixed blocks of rows whatever the thread count, so that splitting
    // them across threads cannot change a single bit of the result.
    int blocks = (m + ROW_BLOCK - 1) / ROW_BLOCK;
    return (x, o) -> {
      if (Parallel.threads() > 1) {
        Parallel.forRange(blocks, 1, (from, to) -> rowBlocks(tb, m, n, k, x, ao, bo, o, from, to));
      } else {
        rowBlocks(tb, m, n, k, x, ao, bo, o, 0, blocks);
      }
    };
  }

  /**
   * {@link #unbatched} plus a bias row read from {@code x[2]} at {@code co} and added to every
   * row of the product: bitwise the product followed by the add (see {@link Kernels#gemmBias}).
   */
  public static Kernel unbatchedBiased(boolean ta, boolean tb, int m, int n, int k, int ao,
      int bo, int co) {
    if (runsAsOneGemm(ta, m, n, k)) {
      return (x, o) -> Kernels.get().gemmBias(ta, tb, m, n, k, x[0], ao, x[1], bo, x[2], co, o, 0);
    }
    Kernel mm = unbatched(ta, tb, m, n, k, ao, bo);
    return (x, o) -> {
      mm.run(x, o);
      Kernels.get().addRows(x[2], co, o, 0, m, n);
    };
  }

  private static void rowBlocks(boolean tb, int m, int n, int k, double[][] x, int ao, int bo,
      double[] o, int from, int to) {
    Kernels kk = Kernels.get();
    for (int b = from; b < to; b++) {
      int r0 = b * ROW_BLOCK;
      int rows = Math.min(ROW_BLOCK, m - r0);
      kk.gemm(false, tb, rows, n, k, x[0], ao + r0 * k, x[1], bo, o, r0 * n);
    }
  }

  @Override
  public Tensor[] vjp(Tensor[] in, Tensor out, Tensor g) {
    Tensor a = in[0];
    Tensor b = in[1];
    // C = op(A) op(B): dop(A) = G op(B)^T, dop(B) = op(A)^T G; transpose back where op transposed.
    Tensor ga = ta ? b.matmul(g, tb, true) : g.matmul(b, false, !tb);
    Tensor gb = tb ? g.matmul(a, true, ta) : a.matmul(g, !ta, false);
    return new Tensor[] {ga.sumTo(a.shape()), gb.sumTo(b.shape())};
  }

  @Override
  public Tensor jvp(Tensor[] in, Tensor out, Tensor[] t) {
    Tensor r = null;
    if (t[0] != null) {
      r = t[0].matmul(in[1], ta, tb);
    }
    if (t[1] != null) {
      Tensor c = in[0].matmul(t[1], ta, tb);
      r = r == null ? c : r.add(c);
    }
    return r == null ? null : r.broadcastTo(out.shape());
  }

  @Override
  public String toString() {
    return "matmul" + (ta ? "[Aᵀ]" : "") + (tb ? "[Bᵀ]" : "");
  }
}
