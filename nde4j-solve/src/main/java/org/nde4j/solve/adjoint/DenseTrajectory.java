package org.nde4j.solve.adjoint;

import org.nde4j.solve.solver.DenseSegment;

/**
 * The dense output of consecutive accepted steps, evaluated anywhere in their span: the
 * forward trajectory that the interpolating and quadrature adjoints read on the way back.
 * Evaluations that stay in one step (a backward step's stages) find it without a search.
 */
final class DenseTrajectory {
  private DenseSegment[] segments = new DenseSegment[64];
  private int size;
  private int cursor;
  private double dir;

  void add(DenseSegment s) {
    if (size == segments.length) {
      segments = java.util.Arrays.copyOf(segments, 2 * size);
    }
    if (size == 0) {
      dir = Math.signum(s.tEnd() - s.tStart());
    }
    segments[size++] = s;
  }

  int size() {
    return size;
  }

  /** Writes {@code y(t)}; outside the span, the nearest end segment extrapolates. */
  void evaluate(double t, double[] out) {
    DenseSegment c = segments[cursor];
    if ((t - c.tStart()) * dir < 0 || (t - c.tEnd()) * dir > 0) {
      cursor = find(t);
      c = segments[cursor];
    }
    c.evaluate(t, out);
  }

  /**
   * The start of the step whose dense output covers the time just before {@code t} (in the
   * direction of integration), or {@code floor} if that is later: the next break of the
   * interpolant going backwards from {@code t}.
   */
  double breakBefore(double t, double floor) {
    double start = segments[find(t)].tStart();
    return (start - floor) * dir > 0 ? start : floor;
  }

  /** The first segment that ends at or after {@code t} (the last one if none does). */
  private int find(double t) {
    int lo = 0;
    int hi = size - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if ((segments[mid].tEnd() - t) * dir >= 0) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
