package org.nde4j.solve.integrate;

import java.util.List;
import org.nde4j.solve.event.EventRecord;
import org.nde4j.solve.solver.DenseSegment;

/**
 * The result of a solve: saved times and states (as chosen by {@link SaveAt}), the final time and
 * state reached (always), the events that happened, work statistics, and a {@link Status} with a
 * {@link Diagnosis}. A failed solve still returns everything computed up to the failure.
 */
public final class Solution {
  private final double[] ts;
  private final double[][] ys;
  private final double tEnd;
  private final double[] yEnd;
  private final List<EventRecord> events;
  private final List<DenseSegment> dense;
  private final Stats stats;
  private final Diagnosis diagnosis;
  private final String solver;

  Solution(double[] ts, double[][] ys, double tEnd, double[] yEnd, List<EventRecord> events,
      List<DenseSegment> dense, Stats stats, Diagnosis diagnosis, String solver) {
    this.ts = ts;
    this.ys = ys;
    this.tEnd = tEnd;
    this.yEnd = yEnd;
    this.events = List.copyOf(events);
    this.dense = dense == null ? null : List.copyOf(dense);
    this.stats = stats;
    this.diagnosis = diagnosis;
    this.solver = solver;
  }

  /** Saved times (copy). */
  public double[] ts() {
    return ts.clone();
  }

  /** Number of saved points. */
  public int size() {
    return ts.length;
  }

  /** Saved time {@code i}. */
  public double t(int i) {
    return ts[i];
  }

  /** Saved state (or output-function value) {@code i} (copy). */
  public double[] y(int i) {
    return ys[i].clone();
  }

  /** All saved states, one row per saved time (deep copy). */
  public double[][] ys() {
    double[][] r = new double[ys.length][];
    for (int i = 0; i < ys.length; i++) {
      r[i] = ys[i].clone();
    }
    return r;
  }

  /** The time the solve reached: the final time, a terminal event's time, or where it failed. */
  public double tEnd() {
    return tEnd;
  }

  /** The state at {@link #tEnd()} (copy). */
  public double[] yEnd() {
    return yEnd.clone();
  }

  /** Events in the order they happened. */
  public List<EventRecord> events() {
    return events;
  }

  public Stats stats() {
    return stats;
  }

  public Status status() {
    return diagnosis.status();
  }

  public Diagnosis diagnosis() {
    return diagnosis;
  }

  /** Name of the solver that produced this solution. */
  public String solver() {
    return solver;
  }

  /** True when dense output was kept ({@link SaveAt#withDense()}). */
  public boolean hasDense() {
    return dense != null;
  }

  /**
   * The dense output at {@code t}, anywhere between the initial time and {@link #tEnd()}.
   *
   * @throws IllegalStateException if the solve did not keep dense output
   * @throws IllegalArgumentException if {@code t} lies outside the solved span
   */
  public double[] evaluate(double t) {
    if (dense == null) {
      throw new IllegalStateException("solution: no dense output was kept; solve with"
          + " SaveAt.withDense()");
    }
    if (dense.isEmpty()) {
      throw new IllegalArgumentException("solution: no step was taken, nothing to evaluate");
    }
    double start = dense.get(0).tStart();
    double dir = Math.signum(dense.get(0).tEnd() - start);
    if (!((t - start) * dir >= 0 && (t - tEnd) * dir <= 0)) {
      throw new IllegalArgumentException("solution: t = " + t + " lies outside the solved span ["
          + start + ", " + tEnd + "]");
    }
    int lo = 0;
    int hi = dense.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if ((dense.get(mid).tEnd() - t) * dir < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    double[] out = new double[yEnd.length];
    dense.get(lo).evaluate(t, out);
    return out;
  }

  @Override
  public String toString() {
    return "Solution[" + solver + ", " + diagnosis.status() + ", t=" + tEnd + ", saved=" + ts.length
        + ", " + stats + "]";
  }
}
