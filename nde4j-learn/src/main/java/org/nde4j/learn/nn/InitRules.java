package org.nde4j.learn.nn;

import org.nde4j.random.Key;

/** The arithmetic shared by the {@link Initializer} rules. */
final class InitRules {
  private InitRules() {}

  static void uniform(Key key, double bound, double[] out, int offset, int length) {
    key.uniform(out, offset, length);
    for (int i = offset; i < offset + length; i++) {
      out[i] = (2 * out[i] - 1) * bound;
    }
  }

  static void normal(Key key, double std, double[] out, int offset, int length) {
    key.normal(out, offset, length);
    for (int i = offset; i < offset + length; i++) {
      out[i] *= std;
    }
  }

  static void checkScale(String name, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
    }
  }

  static int positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0 for this initialiser, got " + value);
    }
    return value;
  }
}
