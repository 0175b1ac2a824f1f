package org.nde4j.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Statistical tests of {@link Key} streams with fixed seeds. Each test compares with a threshold
 * from theory at a small false-alarm rate (alpha = 1e-3 or 5 sigma), and the KS test is shown to
 * reject slightly wrong distributions, so these tests can fail.
 */
class KeyStatisticsTest {

  private static final int N = 100_000;
  private static final double ALPHA = 1e-3;
  /** Upper 1e-3 quantile of the standard normal, 3.090232306167813 (standard tables). */
  private static final double Z_999 = 3.090232306167813;

  /**
   * Asymptotic Kolmogorov critical value: P(sqrt(n) D > K) -> 2 sum (-1)^(k-1) exp(-2 k^2 K^2),
   * whose leading term gives K = sqrt(-ln(alpha / 2) / 2) (about 1.9495 for alpha = 1e-3).
   */
  private static double ksCritical(int n) {
    return Math.sqrt(-Math.log(ALPHA / 2) / 2) / Math.sqrt(n);
  }

  private interface Cdf {
    double at(double x);
  }

  /** Two-sided KS statistic of {@code x} against a CDF given at the sorted sample points. */
  private static double ks(double[] sortedCdf) {
    int n = sortedCdf.length;
    double d = 0;
    for (int i = 0; i < n; i++) {
      d = Math.max(d, Math.max((i + 1.0) / n - sortedCdf[i], sortedCdf[i] - (double) i / n));
    }
    return d;
  }

  private static double ks(double[] x, Cdf cdf) {
    double[] s = x.clone();
    Arrays.sort(s);
    double[] f = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      f[i] = cdf.at(s[i]);
    }
    return ks(f);
  }

  private static double phiDensity(double x) {
    return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
  }

  /** Integral of the normal density over [a, b] by composite Simpson, panels of width <= 0.01. */
  private static double phiIntegral(double a, double b) {
    int m = Math.max(1, (int) Math.ceil(Math.abs(b - a) / 0.01));
    double h = (b - a) / m;
    double sum = 0;
    for (int k = 0; k < m; k++) {
      double x0 = a + k * h;
      sum += phiDensity(x0) + 4 * phiDensity(x0 + h / 2) + phiDensity(x0 + h);
    }
    return sum * h / 6;
  }

  /**
   * The normal CDF at sorted points, Phi(0) = 1/2 plus Simpson integrals of the density between
   * consecutive points (Java has no erf; Simpson's error here is below 1e-12).
   */
  private static double[] normalCdfSorted(double[] sorted) {
    int n = sorted.length;
    double[] f = new double[n];
    int k = 0;
    while (k < n && sorted[k] < 0) {
      k++;
    }
    double prevX = 0;
    double prevF = 0.5;
    for (int i = k; i < n; i++) {
      prevF += phiIntegral(prevX, sorted[i]);
      prevX = sorted[i];
      f[i] = prevF;
    }
    prevX = 0;
    prevF = 0.5;
    for (int i = k - 1; i >= 0; i--) {
      prevF -= phiIntegral(sorted[i], prevX);
      prevX = sorted[i];
      f[i] = prevF;
    }
    return f;
  }

  private static double ksNormal(double[] z) {
    double[] s = z.clone();
    Arrays.sort(s);
    return ks(normalCdfSorted(s));
  }

  private static double[] uniform(Key key, int n) {
    double[] out = new double[n];
    key.uniform(out, 0, n, 1);
    return out;
  }

  private static double[] normal(Key key, int n) {
    double[] out = new double[n];
    key.normal(out, 0, n, 1);
    return out;
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double centralMoment(double[] x, int p) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += Math.pow(v - m, p);
    }
    return s / x.length;
  }

  private static double correlation(double[] x, double[] y) {
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

  /** Upper alpha = 1e-3 point of chi-square with k degrees of freedom (Wilson–Hilferty, 1931). */
  private static double chiSquareCritical(int k) {
    double c = 2.0 / (9.0 * k);
    return k * Math.pow(1 - c + Z_999 * Math.sqrt(c), 3);
  }

  @Test
  void referenceValuesOfTheHelpers() {
    // Phi(1.959963984540054) = 0.975 and Phi(-3.090232306167813) = 0.001 (standard tables).
    double[] f = normalCdfSorted(new double[] {-Z_999, 1.959963984540054});
    assertThat(f[0]).isCloseTo(0.001, within(1e-12));
    assertThat(f[1]).isCloseTo(0.975, within(1e-12));
    // Tabulated chi-square upper 0.1% point for 99 d.o.f. is 148.23; Wilson–Hilferty is close.
    assertThat(chiSquareCritical(99)).isCloseTo(148.23, within(0.2));
    assertThat(Math.sqrt(N) * ksCritical(N)).isCloseTo(1.9495, within(1e-4));
  }

  @Test
  void uniformsPassKolmogorovSmirnov() {
    double[] u = uniform(Key.of(20111115), N);
    assertThat(ks(u, x -> x)).isLessThan(ksCritical(N));
  }

  @Test
  void kolmogorovSmirnovRejectsSlightlySkewedUniforms() {
    double[] u = uniform(Key.of(20111115), N);
    for (int i = 0; i < N; i++) {
      u[i] = Math.pow(u[i], 1.05);
    }
    assertThat(ks(u, x -> x)).isGreaterThan(ksCritical(N));
  }

  @Test
  void normalsPassKolmogorovSmirnov() {
    double[] z = normal(Key.of(31337), N);
    assertThat(ksNormal(z)).isLessThan(ksCritical(N));
    // Odd elements alone (the sine half of Box–Muller) are normal too.
    double[] odd = new double[N / 2];
    for (int i = 0; i < odd.length; i++) {
      odd[i] = z[2 * i + 1];
    }
    assertThat(ksNormal(odd)).isLessThan(ksCritical(odd.length));
  }

  @Test
  void fourMillionNormalsPassKolmogorovSmirnovAndTailCounts() {
    // A large sample through the bulk fill on several threads (the vector fill when present):
    // KS resolves CDF errors of ~1e-3 here, the tail counts the probabilities out to 5 sigma.
    int n = 4_000_000;
    double[] z = new double[n];
    Key.of(2718281828L).normal(z, 0, n, 2);
    assertThat(ksNormal(z)).isLessThan(ksCritical(n));
    // P(|Z| > t) = erfc(t / sqrt 2) for t = 2, 3, 4, 5 (Abramowitz & Stegun, Table 26.1).
    double[] t = {2, 3, 4, 5};
    double[] p = {0.04550026389635842, 0.0026997960632601866, 6.334248366623996e-5,
        5.733031437583878e-7};
    for (int k = 0; k < t.length; k++) {
      long count = 0;
      for (double v : z) {
        if (Math.abs(v) > t[k]) {
          count++;
        }
      }
      double expected = n * p[k];
      // binomial standard deviation; 5 sigma plus 3 for the tiny count beyond 5 sigma
      assertThat((double) count).as("count beyond %s sigma", t[k])
          .isCloseTo(expected, within(5 * Math.sqrt(expected * (1 - p[k])) + 3));
    }
    assertThat(mean(z)).isCloseTo(0.0, within(5 / Math.sqrt(n)));
    assertThat(centralMoment(z, 2)).isCloseTo(1.0, within(5 * Math.sqrt(2.0 / n)));
    assertThat(centralMoment(z, 4)).isCloseTo(3.0, within(5 * Math.sqrt(96.0 / n)));
  }

  @Test
  void kolmogorovSmirnovRejectsShiftedNormals() {
    double[] z = normal(Key.of(31337), N);
    for (int i = 0; i < N; i++) {
      z[i] += 0.05;
    }
    assertThat(ksNormal(z)).isGreaterThan(ksCritical(N));
  }

  @Test
  void uniformMomentsWithinFiveSigma() {
    double[] u = uniform(Key.of(11), N);
    // mean 1/2, var 1/12; Var(sample variance) ~ (mu4 - sigma^4) / n with mu4 = 1/80.
    assertThat(mean(u)).isCloseTo(0.5, within(5 * Math.sqrt(1.0 / 12 / N)));
    assertThat(centralMoment(u, 2))
        .isCloseTo(1.0 / 12, within(5 * Math.sqrt((1.0 / 80 - 1.0 / 144) / N)));
    assertThat(Arrays.stream(u).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
    assertThat(Arrays.stream(u).max().orElseThrow()).isLessThan(1.0);
  }

  @Test
  void normalMomentsWithinFiveSigma() {
    double[] z = normal(Key.of(12), N);
    // mean 0, var 1 (sd of sample variance sqrt(2/n)), fourth moment 3 (sd sqrt((105-9)/n)).
    assertThat(mean(z)).isCloseTo(0.0, within(5 / Math.sqrt(N)));
    assertThat(centralMoment(z, 2)).isCloseTo(1.0, within(5 * Math.sqrt(2.0 / N)));
    assertThat(centralMoment(z, 3)).isCloseTo(0.0, within(5 * Math.sqrt(15.0 / N)));
    assertThat(centralMoment(z, 4)).isCloseTo(3.0, within(5 * Math.sqrt(96.0 / N)));
  }

  @Test
  void uniformBinsPassChiSquare() {
    int bins = 100;
    double[] u = uniform(Key.of(13), N);
    long[] count = new long[bins];
    for (double v : u) {
      count[(int) (v * bins)]++;
    }
    assertThat(chiSquare(count, (double) N / bins)).isLessThan(chiSquareCritical(bins - 1));
  }

  @Test
  void pairsWithinABlockPassTwoDimensionalChiSquare() {
    // Elements 2b and 2b+1 come from one Philox block: test their joint distribution.
    int side = 10;
    double[] u = uniform(Key.of(14), 2 * N);
    long[] count = new long[side * side];
    for (int i = 0; i < 2 * N; i += 2) {
      count[(int) (u[i] * side) * side + (int) (u[i + 1] * side)]++;
    }
    assertThat(chiSquare(count, (double) N / (side * side)))
        .isLessThan(chiSquareCritical(side * side - 1));
  }

  private static double chiSquare(long[] count, double expected) {
    double chi2 = 0;
    for (long c : count) {
      chi2 += (c - expected) * (c - expected) / expected;
    }
    return chi2;
  }

  @Test
  void splitChildrenAreUncorrelated() {
    Key parent = Key.of(15);
    Key[] children = parent.split(4);
    double[][] streams = new double[5][];
    for (int c = 0; c < 4; c++) {
      streams[c] = uniform(children[c], N);
    }
    streams[4] = uniform(parent, N);
    double bound = 5 / Math.sqrt(N); // sd of a sample correlation of independent data is 1/sqrt(n)
    for (int a = 0; a < streams.length; a++) {
      for (int b = a + 1; b < streams.length; b++) {
        assertThat(correlation(streams[a], streams[b])).as("streams %d, %d", a, b)
            .isCloseTo(0.0, within(bound));
      }
    }
  }

  @Test
  void foldInKeysAndNormalPairsAreUncorrelated() {
    Key key = Key.of(16);
    double bound = 5 / Math.sqrt(N);
    assertThat(correlation(normal(key.foldIn(0), N), normal(key.foldIn(1), N)))
        .isCloseTo(0.0, within(bound));
    // Consecutive keys (seeds) must give unrelated streams too.
    assertThat(correlation(uniform(Key.of(100), N), uniform(Key.of(101), N)))
        .isCloseTo(0.0, within(bound));
    // The cos and sin halves of Box–Muller pairs are independent.
    double[] z = normal(key, 2 * N);
    double[] even = new double[N];
    double[] odd = new double[N];
    for (int i = 0; i < N; i++) {
      even[i] = z[2 * i];
      odd[i] = z[2 * i + 1];
    }
    assertThat(correlation(even, odd)).isCloseTo(0.0, within(bound));
    // Lag-1 correlation within a uniform stream.
    double[] u = uniform(key, N + 1);
    assertThat(correlation(Arrays.copyOf(u, N), Arrays.copyOfRange(u, 1, N + 1)))
        .isCloseTo(0.0, within(bound));
  }
}
