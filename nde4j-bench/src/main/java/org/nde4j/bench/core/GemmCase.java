package org.nde4j.bench.core;

import org.nde4j.bench.BenchCase;
import org.nde4j.kernel.Kernels;
import org.nde4j.random.Key;

/**
 * One {@code Kernels.get().gemm} call {@code C = op(A)·op(B)} with {@code op(A)} m×k and {@code
 * op(B)} k×n. Named {@code dgemm_MxKxN}, with suffix {@code _ta} / {@code _tb} when A / B is
 * stored transposed (as in the VJP of a matmul). {@link #error()} compares with a plain triple
 * loop (on 64 evenly spaced rows of a large product).
 */
final class GemmCase implements BenchCase {
  /** Products up to this many multiply-adds are checked on every row. */
  private static final long CHECK_ALL_WORK = 1L << 24;

  private final int m;
  private final int n;
  private final int k;
  private final boolean ta;
  private final boolean tb;
  private final Kernels kernels = Kernels.get();
  private double[] a;
  private double[] b;
  private double[] c;
  private double error;

  GemmCase(int m, int k, int n, boolean ta, boolean tb) {
    this.m = m;
    this.n = n;
    this.k = k;
    this.ta = ta;
    this.tb = tb;
  }

  @Override
  public String name() {
    return "dgemm_" + m + "x" + k + "x" + n + (ta ? "_ta" : "") + (tb ? "_tb" : "");
  }

  @Override
  public void prepare() {
    Key[] keys = Key.of(11).split(2);
    a = new double[m * k];
    b = new double[k * n];
    c = new double[m * n];
    keys[0].normal(a, 0, a.length);
    keys[1].normal(b, 0, b.length);
    kernels.gemm(ta, tb, m, n, k, a, 0, b, 0, c, 0);
    error = 0;
    for (int i = 0; i < m; i += rowStep()) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          s += a[ta ? p * m + i : i * k + p] * b[tb ? j * k + p : p * n + j];
        }
        error = Math.max(error, Math.abs(s - c[i * n + j]));
      }
    }
  }

  /** Rows the error check skips between checked ones: every row unless the product is large. */
  private int rowStep() {
    return (long) m * n * k <= CHECK_ALL_WORK ? 1 : Math.max(1, m / 64);
  }

  @Override
  public double call() {
    kernels.gemm(ta, tb, m, n, k, a, 0, b, 0, c, 0);
    return c[0];
  }

  @Override
  public double flops() {
    return 2.0 * m * n * k;
  }

  @Override
  public Double error() {
    return error;
  }

  @Override
  public String note() {
    return "m=" + m + " k=" + k + " n=" + n + "; error vs triple loop"
        + (rowStep() > 1 ? " on one row in " + rowStep() : "");
  }
}
