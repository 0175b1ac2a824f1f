package org.nde4j.solve.adjoint;

/**
 * The step times {@code t_0, t_1, …} of a fixed-step solve, kept as runs on the grid {@code t0 +
 * j·d} rather than one by one: a run starting at step {@code k0} with grid index {@code j0} gives
 * {@code t_k = t0 + (j0 + k − k0)·d}, evaluated as the constant step-size controller evaluates its
 * step ends, so the times come back bit for bit. Times off the grid (save times the steps were
 * clipped to, and the step after each) are runs of one raw value. A fixed-step solve with {@code
 * m} save times thus keeps {@code O(m)} scalars whatever its number of steps.
 */
final class StepGrid {
  private static final long RAW = Long.MIN_VALUE;
  private final double t0;
  private final double d;
  private int[] start = new int[8];
  private long[] index = new long[8];
  private double[] value = new double[8];
  private int runs;
  private int size;

  /**
   * @param t0 the grid's origin (the solve's start)
   * @param d the signed step of the grid
   */
  StepGrid(double t0, double d) {
    this.t0 = t0;
    this.d = d;
  }

  /** Appends the next step time. */
  void add(double t) {
    int k = size++;
    if (runs > 0 && index[runs - 1] != RAW
        && t0 + (double) (index[runs - 1] + k - start[runs - 1]) * d == t) {
      return;
    }
    long j = Math.round((t - t0) / d);
    if (runs == start.length) {
      start = java.util.Arrays.copyOf(start, 2 * runs);
      index = java.util.Arrays.copyOf(index, 2 * runs);
      value = java.util.Arrays.copyOf(value, 2 * runs);
    }
    start[runs] = k;
    boolean onGrid = t0 + (double) j * d == t;
    index[runs] = onGrid ? j : RAW;
    value[runs++] = t;
  }

  /** Step time {@code k} (0 ≤ k < number added). */
  double time(int k) {
    int lo = 0;
    int hi = runs - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (start[mid] <= k) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return index[lo] == RAW ? value[lo] : t0 + (double) (index[lo] + k - start[lo]) * d;
  }

  /** Number of runs kept. */
  int runs() {
    return runs;
  }
}
