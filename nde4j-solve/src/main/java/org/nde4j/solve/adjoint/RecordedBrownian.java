package org.nde4j.solve.adjoint;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.nde4j.solve.brownian.BrownianMotion;

/**
 * A {@link BrownianMotion} that keeps every increment (and space-time Lévy area) it is asked for,
 * so that the discrete adjoint's backward pass reads each step's noise back instead of querying
 * the motion again: the same values, bit for bit, without redrawing a {@code BrownianGrid} cell's
 * normals or descending a {@code VirtualBrownianTree} once more. Used with full storage only
 * ({@code Adjoint.discrete()}): it holds one increment (and area) per distinct interval queried,
 * about as much as the stored states. Its arrays can be handed to the next solve of a training
 * loop ({@link #recycle}), which then copies its noise into them instead of allocating. One thread.
 */
final class RecordedBrownian extends ForwardingBrownian {
  private record Interval(double s, double t, boolean area) {}

  private final Map<Interval, double[][]> seen = new HashMap<>();
  /** Arrays of an earlier solve's record, reused when their lengths fit. */
  private final ArrayDeque<double[][]> spare;

  /**
   * @param spare earlier records' arrays ({@link #recycle}) to copy the noise into; taken from as
   *     needed, may be empty
   */
  RecordedBrownian(BrownianMotion inner, ArrayDeque<double[][]> spare) {
    super(inner);
    this.spare = spare;
  }

  @Override
  public void increment(double s, double t, double[] w) {
    Interval key = new Interval(s, t, false);
    double[][] kept = seen.get(key);
    if (kept != null && kept[0].length == w.length) {
      System.arraycopy(kept[0], 0, w, 0, w.length);
      return;
    }
    inner.increment(s, t, w); // checks the interval and the array
    seen.put(key, keep(w, null));
  }

  @Override
  public void spaceTimeIncrement(double s, double t, double[] w, double[] area) {
    Interval key = new Interval(s, t, true);
    double[][] kept = seen.get(key);
    if (kept != null && kept[0].length == w.length && kept[1].length == area.length) {
      System.arraycopy(kept[0], 0, w, 0, w.length);
      System.arraycopy(kept[1], 0, area, 0, area.length);
      return;
    }
    inner.spaceTimeIncrement(s, t, w, area);
    seen.put(key, keep(w, area));
  }

  /** Hands every kept array to {@code out} for a later record; this one is empty afterwards. */
  void recycle(ArrayDeque<double[][]> out) {
    out.addAll(seen.values());
    out.addAll(spare);
    seen.clear();
    spare.clear();
  }

  /** A copy of {@code w} (and {@code area}, if not null) in spare arrays where they fit. */
  private double[][] keep(double[] w, double[] area) {
    double[][] r = spare.poll();
    if (r == null || r.length != (area == null ? 1 : 2) || r[0].length != w.length
        || (area != null && r[1].length != area.length)) {
      // records of one solve have one shape, so a misfit means the pool belongs to another shape
      spare.clear();
      return area == null ? new double[][] {w.clone()} : new double[][] {w.clone(), area.clone()};
    }
    System.arraycopy(w, 0, r[0], 0, w.length);
    if (area != null) {
      System.arraycopy(area, 0, r[1], 0, area.length);
    }
    return r;
  }
}
