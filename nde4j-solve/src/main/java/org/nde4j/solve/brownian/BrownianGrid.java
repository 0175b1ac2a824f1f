package org.nde4j.solve.brownian;

import org.nde4j.random.Key;

/**
 * The fixed-grid fast path: a Brownian motion whose increments over the cells
 * {@code [t0 + k dt, t0 + (k+1) dt]} (the last cell ends at {@code t1}) are drawn directly, cell
 * {@code k}'s increment being elements {@code [k d, (k+1) d)} of the key's normal stream times
 * {@code √(cell length)} (and, with the space-time Lévy area, elements of a second stream times
 * {@code √(length/12)}). A query costs one draw per channel per cell it spans, in any order, with no
 * memory and no tree — the cheapest way to drive a constant-step solver, and exact.
 *
 * <p>It answers queries whose ends lie on its grid only (within {@code 1e-9·dt}, so times
 * accumulated as {@code t += dt} still match); adaptive solvers need {@link BrownianInterval} or
 * {@link VirtualBrownianTree}.
 */
public final class BrownianGrid extends AbstractBrownianMotion {
  private static final long AREA_STREAM = 0x4152_4541L; // fold-in tag of the areas' stream

  private final double dt;
  private final long cells;
  private final Key areaKey;
  private final double[] cw;
  private final double[] ch;

  private BrownianGrid(Key key, double t0, double t1, int dim, double dt, LevyArea area) {
    super("BrownianGrid", key, t0, t1, dim, area);
    if (!(dt > 0) || !Double.isFinite(dt)) {
      throw new IllegalArgumentException("BrownianGrid: dt must be finite and > 0, got " + dt);
    }
    this.dt = dt;
    this.cells = (long) Math.max(1, Math.ceil((t1 - t0) / dt - 1e-9));
    this.areaKey = key.foldIn(AREA_STREAM);
    this.cw = new double[dim];
    this.ch = area == LevyArea.SPACE_TIME ? new double[dim] : null;
  }

  /**
   * A Brownian motion on the grid {@code t0 + k dt}.
   *
   * @throws IllegalArgumentException for a bad interval, {@code dim < 1} or {@code dt} not
   *     positive and finite
   */
  public static BrownianGrid of(Key key, double t0, double t1, int dim, double dt,
      LevyArea levyArea) {
    return new BrownianGrid(key, t0, t1, dim, dt, levyArea);
  }

  /** As {@link #of(Key, double, double, int, double, LevyArea)} without Lévy area. */
  public static BrownianGrid of(Key key, double t0, double t1, int dim, double dt) {
    return of(key, t0, t1, dim, dt, LevyArea.NONE);
  }

  /** The grid step. */
  public double dt() {
    return dt;
  }

  @Override
  void query(double s, double t, double[] w, double[] area) {
    long a = cell(s, "s");
    long b = cell(t, "t");
    if (a >= b) {
      java.util.Arrays.fill(w, 0);
      if (area != null) {
        java.util.Arrays.fill(area, 0);
      }
      return;
    }
    // the first cell is drawn straight into w (and area) and scaled there; later ones are joined
    double covered = draw(a, w, area);
    for (long k = a + 1; k < b; k++) {
      double len = draw(k, cw, area == null ? null : ch);
      if (area == null) {
        for (int i = 0; i < dim; i++) {
          w[i] += cw[i];
        }
      } else {
        Bridge.join(dim, covered, len, w, area, cw, ch);
      }
      covered += len;
    }
  }

  /**
   * Cell {@code k}'s increment into {@code w} and, if {@code area} is not null, its space-time
   * Lévy area into {@code area}; returns the cell's length.
   */
  private double draw(long k, double[] w, double[] area) {
    double len = edge(k + 1) - edge(k);
    long first = k * dim;
    key.normal(first, w, 0, dim, 1);
    double root = Math.sqrt(len);
    for (int i = 0; i < dim; i++) {
      w[i] *= root;
    }
    if (area != null) {
      areaKey.normal(first, area, 0, dim, 1);
      double rootArea = Math.sqrt(len / 12);
      for (int i = 0; i < dim; i++) {
        area[i] *= rootArea;
      }
    }
    return len;
  }

  private double edge(long k) {
    return k >= cells ? t1 : t0 + k * dt;
  }

  /** The grid index of time {@code x}, which must lie on the grid. */
  private long cell(double x, String name) {
    if (x == t1) {
      return cells;
    }
    long k = Math.round((x - t0) / dt);
    if (k > cells || Math.abs(x - edge(k)) > 1e-9 * dt) {
      throw new IllegalArgumentException("BrownianGrid: query time " + name + " = " + x
          + " is not on the grid t0 + k·dt (t0 = " + t0 + ", dt = " + dt + "); adaptive or"
          + " off-grid steps need a BrownianInterval or a VirtualBrownianTree");
    }
    return k;
  }
}
