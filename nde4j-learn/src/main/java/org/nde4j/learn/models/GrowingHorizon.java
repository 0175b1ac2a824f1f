package org.nde4j.learn.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nde4j.learn.data.Panel;
import org.nde4j.learn.data.Series;

/**
 * A growing time horizon for fitting a differential equation to long trajectories: fit the data
 * up to an early time first, then up to later times, each stage starting from the previous
 * stage's parameters. A far-off start solved over a long horizon usually lands in a local minimum
 * of the loss (oscillating trajectories out of phase with the data, or a solution that blows up);
 * over a short horizon the loss is nearly convex in the parameters, and each longer horizon then
 * starts near its minimum. This is the "iterative growing of fits" of the DiffEqFlux/SciML
 * tutorials (Rackauckas et al., <i>Universal Differential Equations for Scientific Machine
 * Learning</i>, arXiv:2001.04385, 2020) and the curriculum over horizons of the neural-ODE
 * literature. Multiple shooting — splitting the horizon into segments with their own fitted
 * initial states and a continuity penalty — is the other classical remedy; it adds unknowns per
 * segment, whereas a growing horizon adds none, which is why {@link ModelFit} uses this one.
 *
 * <p>Stage {@code k} fits the observations at times {@code <= t0 + f_k (T − t0)}, where {@code
 * t0} is the model's initial time, {@code T} the last time of the panel and {@code f_k} the
 * {@code k}-th fraction. The fractions increase strictly and end at 1, so the last stage fits all
 * of the data. A stage that keeps no more observed values than the stage before, or as many as the
 * whole panel, is skipped (its share of the iteration budget goes to the next stage), so short
 * data sets fall back to fewer stages on their own.
 *
 * @param fractions the horizon fractions {@code f_k}, strictly increasing in {@code (0, 1]},
 *     ending at 1
 */
public record GrowingHorizon(double[] fractions) {
  /**
   * @throws IllegalArgumentException naming the fractions unless they are strictly increasing in
   *     {@code (0, 1]} and the last is 1
   */
  public GrowingHorizon {
    fractions = fractions.clone();
    boolean ok = fractions.length > 0 && fractions[fractions.length - 1] == 1.0;
    for (int i = 0; ok && i < fractions.length; i++) {
      ok = fractions[i] > 0 && fractions[i] <= 1 && (i == 0 || fractions[i] > fractions[i - 1]);
    }
    if (!ok) {
      throw new IllegalArgumentException("horizon fractions must increase strictly in (0, 1] and"
          + " end at 1, got " + Arrays.toString(fractions));
    }
  }

  /** Stages at the given fractions of the time span (see the class comment). */
  public static GrowingHorizon of(double... fractions) {
    return new GrowingHorizon(fractions);
  }

  /** One stage: the whole time span at once. */
  public static GrowingHorizon none() {
    return new GrowingHorizon(new double[] {1.0});
  }

  /** Quarter, half, all of the time span: {@code [0.25, 0.5, 1]}. */
  public static GrowingHorizon defaults() {
    return new GrowingHorizon(new double[] {0.25, 0.5, 1.0});
  }

  @Override
  public double[] fractions() {
    return fractions.clone();
  }

  /**
   * The panels of the stages that are not skipped, in order; the last is {@code panel} itself.
   * Each holds the series' points at times {@code <= t0 + f_k (T − t0)}, leaving out series with
   * fewer than 2 such points; a stage is skipped as the class comment says.
   *
   * @param t0 the model's initial time
   */
  public List<Panel> stages(Panel panel, double t0) {
    double last = Double.NEGATIVE_INFINITY;
    long all = 0;
    for (Series s : panel.series()) {
      last = Math.max(last, s.time(s.length() - 1));
      all += observed(s, s.length());
    }
    List<Panel> out = new ArrayList<>();
    long before = 0;
    for (int k = 0; k < fractions.length - 1; k++) {
      double horizon = t0 + fractions[k] * (last - t0);
      List<Series> kept = new ArrayList<>();
      long points = 0;
      for (Series s : panel.series()) {
        int n = 0;
        while (n < s.length() && s.time(n) <= horizon) {
          n++;
        }
        if (n >= 2) {
          kept.add(n == s.length() ? s : s.slice(0, n));
          points += observed(s, n);
        }
      }
      if (points > before && points < all) {
        out.add(new Panel(panel.source(), panel.channels(), kept));
        before = points;
      }
    }
    out.add(panel);
    return out;
  }

  private static long observed(Series s, int n) {
    long c = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < s.channels(); j++) {
        c += s.isObserved(i, j) ? 1 : 0;
      }
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GrowingHorizon g && Arrays.equals(fractions, g.fractions);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(fractions);
  }

  @Override
  public String toString() {
    return "GrowingHorizon" + Arrays.toString(fractions);
  }
}
