package org.nde4j.cli.fit;

import java.util.Arrays;
import java.util.TreeSet;
import org.nde4j.learn.data.Series;

/** The prediction times of {@code nde4j fit}'s plots and {@code nde4j predict}. */
public final class TimeGrids {
  private TimeGrids() {}

  /** The series' own times. */
  public static Prediction.TimeGrid data() {
    return TimeGrids::dataTimes;
  }

  /**
   * The series' times, then on to {@code t1} with the series' mean spacing {@code (t_last −
   * t_first) / (n − 1)}, ending exactly at {@code t1} (a forecast).
   *
   * @throws IllegalArgumentException naming {@code --t1} if it is not after a series' last time
   */
  public static Prediction.TimeGrid extendedTo(double t1) {
    return s -> {
      double[] ts = dataTimes(s);
      double last = ts[ts.length - 1];
      if (!(t1 > last)) {
        throw new IllegalArgumentException("--t1 " + t1 + " is not after the last time " + last
            + " of series '" + s.id() + "'; give a later time to forecast");
      }
      double h = (last - ts[0]) / (ts.length - 1);
      long extra = (long) Math.ceil((t1 - last) / h - 1e-9);
      if (extra > 1_000_000) {
        throw new IllegalArgumentException("--t1 " + t1 + " is " + extra + " steps of "
            + h + " beyond series '" + s.id() + "'; at most 1000000 are predicted");
      }
      double[] out = Arrays.copyOf(ts, ts.length + (int) extra);
      for (int k = 1; k < extra; k++) {
        out[ts.length + k - 1] = last + k * h;
      }
      out[out.length - 1] = t1;
      return out;
    };
  }

  /**
   * The series' times merged with {@code points} equally spaced times over its span: smooth
   * curves through every observation, for plots.
   */
  public static Prediction.TimeGrid dense(int points) {
    return s -> {
      TreeSet<Double> all = new TreeSet<>();
      double t0 = s.time(0);
      double t1 = s.time(s.length() - 1);
      for (int i = 0; i < s.length(); i++) {
        all.add(s.time(i));
      }
      for (int i = 1; i < points - 1; i++) {
        all.add(t0 + (t1 - t0) * i / (points - 1));
      }
      return all.stream().mapToDouble(Double::doubleValue).toArray();
    };
  }

  private static double[] dataTimes(Series s) {
    double[] ts = new double[s.length()];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = s.time(i);
    }
    return ts;
  }
}
