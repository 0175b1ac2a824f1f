package org.nde4j.testkit.problems;

import java.util.Arrays;

/**
 * An observed order of convergence from errors measured at several step sizes, assuming
 * {@code error ≈ C h^p}.
 *
 * <p>{@link #order()} is the least-squares slope of {@code log error} against {@code log h} (as in
 * diffrax's order tests); {@link #pairwise()} are the orders between consecutive runs,
 * {@code log(e_{i+1}/e_i) / log(h_{i+1}/h_i)} (as DiffEqDevTools' {@code calc𝒪estimates}), which
 * show whether the sweep is in the asymptotic regime (pairwise orders level off) or has hit
 * round-off (they drop).
 */
public final class ConvergenceOrder {
  private final double order;
  private final double logConstant;
  private final double[] pairwise;

  private ConvergenceOrder(double order, double logConstant, double[] pairwise) {
    this.order = order;
    this.logConstant = logConstant;
    this.pairwise = pairwise;
  }

  /**
   * Fits {@code log e = log C + p log h}.
   *
   * @param stepSizes at least two positive, finite, not all equal step sizes (any order)
   * @param errors    the matching errors, positive and finite (a zero error has no logarithm)
   * @throws IllegalArgumentException naming the offending entry otherwise
   */
  public static ConvergenceOrder estimate(double[] stepSizes, double[] errors) {
    int n = stepSizes.length;
    if (errors.length != n) {
      throw new IllegalArgumentException(n + " step sizes but " + errors.length + " errors");
    }
    if (n < 2) {
      throw new IllegalArgumentException("need at least two runs, got " + n);
    }
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      if (!(stepSizes[i] > 0 && stepSizes[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("step size " + i + " is " + stepSizes[i]
            + "; must be positive and finite");
      }
      if (!(errors[i] > 0 && errors[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("error " + i + " is " + errors[i]
            + "; must be positive and finite");
      }
      x[i] = Math.log(stepSizes[i]);
      y[i] = Math.log(errors[i]);
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i] / n;
      my += y[i] / n;
    }
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sxx += (x[i] - mx) * (x[i] - mx);
      sxy += (x[i] - mx) * (y[i] - my);
    }
    if (sxx == 0) {
      throw new IllegalArgumentException("all step sizes are equal (" + stepSizes[0] + ")");
    }
    double slope = sxy / sxx;
    double[] pairs = new double[n - 1];
    for (int i = 0; i + 1 < n; i++) {
      pairs[i] = (y[i + 1] - y[i]) / (x[i + 1] - x[i]);
    }
    return new ConvergenceOrder(slope, my - slope * mx, pairs);
  }

  /** The least-squares order {@code p}. */
  public double order() {
    return order;
  }

  /** The fitted constant {@code C} of {@code e ≈ C h^p}. */
  public double constant() {
    return Math.exp(logConstant);
  }

  /**
   * Orders between consecutive runs (in the given order); a fresh array of length n − 1, with a
   * non-finite entry where two consecutive step sizes are equal.
   */
  public double[] pairwise() {
    return pairwise.clone();
  }

  /** The smallest pairwise order. */
  public double minPairwise() {
    return Arrays.stream(pairwise).min().orElseThrow();
  }

  /** The largest pairwise order. */
  public double maxPairwise() {
    return Arrays.stream(pairwise).max().orElseThrow();
  }

  @Override public String toString() {
    return String.format("order %.3f (pairwise %s)", order, Arrays.toString(pairwise));
  }
}
