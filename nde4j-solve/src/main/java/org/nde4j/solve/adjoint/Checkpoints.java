package org.nde4j.solve.adjoint;

import java.util.ArrayDeque;

/**
 * Forward checkpoints under a cap, for steps whose number is not known in advance: the start state
 * of every {@code stride}-th step is kept; when more than {@code cap} are held the stride doubles
 * and every other checkpoint is dropped, so the kept ones stay evenly spaced (at most twice as far
 * apart as {@code steps / cap}). Also the pool of state arrays the backward pass borrows, and the
 * count of states held, for {@link Recording#peakStoredStates()}.
 */
final class Checkpoints {
  private final int n;
  private final int cap;
  private int stride = 1;
  private int count;
  private int[] index = new int[16];
  private double[][] states = new double[16][];
  private final ArrayDeque<double[]> pool = new ArrayDeque<>();
  private long held;
  private long peak;

  /**
   * @param spare arrays of an earlier store ({@link #recycle}) to take before allocating; those
   *     of another length are ignored
   */
  Checkpoints(int n, int cap, ArrayDeque<double[]> spare) {
    this.n = n;
    this.cap = Math.max(1, cap);
    for (double[] a : spare) {
      if (a.length == n) {
        pool.push(a);
      }
    }
    spare.clear();
  }

  /** Offers the start state of step {@code k} (steps arrive in order from 0). */
  void offer(int k, double[] y) {
    if (k % stride != 0) {
      return;
    }
    while (count >= cap) {
      thin();
      if (k % stride != 0) {
        return;
      }
    }
    if (count == index.length) {
      index = java.util.Arrays.copyOf(index, 2 * count);
      states = java.util.Arrays.copyOf(states, 2 * count);
    }
    double[] copy = take();
    System.arraycopy(y, 0, copy, 0, n);
    index[count] = k;
    states[count++] = copy;
  }

  /** Doubles the stride, dropping the checkpoints off it. */
  private void thin() {
    stride *= 2;
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (index[i] % stride == 0) {
        index[kept] = index[i];
        states[kept++] = states[i];
      } else {
        give(states[i]);
      }
    }
    java.util.Arrays.fill(states, kept, count, null);
    count = kept;
  }

  int count() {
    return count;
  }

  int step(int i) {
    return index[i];
  }

  double[] state(int i) {
    return states[i];
  }

  /** Borrows a state array (counted as held). */
  double[] take() {
    held++;
    peak = Math.max(peak, held);
    double[] a = pool.poll();
    return a != null ? a : new double[n];
  }

  /** Returns a borrowed array. */
  void give(double[] a) {
    held--;
    pool.push(a);
  }

  long peak() {
    return peak;
  }

  /** Hands every state array to {@code out} for a later store; this one is empty afterwards. */
  void recycle(ArrayDeque<double[]> out) {
    for (int i = 0; i < count; i++) {
      out.add(states[i]);
      states[i] = null;
    }
    out.addAll(pool);
    pool.clear();
    count = 0;
  }
}
