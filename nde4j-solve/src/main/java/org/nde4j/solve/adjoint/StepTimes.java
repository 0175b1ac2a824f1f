package org.nde4j.solve.adjoint;

/** A growable list of step times {@code t_0, t_1, …} (two doubles' worth per step at most). */
final class StepTimes {
  private double[] t = new double[64];
  private int size;

  void add(double v) {
    if (size == t.length) {
      t = java.util.Arrays.copyOf(t, 2 * size);
    }
    t[size++] = v;
  }

  double[] toArray() {
    return java.util.Arrays.copyOf(t, size);
  }
}
