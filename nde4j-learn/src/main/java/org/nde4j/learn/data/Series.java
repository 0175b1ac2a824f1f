package org.nde4j.learn.data;

import java.util.Arrays;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/**
 * One time series of a {@link Panel}: {@code n >= 2} strictly increasing, possibly irregular
 * times and, at each, a value per channel that may be missing. Immutable.
 */
public final class Series {
  private final String id;
  private final double[] times;
  private final double[] values;
  private final int channels;

  /**
   * @param id       the series' identifier ({@code ""} for the single series of a wide file)
   * @param times    {@code n} strictly increasing finite times; copied
   * @param values   {@code n × channels} values, row-major, {@code NaN} where missing; copied
   * @param channels number of channels, {@code >= 1}
   * @throws IllegalArgumentException naming the series if times are not strictly increasing and
   *     finite, fewer than 2, or {@code values} has the wrong length or an infinite value
   */
  public Series(String id, double[] times, double[] values, int channels) {
    String what = "series '" + id + "'";
    if (channels < 1 || values.length != (long) times.length * channels) {
      throw new IllegalArgumentException(what + ": " + values.length + " values do not fill "
          + times.length + " times × " + channels + " channels");
    }
    if (times.length < 2) {
      throw new IllegalArgumentException(what + " has " + times.length
          + " point(s); at least 2 are needed");
    }
    for (int i = 0; i < times.length; i++) {
      if (!Double.isFinite(times[i]) || (i > 0 && !(times[i] > times[i - 1]))) {
        throw new IllegalArgumentException(what + ": times must be finite and strictly "
            + "increasing, but time " + i + " is " + times[i]
            + (i > 0 ? " after " + times[i - 1] : ""));
      }
    }
    for (int i = 0; i < values.length; i++) {
      if (Double.isInfinite(values[i])) {
        throw new IllegalArgumentException(what + ": value at time " + times[i / channels]
            + ", channel " + (i % channels) + " is infinite");
      }
    }
    this.id = id;
    this.times = times.clone();
    this.values = values.clone();
    this.channels = channels;
  }

  public String id() {
    return id;
  }

  /** Number of time points. */
  public int length() {
    return times.length;
  }

  /** Number of channels. */
  public int channels() {
    return channels;
  }

  public double time(int i) {
    return times[i];
  }

  /** The value at point {@code i}, channel {@code c}; {@code NaN} when missing. */
  public double value(int i, int c) {
    return values[i * channels + c];
  }

  public boolean isObserved(int i, int c) {
    return !Double.isNaN(values[i * channels + c]);
  }

  /** The times, shape {@code [n]}. */
  public Tensor times() {
    return Tensor.vector(times);
  }

  /** The values, shape {@code [n, channels]}, with missing values as 0 (see {@link #mask}). */
  public Tensor values() {
    double[] v = values.clone();
    for (int i = 0; i < v.length; i++) {
      if (Double.isNaN(v[i])) {
        v[i] = 0.0;
      }
    }
    return Tensor.wrap(v, Shape.of(times.length, channels));
  }

  /** 1 where a value is observed, 0 where it is missing; shape {@code [n, channels]}. */
  public Tensor mask() {
    double[] m = new double[values.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = Double.isNaN(values[i]) ? 0.0 : 1.0;
    }
    return Tensor.wrap(m, Shape.of(times.length, channels));
  }

  /** Points {@code [from, to)} as a new series (at least 2). */
  public Series slice(int from, int to) {
    return new Series(id, Arrays.copyOfRange(times, from, to),
        Arrays.copyOfRange(values, from * channels, to * channels), channels);
  }

  /** This series with every value mapped by {@code f(channel, value)}; missing stays missing. */
  Series mapValues(ChannelMap f) {
    double[] v = values.clone();
    for (int i = 0; i < v.length; i++) {
      if (!Double.isNaN(v[i])) {
        v[i] = f.apply(i % channels, v[i]);
      }
    }
    return new Series(id, times, v, channels);
  }

  /** A value transformation per channel. */
  interface ChannelMap {
    double apply(int channel, double value);
  }
}
