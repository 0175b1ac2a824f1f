package org.nde4j.solve.brownian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nde4j.testkit.SampleStatistics.correlation;
import static org.nde4j.testkit.SampleStatistics.ksPValueNormal;
import static org.nde4j.testkit.SampleStatistics.mean;
import static org.nde4j.testkit.SampleStatistics.variance;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nde4j.random.Key;

/**
 * The law of both Brownian motions, checked on 10⁵ independent channels with fixed keys against
 * Brownian motion's theory: increments N(0, h) (Kolmogorov–Smirnov, p > 0.01), independent
 * disjoint increments, the bridge's conditional mean and variance, and the space-time Lévy area's
 * variance h/12 and independence from the increment. Thresholds are 5 standard errors (or p =
 * 0.01), so a wrong variance by a few percent fails.
 */
class BrownianStatisticsTest {
  private static final int N = 100_000;
  /** Five standard errors of a sample correlation of N independent pairs. */
  private static final double CORR = 5 / Math.sqrt(N);
  /** Five standard errors of a sample variance relative to the true variance (normal data). */
  private static final double VAR = 5 * Math.sqrt(2.0 / (N - 1));

  record Motion(String name, Supplier<BrownianMotion> make) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Motion> motions() {
    return List.of(
        new Motion("virtual tree", () -> VirtualBrownianTree.of(Key.of(11), 0, 1, N, 1e-4,
            LevyArea.SPACE_TIME)),
        new Motion("interval, skeleton from first query", () -> BrownianInterval.of(Key.of(12),
            0, 1, N, LevyArea.SPACE_TIME)),
        new Motion("interval, dt 0.01", () -> BrownianInterval.of(Key.of(13), 0, 1, N,
            LevyArea.SPACE_TIME, 0.01, BrownianInterval.DEFAULT_CACHE)),
        new Motion("grid, dt 0.01", () -> BrownianGrid.of(Key.of(14), 0, 1, N, 0.01,
            LevyArea.SPACE_TIME)));
  }

  @ParameterizedTest
  @MethodSource("motions")
  void incrementsAreNormalWithVarianceH(Motion m) {
    BrownianMotion bm = m.make().get();
    double[] w = new double[N];
    bm.increment(0.3, 0.55, w);
    assertThat(ksPValueNormal(w, 0, Math.sqrt(0.25))).isGreaterThan(0.01);
    assertThat(Math.abs(mean(w))).isLessThan(5 * Math.sqrt(0.25 / N));
    assertThat(variance(w) / 0.25).isCloseTo(1, org.assertj.core.api.Assertions.within(VAR));
    // a step of a fixed-step solver
    bm.increment(0.55, 0.56, w);
    assertThat(ksPValueNormal(w, 0, 0.1)).isGreaterThan(0.01);
  }

  @ParameterizedTest
  @MethodSource("motions")
  void disjointIncrementsAreIndependent(Motion m) {
    BrownianMotion bm = m.make().get();
    double[] a = new double[N];
    double[] b = new double[N];
    double[] c = new double[N];
    bm.increment(0.1, 0.3, a);
    bm.increment(0.3, 0.9, b);
    bm.increment(0.95, 1.0, c);
    assertThat(Math.abs(correlation(a, b))).isLessThan(CORR);
    assertThat(Math.abs(correlation(b, c))).isLessThan(CORR);
    assertThat(Math.abs(correlation(a, c))).isLessThan(CORR);
  }

  /** E[W(s) | W(t)] = (s/t) W(t) and Var[W(s) | W(t)] = s (t − s) / t. */
  @ParameterizedTest
  @MethodSource("motions")
  void bridgeHasTheConditionalMeanAndVariance(Motion m) {
    BrownianMotion bm = m.make().get();
    double s = 0.3;
    double t = 0.8;
    double[] ws = new double[N];
    double[] wt = new double[N];
    bm.evaluate(t, wt); // the later point first: the bridge is what fills in s
    bm.evaluate(s, ws);
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < N; i++) {
      sxy += ws[i] * wt[i];
      sxx += wt[i] * wt[i];
    }
    double slope = sxy / sxx;
    double[] residual = new double[N];
    for (int i = 0; i < N; i++) {
      residual[i] = ws[i] - slope * wt[i];
    }
    double condVar = s * (t - s) / t;
    // slope's standard error: sqrt(condVar / Σ wt²)
    assertThat(Math.abs(slope - s / t)).isLessThan(5 * Math.sqrt(condVar / sxx));
    assertThat(variance(residual) / condVar).isCloseTo(1,
        org.assertj.core.api.Assertions.within(VAR));
    assertThat(ksPValueNormal(residual, 0, Math.sqrt(condVar))).isGreaterThan(0.01);
  }

  @ParameterizedTest
  @MethodSource("motions")
  void spaceTimeLevyAreaHasVarianceH12AndIsIndependentOfTheIncrement(Motion m) {
    BrownianMotion bm = m.make().get();
    double s = 0.37;
    double t = 0.81;
    double h = t - s;
    double[] w = new double[N];
    double[] area = new double[N];
    bm.spaceTimeIncrement(s, t, w, area);
    assertThat(variance(area) / (h / 12)).isCloseTo(1,
        org.assertj.core.api.Assertions.within(VAR));
    assertThat(ksPValueNormal(area, 0, Math.sqrt(h / 12))).isGreaterThan(0.01);
    assertThat(Math.abs(correlation(area, w))).isLessThan(CORR);
    assertThat(variance(w) / h).isCloseTo(1, org.assertj.core.api.Assertions.within(VAR));
    // areas of disjoint intervals are independent too
    double[] w2 = new double[N];
    double[] area2 = new double[N];
    bm.spaceTimeIncrement(0.81, 0.9, w2, area2);
    assertThat(Math.abs(correlation(area, area2))).isLessThan(CORR);
    assertThat(Math.abs(correlation(area2, w))).isLessThan(CORR);
  }
}
