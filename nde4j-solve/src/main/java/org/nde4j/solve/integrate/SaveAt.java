package org.nde4j.solve.integrate;

import java.util.Arrays;

/**
 * What a solve keeps: the state at {@code t0}, at the final time, at given times {@code ts}, after
 * every accepted step, the dense output of every step (for {@link Solution#evaluate}), and
 * optionally a function of the state instead of the state. Immutable; the default is the final
 * state only.
 */
public final class SaveAt {
  private final boolean t0;
  private final boolean t1;
  private final double[] ts;
  private final boolean steps;
  private final boolean dense;
  private final OutputFunction fn;

  private SaveAt(boolean t0, boolean t1, double[] ts, boolean steps, boolean dense,
      OutputFunction fn) {
    this.t0 = t0;
    this.t1 = t1;
    this.ts = ts;
    this.steps = steps;
    this.dense = dense;
    this.fn = fn;
  }

  /** Only the final state (the default). */
  public static SaveAt t1() {
    return new SaveAt(false, true, new double[0], false, false, null);
  }

  /** The initial and final states. */
  public static SaveAt t0t1() {
    return new SaveAt(true, true, new double[0], false, false, null);
  }

  /**
   * The states at {@code ts}, which must be finite, within the solve's time span and monotone in
   * its direction (checked when the solve starts).
   */
  public static SaveAt ts(double... ts) {
    return new SaveAt(false, false, ts.clone(), false, false, null);
  }

  /** The state after every accepted step (and at {@code t0}). */
  public static SaveAt steps() {
    return new SaveAt(true, false, new double[0], true, false, null);
  }

  /** Also keep the initial state. */
  public SaveAt withT0() {
    return new SaveAt(true, t1, ts, steps, dense, fn);
  }

  /** Also keep the final state. */
  public SaveAt withT1() {
    return new SaveAt(t0, true, ts, steps, dense, fn);
  }

  /** Also keep the dense output of every step so that {@link Solution#evaluate} works. */
  public SaveAt withDense() {
    return new SaveAt(t0, t1, ts, steps, true, fn);
  }

  /** Store {@code fn(t, y)} instead of {@code y} at every saved time. */
  public SaveAt withFunction(OutputFunction f) {
    return new SaveAt(t0, t1, ts, steps, dense, f);
  }

  public boolean saveT0() {
    return t0;
  }

  public boolean saveT1() {
    return t1;
  }

  /** The requested times (copy). */
  public double[] ts() {
    return ts.clone();
  }

  int tsCount() {
    return ts.length;
  }

  double ts(int i) {
    return ts[i];
  }

  public boolean saveSteps() {
    return steps;
  }

  public boolean saveDense() {
    return dense;
  }

  /** The output function, or null. */
  public OutputFunction function() {
    return fn;
  }

  void validate(double start, double end) {
    double dir = Math.signum(end - start);
    for (int i = 0; i < ts.length; i++) {
      double v = ts[i];
      if (!Double.isFinite(v) || (v - start) * dir < 0 || (v - end) * dir > 0) {
        throw new IllegalArgumentException("saveAt: ts[" + i + "] = " + v + " is outside the"
            + " solve's time span [" + start + ", " + end + "]");
      }
      if (i > 0 && (v - ts[i - 1]) * dir < 0) {
        throw new IllegalArgumentException("saveAt: ts must be " + (dir > 0 ? "non-decreasing"
            : "non-increasing") + " in the direction of integration; ts[" + i + "] = " + v
            + " follows " + ts[i - 1]);
      }
    }
  }

  @Override
  public String toString() {
    return "SaveAt[t0=" + t0 + ", t1=" + t1 + ", ts=" + Arrays.toString(ts) + ", steps=" + steps
        + ", dense=" + dense + "]";
  }
}
