package org.nde4j.testkit;

import java.util.SplittableRandom;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/**
 * Seeded random shapes and values for op tests: shapes of rank 0–3 with small extents, pairs
 * that broadcast against each other, and values drawn from a chosen interval (optionally kept
 * away from zero, for ops with kinks or poles there).
 */
public final class RandomShapes {
  private final SplittableRandom rng;

  public RandomShapes(long seed) {
    this.rng = new SplittableRandom(seed);
  }

  /** A shape of the given rank with extents in [1, maxExtent]. */
  public Shape shape(int rank, int maxExtent) {
    int[] d = new int[rank];
    for (int i = 0; i < rank; i++) {
      d[i] = 1 + rng.nextInt(maxExtent);
    }
    return Shape.of(d);
  }

  /**
   * A shape that broadcasts to {@code full}: some leading axes dropped and some extents set to 1
   * (at least one change unless {@code full} is a scalar).
   */
  public Shape broadcastable(Shape full) {
    int drop = full.rank() == 0 ? 0 : rng.nextInt(full.rank() + 1);
    int[] d = new int[full.rank() - drop];
    for (int i = 0; i < d.length; i++) {
      d[i] = rng.nextInt(3) == 0 ? 1 : full.dim(i + drop);
    }
    return Shape.of(d);
  }

  /** Values uniform in [lo, hi). */
  public Tensor uniform(Shape s, double lo, double hi) {
    double[] v = new double[s.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = lo + (hi - lo) * rng.nextDouble();
    }
    return Tensor.wrap(v, s);
  }

  /** Values with magnitude uniform in [lo, hi) and a random sign (kept away from 0). */
  public Tensor awayFromZero(Shape s, double lo, double hi) {
    double[] v = new double[s.size()];
    for (int i = 0; i < v.length; i++) {
      double m = lo + (hi - lo) * rng.nextDouble();
      v[i] = rng.nextBoolean() ? m : -m;
    }
    return Tensor.wrap(v, s);
  }

  /** Standard-normal-like values (sum of uniforms is enough for directions). */
  public Tensor direction(Shape s) {
    return uniform(s, -1, 1);
  }

  public int nextInt(int bound) {
    return rng.nextInt(bound);
  }
}
