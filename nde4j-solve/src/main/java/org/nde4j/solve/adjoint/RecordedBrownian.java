package org.nde4j.solve.adjoint;

import java.util.HashMap;
import java.util.Map;
import org.nde4j.solve.brownian.BrownianMotion;

/**
 * A {@link BrownianMotion} that keeps every increment (and space-time Lévy area) it is asked for,
 * so that the discrete adjoint's backward pass reads each step's noise back instead of querying
 * the motion again: the same values, bit for bit, without redrawing a {@code BrownianGrid} cell's
 * normals or descending a {@code VirtualBrownianTree} once more. Used with full storage only
 * ({@code Adjoint.discrete()}): it holds one increment (and area) per distinct interval queried,
 * about as much as the stored states. One thread.
 */
final class RecordedBrownian extends ForwardingBrownian {
  private record Interval(double s, double t, boolean area) {}

  private final Map<Interval, double[][]> seen = new HashMap<>();

  RecordedBrownian(BrownianMotion inner) {
    super(inner);
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
    seen.put(key, new double[][] {w.clone()});
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
    seen.put(key, new double[][] {w.clone(), area.clone()});
  }
}
