package org.nde4j.learn.optim;

import java.util.Map;

/** Validated reads of {@link Checkpointable#state()} entries, with errors naming the entry. */
final class StateEntries {
  private StateEntries() {}

  /** The array {@code name} of exactly {@code length} values. */
  static double[] array(Map<String, double[]> state, String name, int length) {
    double[] a = state.get(name);
    if (a == null) {
      throw new IllegalArgumentException("optimiser state: missing entry '" + name + "'");
    }
    if (a.length != length) {
      throw new IllegalArgumentException("optimiser state: entry '" + name + "' has " + a.length
          + " values, expected " + length);
    }
    return a;
  }

  /** The non-negative integer counter stored as the single value of entry {@code name}. */
  static long counter(Map<String, double[]> state, String name) {
    double v = array(state, name, 1)[0];
    if (!(v >= 0) || v != Math.rint(v) || v > 0x1p53) {
      throw new IllegalArgumentException("optimiser state: entry '" + name
          + "' must be a non-negative integer, got " + v);
    }
    return (long) v;
  }
}
