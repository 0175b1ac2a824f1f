package org.nde4j.testkit;

import java.util.Arrays;

/**
 * Sample statistics for tests of random objects (Brownian motion, SDE solutions): moments,
 * correlation, and the one-sample Kolmogorov–Smirnov test against a normal law with its p-value.
 * Every method reads its inputs only.
 */
public final class SampleStatistics {
  private SampleStatistics() {}

  /** Arithmetic mean. */
  public static double mean(double[] x) {
    requireSamples(x, 1);
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  /** Unbiased sample variance (divisor {@code n − 1}). */
  public static double variance(double[] x) {
    requireSamples(x, 2);
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return s / (x.length - 1);
  }

  /** Standard error of the mean, {@code sqrt(variance / n)}. */
  public static double standardError(double[] x) {
    return Math.sqrt(variance(x) / x.length);
  }

  /** Pearson correlation of two samples of equal length. */
  public static double correlation(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("correlation: lengths " + x.length + " and " + y.length);
    }
    double mx = mean(x);
    double my = mean(y);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  /**
   * Standard normal CDF by Marsaglia's series {@code Φ(x) = 1/2 + φ(x)(x + x³/3 + x⁵/(3·5) + …)}
   * (G. Marsaglia, Evaluating the normal distribution, J. Stat. Softw. 11(4), 2004), accurate to
   * about 1e-15 for |x| ≤ 8 and clamped to 0 or 1 beyond.
   */
  public static double normalCdf(double x) {
    if (x < -8) {
      return 0;
    }
    if (x > 8) {
      return 1;
    }
    double sum = x;
    double term = x;
    double q = x * x;
    for (int i = 3; sum + term != sum; i += 2) {
      term = term * q / i;
      sum += term;
    }
    return 0.5 + sum * Math.exp(-0.5 * q - 0.91893853320467274178);
  }

  /**
   * Two-sided Kolmogorov–Smirnov statistic {@code D = sup |F_n(x) − Φ((x − mean)/std)|}.
   */
  public static double ksStatisticNormal(double[] x, double mean, double std) {
    requireSamples(x, 1);
    double[] s = x.clone();
    Arrays.sort(s);
    int n = s.length;
    double d = 0;
    for (int i = 0; i < n; i++) {
      double f = normalCdf((s[i] - mean) / std);
      d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
    }
    return d;
  }

  /**
   * Asymptotic p-value of a KS statistic {@code d} from {@code n} samples: Kolmogorov's limit law
   * {@code P(√n D > λ) = 2 Σ_{k≥1} (−1)^{k−1} exp(−2k²λ²)}, with Stephens' small-sample correction
   * {@code λ = (√n + 0.12 + 0.11/√n) d} (M. A. Stephens, J. R. Stat. Soc. B 32, 1970).
   */
  public static double ksPValue(double d, int n) {
    double rn = Math.sqrt(n);
    double lambda = (rn + 0.12 + 0.11 / rn) * d;
    if (lambda < 0.2) {
      return 1;
    }
    double sum = 0;
    for (int k = 1; k <= 100; k++) {
      double term = Math.exp(-2.0 * k * k * lambda * lambda);
      sum += (k % 2 == 1 ? term : -term);
      if (term < 1e-16) {
        break;
      }
    }
    return Math.max(0, Math.min(1, 2 * sum));
  }

  /** KS p-value of {@code x} against {@code N(mean, std²)}. */
  public static double ksPValueNormal(double[] x, double mean, double std) {
    return ksPValue(ksStatisticNormal(x, mean, std), x.length);
  }

  private static void requireSamples(double[] x, int min) {
    if (x.length < min) {
      throw new IllegalArgumentException("need at least " + min + " samples, got " + x.length);
    }
  }
}
