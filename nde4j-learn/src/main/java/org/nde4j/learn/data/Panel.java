package org.nde4j.learn.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nde4j.random.Key;

/**
 * A panel of time series that share channel names: one series for a wide CSV file, one per
 * {@code id} for a long one ({@link PanelCsv}). Each series has its own, possibly irregular times;
 * values may be missing. Immutable.
 */
public final class Panel {
  private final String source;
  private final List<String> channels;
  private final List<Series> series;

  /**
   * @param source   where the data came from (a file name), for messages
   * @param channels channel names, one per value column
   * @param series   at least one series, each with {@code channels.size()} channels and a
   *                 distinct id
   * @throws IllegalArgumentException naming the source and series if these do not hold
   */
  public Panel(String source, List<String> channels, List<Series> series) {
    this.source = source;
    this.channels = List.copyOf(channels);
    this.series = List.copyOf(series);
    if (this.series.isEmpty()) {
      throw new IllegalArgumentException(source + ": a panel needs at least one series");
    }
    for (Series s : this.series) {
      if (s.channels() != this.channels.size()) {
        throw new IllegalArgumentException(source + ": series '" + s.id() + "' has "
            + s.channels() + " channels, the panel " + this.channels.size() + " " + this.channels);
      }
    }
    if (this.series.stream().map(Series::id).distinct().count() != this.series.size()) {
      throw new IllegalArgumentException(source + ": series ids repeat");
    }
  }

  /** Where the data came from. */
  public String source() {
    return source;
  }

  public List<String> channels() {
    return channels;
  }

  public List<Series> series() {
    return series;
  }

  /**
   * The series called {@code id}.
   *
   * @throws IllegalArgumentException naming the id if there is none
   */
  public Series series(String id) {
    for (Series s : series) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException(source + ": no series '" + id + "'");
  }

  /** Per-channel mean and standard deviation of the observed values; see {@link Normalisation}. */
  public Normalisation normalisation() {
    return Normalisation.of(this);
  }

  /** This panel with every observed value normalised by {@code n}; missing stays missing. */
  public Panel normalise(Normalisation n) {
    n.checkChannels(this);
    List<Series> out = new ArrayList<>(series.size());
    for (Series s : series) {
      out.add(s.mapValues(n::normalise));
    }
    return new Panel(source, channels, out);
  }

  /**
   * Splits the series into training and validation sets: a random {@code validationFraction} of
   * them (rounded to nearest, at least one and at most all but one) goes to validation. Which
   * ones depends only on {@code key}; each part keeps the panel's order.
   *
   * @throws IllegalArgumentException naming the fraction or the source if the fraction is not in
   *     {@code (0, 1)} or there is only one series (use {@link #splitByTime})
   */
  public Split splitBySeries(double validationFraction, Key key) {
    checkFraction(validationFraction);
    int n = series.size();
    if (n < 2) {
      throw new IllegalArgumentException(source + ": a split by series needs at least 2 series, "
          + "this panel has 1; split a single series by time (splitByTime) instead");
    }
    int nVal = (int) Math.max(1, Math.min(n - 1, Math.round(validationFraction * n)));
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // Fisher–Yates on the first nVal places, one uniform draw per place.
    for (int i = 0; i < nVal; i++) {
      int j = i + (int) Math.min(n - 1 - i, (long) Math.floor(key.uniformAt(i) * (n - i)));
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    boolean[] validation = new boolean[n];
    for (int i = 0; i < nVal; i++) {
      validation[order[i]] = true;
    }
    List<Series> train = new ArrayList<>();
    List<Series> val = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      (validation[i] ? val : train).add(series.get(i));
    }
    return new Split(new Panel(source, channels, train), new Panel(source, channels, val));
  }

  /**
   * Splits every series in time: with {@code t0, t1} its first and last time, points at times
   * {@code <= t1 - validationFraction (t1 - t0)} train, later points validate (a forecast
   * horizon).
   *
   * @throws IllegalArgumentException naming the series, the cut and the counts if a part would
   *     have fewer than 2 points, or the fraction if it is not in {@code (0, 1)}
   */
  public Split splitByTime(double validationFraction) {
    checkFraction(validationFraction);
    List<Series> train = new ArrayList<>();
    List<Series> val = new ArrayList<>();
    for (Series s : series) {
      double t0 = s.time(0);
      double t1 = s.time(s.length() - 1);
      double cut = t1 - validationFraction * (t1 - t0);
      int k = 0;
      while (k < s.length() && s.time(k) <= cut) {
        k++;
      }
      if (k < 2 || s.length() - k < 2) {
        throw new IllegalArgumentException(source + ": series '" + s.id() + "': cutting at time "
            + cut + " (validation fraction " + validationFraction + ") leaves " + k
            + " training and " + (s.length() - k) + " validation points; each part needs 2");
      }
      train.add(s.slice(0, k));
      val.add(s.slice(k, s.length()));
    }
    return new Split(new Panel(source, channels, train), new Panel(source, channels, val));
  }

  private static void checkFraction(double f) {
    if (!(f > 0 && f < 1)) {
      throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + f);
    }
  }

  @Override
  public String toString() {
    int points = series.stream().mapToInt(Series::length).sum();
    return "Panel[" + source + ": " + series.size() + " series, " + points + " points, channels "
        + Arrays.toString(channels.toArray()) + "]";
  }
}
