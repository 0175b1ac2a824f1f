package org.nde4j.solve.integrate;

import java.util.List;

/**
 * The statistics of an {@link Ensemble} per save time and state, over its successful paths.
 * Arrays are indexed {@code [time][state]}; quantile arrays {@code [level][time][state]}.
 *
 * @param ts the save times
 * @param paths paths requested
 * @param successful paths in the statistics
 * @param failed paths whose solve did not succeed (left out)
 * @param firstFailure "path p: diagnosis" of the first failed path, or {@code null}
 * @param mean the mean (NaN without successful paths)
 * @param std the sample standard deviation, divisor {@code successful − 1} (NaN below two paths)
 * @param quantileLevels the levels of {@code quantiles}
 * @param quantiles per level, the quantiles
 * @param exactQuantiles true when the quantiles are exact order statistics (NumPy's linear
 *     interpolation), false when they are P² streaming estimates
 * @param samplePaths the kept trajectories ({@code [time][state]} each), in path order
 * @param evaluations right-hand-side evaluations of all paths
 */
public record EnsembleSummary(double[] ts, int paths, int successful, int failed,
    String firstFailure, double[][] mean, double[][] std, double[] quantileLevels,
    double[][][] quantiles, boolean exactQuantiles, List<double[][]> samplePaths,
    long evaluations) {

  /**
   * The quantiles at {@code level}.
   *
   * @throws IllegalArgumentException if {@code level} was not requested, naming those that were
   */
  public double[][] quantile(double level) {
    for (int l = 0; l < quantileLevels.length; l++) {
      if (quantileLevels[l] == level) {
        return quantiles[l];
      }
    }
    throw new IllegalArgumentException("EnsembleSummary: quantile " + level + " was not computed;"
        + " levels are " + java.util.Arrays.toString(quantileLevels));
  }

  /** Standard error of the mean, {@code std / √successful}. */
  public double[][] standardError() {
    double[][] se = new double[std.length][];
    for (int t = 0; t < std.length; t++) {
      se[t] = new double[std[t].length];
      for (int i = 0; i < se[t].length; i++) {
        se[t][i] = std[t][i] / Math.sqrt(successful);
      }
    }
    return se;
  }
}
