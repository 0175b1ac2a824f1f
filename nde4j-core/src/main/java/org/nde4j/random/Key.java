package org.nde4j.random;

/** Temporary counter-based key (SplitMix64 hashing of key and counter); replaced by Philox. */
public final class Key {
  private final long k;

  private Key(long k) {
    this.k = k;
  }

  public static Key of(long seed) {
    return new Key(mix(seed));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  public Key[] split(int n) {
    Key[] r = new Key[n];
    for (int i = 0; i < n; i++) {
      r[i] = new Key(mix(k + 0x9e3779b97f4a7c15L * (i + 1)));
    }
    return r;
  }

  public Key foldIn(long data) {
    return new Key(mix(k ^ mix(data)));
  }

  public void uniform(double[] out, int off, int n) {
    for (int i = 0; i < n; i++) {
      out[off + i] = (mix(k + 0x9e3779b97f4a7c15L * i) >>> 11) * 0x1.0p-53;
    }
  }

  public void normal(double[] out, int off, int n) {
    for (int i = 0; i < n; i++) {
      double u1 = ((mix(k + 0x9e3779b97f4a7c15L * (2L * i)) >>> 11) + 1) * 0x1.0p-53;
      double u2 = (mix(k + 0x9e3779b97f4a7c15L * (2L * i + 1)) >>> 11) * 0x1.0p-53;
      out[off + i] = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
  }
}
