package org.nde4j.solve.integrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The saved times and states of a solve, filled as the loop goes. */
final class Outputs {
  /** The dense output of the current step. */
  @FunctionalInterface
  interface Dense {
    void interpolate(double theta, double[] out);
  }

  private final SaveAt saveAt;
  private final OutputFunction fn;
  private double[] times = new double[8];
  private final List<double[]> states = new ArrayList<>();
  private double[] scratch;
  private int nextTs;

  Outputs(SaveAt saveAt) {
    this.saveAt = saveAt;
    this.fn = saveAt.function();
  }

  void save(double t, double[] y) {
    int n = states.size();
    if (n == times.length) {
      times = Arrays.copyOf(times, 2 * n);
    }
    times[n] = t;
    states.add(fn != null ? fn.apply(t, y).clone() : y.clone());
  }

  /** Saves every requested time equal to the initial time. */
  void saveTsAt(double t, double[] y) {
    while (nextTs < saveAt.tsCount() && saveAt.ts(nextTs) == t) {
      save(t, y);
      nextTs++;
    }
  }

  /**
   * Saves the requested times in {@code (t, stop]} of the accepted step {@code [t, end]} (stop ≤
   * end: an event may cut the step short), from the dense output or the step's end state.
   */
  void saveTsBetween(double t, double stop, double end, double[] y1, Dense dense, double h) {
    double dir = Math.signum(h);
    while (nextTs < saveAt.tsCount() && (saveAt.ts(nextTs) - stop) * dir <= 0) {
      double ts = saveAt.ts(nextTs++);
      if (ts == end) {
        save(ts, y1);
      } else {
        if (scratch == null) {
          scratch = new double[y1.length];
        }
        dense.interpolate((ts - t) / h, scratch);
        save(ts, scratch);
      }
    }
  }

  /** At the end of a solve: the remaining requested times equal to {@code t}, then t1. */
  void saveAllAt(double t, double[] y) {
    saveTsAt(t, y);
    if (saveAt.saveT1() && !(saveAt.saveSteps() && !states.isEmpty() && times[states.size() - 1] == t)) {
      save(t, y);
    }
  }

  double[] times() {
    return Arrays.copyOf(times, states.size());
  }

  double[][] states() {
    return states.toArray(new double[0][]);
  }
}
