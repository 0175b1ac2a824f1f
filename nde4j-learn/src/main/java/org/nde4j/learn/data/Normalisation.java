package org.nde4j.learn.data;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nde4j.tensor.Tensor;

/**
 * Per-channel affine normalisation {@code z = (x - mean) / std}, with mean and standard deviation
 * over the observed values of a panel (missing values excluded; population standard deviation,
 * divided by the count). A channel whose observed values are all equal gets {@code std = 1} so
 * that it maps to 0 instead of dividing by zero.
 *
 * <p>Saved with a model as two named arrays ({@link #toTensors}): {@code normalisation.mean} and
 * {@code normalisation.std}, each of shape {@code [channels]}, in the panel's channel order.
 * Immutable.
 */
public final class Normalisation {
  /** The names {@link #toTensors} uses. */
  public static final String MEAN = "normalisation.mean";
  public static final String STD = "normalisation.std";

  private final List<String> channels;
  private final double[] mean;
  private final double[] std;

  /**
   * @throws IllegalArgumentException if lengths differ, a mean is not finite or a std is not
   *     finite and positive
   */
  public Normalisation(List<String> channels, double[] mean, double[] std) {
    if (mean.length != channels.size() || std.length != channels.size()) {
      throw new IllegalArgumentException("normalisation: " + channels.size() + " channels but "
          + mean.length + " means and " + std.length + " standard deviations");
    }
    for (int c = 0; c < mean.length; c++) {
      if (!Double.isFinite(mean[c]) || !(std[c] > 0) || !Double.isFinite(std[c])) {
        throw new IllegalArgumentException("normalisation: channel '" + channels.get(c)
            + "' needs a finite mean and a finite positive std, got mean=" + mean[c] + ", std="
            + std[c]);
      }
    }
    this.channels = List.copyOf(channels);
    this.mean = mean.clone();
    this.std = std.clone();
  }

  /**
   * The statistics of a panel's observed values.
   *
   * @throws IllegalArgumentException naming the source and channel if a channel has no observed
   *     value
   */
  public static Normalisation of(Panel panel) {
    int nc = panel.channels().size();
    long[] count = new long[nc];
    double[] sum = new double[nc];
    for (Series s : panel.series()) {
      for (int i = 0; i < s.length(); i++) {
        for (int c = 0; c < nc; c++) {
          if (s.isObserved(i, c)) {
            count[c]++;
            sum[c] += s.value(i, c);
          }
        }
      }
    }
    double[] mean = new double[nc];
    for (int c = 0; c < nc; c++) {
      if (count[c] == 0) {
        throw new IllegalArgumentException(panel.source() + ": channel '"
            + panel.channels().get(c) + "' has no observed value to normalise by");
      }
      mean[c] = sum[c] / count[c];
    }
    // Second pass about the mean: no cancellation from sum-of-squares minus squared sum.
    double[] ss = new double[nc];
    for (Series s : panel.series()) {
      for (int i = 0; i < s.length(); i++) {
        for (int c = 0; c < nc; c++) {
          if (s.isObserved(i, c)) {
            double d = s.value(i, c) - mean[c];
            ss[c] += d * d;
          }
        }
      }
    }
    double[] std = new double[nc];
    for (int c = 0; c < nc; c++) {
      double sd = Math.sqrt(ss[c] / count[c]);
      std[c] = sd > 0 ? sd : 1.0;
    }
    return new Normalisation(panel.channels(), mean, std);
  }

  /**
   * Reads the arrays {@link #toTensors} wrote.
   *
   * @throws IllegalArgumentException naming the array if one is missing or has the wrong shape
   */
  public static Normalisation fromTensors(List<String> channels, Map<String, Tensor> arrays) {
    return new Normalisation(channels, array(arrays, MEAN, channels.size()),
        array(arrays, STD, channels.size()));
  }

  private static double[] array(Map<String, Tensor> arrays, String name, int n) {
    Tensor t = arrays.get(name);
    if (t == null) {
      throw new IllegalArgumentException("normalisation: no array '" + name + "' (present: "
          + String.join(", ", arrays.keySet()) + ")");
    }
    if (t.rank() != 1 || t.size() != n) {
      throw new IllegalArgumentException("normalisation: array '" + name + "' has shape "
          + t.shape() + ", expected [" + n + "]");
    }
    return t.toArray();
  }

  /** {@link #MEAN} and {@link #STD} as tensors of shape {@code [channels]}. */
  public Map<String, Tensor> toTensors() {
    Map<String, Tensor> m = new LinkedHashMap<>();
    m.put(MEAN, Tensor.vector(mean));
    m.put(STD, Tensor.vector(std));
    return m;
  }

  public List<String> channels() {
    return channels;
  }

  public double mean(int channel) {
    return mean[channel];
  }

  public double std(int channel) {
    return std[channel];
  }

  /** {@code (x - mean) / std} for channel {@code c}. */
  public double normalise(int c, double x) {
    return (x - mean[c]) / std[c];
  }

  /** {@code z std + mean} for channel {@code c}: the inverse of {@link #normalise}. */
  public double denormalise(int c, double z) {
    return z * std[c] + mean[c];
  }

  void checkChannels(Panel panel) {
    if (!panel.channels().equals(channels)) {
      throw new IllegalArgumentException(panel.source() + ": channels " + panel.channels()
          + " differ from the normalisation's " + channels);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Normalisation n && n.channels.equals(channels)
        && Arrays.equals(n.mean, mean) && Arrays.equals(n.std, std);
  }

  @Override
  public int hashCode() {
    return channels.hashCode() * 31 + Arrays.hashCode(mean) * 17 + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "Normalisation" + channels + " mean=" + Arrays.toString(mean) + " std="
        + Arrays.toString(std);
  }
}
