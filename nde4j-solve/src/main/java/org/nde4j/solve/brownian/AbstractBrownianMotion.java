package org.nde4j.solve.brownian;

import java.util.Objects;
import org.nde4j.random.Key;

/**
 * What every {@link BrownianMotion} shares: its key, interval, channel count, Lévy area and the
 * checks on queries. Subclasses answer {@link #query} for {@code s ≤ t} inside the interval.
 */
abstract class AbstractBrownianMotion implements BrownianMotion {
  final Key key;
  final double t0;
  final double t1;
  final int dim;
  final LevyArea levyArea;

  AbstractBrownianMotion(String kind, Key key, double t0, double t1, int dim, LevyArea levyArea) {
    this.key = Objects.requireNonNull(key, kind + ": key");
    this.levyArea = Objects.requireNonNull(levyArea, kind + ": levyArea");
    if (!Double.isFinite(t0) || !Double.isFinite(t1) || !(t0 < t1)) {
      throw new IllegalArgumentException(kind + ": need finite t0 < t1, got [" + t0 + ", " + t1
          + "]");
    }
    if (dim < 1) {
      throw new IllegalArgumentException(kind + ": need at least one channel, got dim=" + dim);
    }
    this.t0 = t0;
    this.t1 = t1;
    this.dim = dim;
  }

  /** Writes the increment of {@code [s, t]} ({@code t0 ≤ s ≤ t ≤ t1}) and, if non-null, its area. */
  abstract void query(double s, double t, double[] w, double[] area);

  @Override
  public final int dim() {
    return dim;
  }

  @Override
  public final double t0() {
    return t0;
  }

  @Override
  public final double t1() {
    return t1;
  }

  @Override
  public final LevyArea levyArea() {
    return levyArea;
  }

  @Override
  public final void increment(double s, double t, double[] w) {
    checkTime("s", s);
    checkTime("t", t);
    checkLength("w", w);
    if (s <= t) {
      query(s, t, w, null);
    } else {
      query(t, s, w, null);
      for (int i = 0; i < dim; i++) {
        w[i] = -w[i];
      }
    }
  }

  @Override
  public final void spaceTimeIncrement(double s, double t, double[] w, double[] area) {
    if (levyArea != LevyArea.SPACE_TIME) {
      throw new IllegalStateException(getClass().getSimpleName() + " was built with Lévy area "
          + levyArea + "; build it with LevyArea.SPACE_TIME to query space-time Lévy areas");
    }
    checkTime("s", s);
    checkTime("t", t);
    if (s > t) {
      throw new IllegalArgumentException("space-time Lévy area of [" + s + ", " + t
          + "]: need s <= t");
    }
    checkLength("w", w);
    checkLength("area", area);
    query(s, t, w, area);
  }

  private void checkTime(String name, double x) {
    if (!(x >= t0 && x <= t1)) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": query time " + name
          + " = " + x + " is outside the path's interval [" + t0 + ", " + t1 + "]");
    }
  }

  private void checkLength(String name, double[] a) {
    Objects.requireNonNull(a, name);
    if (a.length != dim) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": " + name
          + " has length " + a.length + ", expected dim = " + dim);
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + t0 + ", " + t1 + "], dim " + dim + ", Lévy area "
        + levyArea;
  }
}
