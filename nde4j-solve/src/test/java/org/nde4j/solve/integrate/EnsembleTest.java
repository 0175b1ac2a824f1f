package org.nde4j.solve.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nde4j.random.Key;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.OdeTerm;

/**
 * Ensembles of y' = −k y, y(0) = 1, with k ~ U(0.5, 1.5) drawn per path from a key: y(t) =
 * e^{−kt}, so the mean (e^{−t/2} − e^{−3t/2})/t, the second moment (e^{−t} − e^{−3t})/(2t) and the
 * quantiles e^{−(0.5 + (1 − q)) t} are known in closed form.
 */
class EnsembleTest {
  private static final double[] TS = {0, 0.5, 1, 2, 4};

  private static double rate(int path) {
    return 0.5 + Key.of(21).foldIn(path).uniformAt(0);
  }

  private static Solve solve(int path) {
    double k = rate(path);
    return Solve.of(OdeTerm.of(1, (t, y, dy) -> dy[0] = -k * y[0]), new Tsit5(), 0, 4,
        new double[] {1}).controller(PidController.of(1e-10, 1e-12)).saveAt(SaveAt.ts(TS));
  }

  @Test
  void momentsMatchTheClosedFormWithinStandardErrors() {
    EnsembleSummary s = Ensemble.of(4000, EnsembleTest::solve).run();
    assertThat(s.successful()).isEqualTo(4000);
    assertThat(s.failed()).isZero();
    assertThat(s.ts()).containsExactly(TS);
    for (int j = 1; j < TS.length; j++) {
      double t = TS[j];
      double mean = (Math.exp(-0.5 * t) - Math.exp(-1.5 * t)) / t;
      double second = (Math.exp(-t) - Math.exp(-3 * t)) / (2 * t);
      double sd = Math.sqrt(second - mean * mean);
      assertThat(s.mean()[j][0]).isCloseTo(mean, within(5 * sd / Math.sqrt(4000)));
      // the sample sd of 4000 draws is within 10 % of the true one (its relative se is < 2 %)
      assertThat(s.std()[j][0] / sd).isCloseTo(1, within(0.1));
      assertThat(s.standardError()[j][0]).isCloseTo(s.std()[j][0] / Math.sqrt(4000),
          within(1e-15));
    }
    assertThat(s.mean()[0][0]).isEqualTo(1.0);
  }

  @Test
  void exactQuantilesAreTheSampleQuantilesOfTheSolutions() {
    int paths = 501;
    EnsembleSummary s = Ensemble.of(paths, EnsembleTest::solve).quantiles(0.1, 0.5, 0.9).run();
    assertThat(s.exactQuantiles()).isTrue();
    double t = 2;
    double[] y = new double[paths];
    for (int p = 0; p < paths; p++) {
      y[p] = Math.exp(-rate(p) * t);
    }
    Arrays.sort(y);
    // level 0.5 of 501 sorted values is the 251st; 0.1 is position 50 exactly
    assertThat(s.quantile(0.5)[3][0]).isCloseTo(y[250], within(1e-8));
    assertThat(s.quantile(0.1)[3][0]).isCloseTo(y[50], within(1e-8));
    assertThat(s.quantile(0.9)[3][0]).isCloseTo(y[450], within(1e-8));
    assertThatThrownBy(() -> s.quantile(0.25)).hasMessageContaining("levels are [0.1, 0.5, 0.9]");
  }

  @Test
  void streamingQuantilesApproachThePopulationQuantiles() {
    EnsembleSummary s = Ensemble.of(5000, EnsembleTest::solve).quantiles(0.05, 0.5, 0.95)
        .exactQuantileLimit(0).run();
    assertThat(s.exactQuantiles()).isFalse();
    double t = 1;
    for (double q : new double[] {0.05, 0.5, 0.95}) {
      double exact = Math.exp(-(0.5 + (1 - q)) * t);
      // sampling error of a quantile of 5000 draws here is below 0.005; P² adds little
      assertThat(s.quantile(q)[2][0]).as("level %s", q).isCloseTo(exact, within(0.01));
    }
  }

  @Test
  void theSummaryDoesNotDependOnTheThreadCount() {
    EnsembleSummary one = Ensemble.of(300, EnsembleTest::solve).threads(1).keepPaths(3).run();
    EnsembleSummary two = Ensemble.of(300, EnsembleTest::solve).threads(2).keepPaths(3).run();
    for (int j = 0; j < TS.length; j++) {
      assertThat(two.mean()[j]).containsExactly(one.mean()[j]);
      assertThat(two.std()[j]).containsExactly(one.std()[j]);
      assertThat(two.quantiles()[1][j]).containsExactly(one.quantiles()[1][j]);
    }
    assertThat(one.samplePaths()).hasSize(3);
    assertThat(one.samplePaths().get(2)[4][0]).isCloseTo(Math.exp(-rate(2) * 4), within(1e-8));
  }

  @Test
  void failedPathsAreCountedAndLeftOut() {
    EnsembleSummary s = Ensemble.of(50, p -> p % 10 == 3 ? solve(p).maxSteps(2) : solve(p)).run();
    assertThat(s.failed()).isEqualTo(5);
    assertThat(s.successful()).isEqualTo(45);
    assertThat(s.firstFailure()).startsWith("path 3: ");
  }

  @Test
  void pathsMustSaveAtTheSameTimes() {
    assertThatThrownBy(() -> Ensemble.of(20, p -> p == 7
        ? solve(p).saveAt(SaveAt.ts(0, 1, 4)) : solve(p)).run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("path 7 saved 3 times")
        .hasMessageContaining("same saveAt(SaveAt.ts(...))");
    assertThatThrownBy(() -> Ensemble.of(0, EnsembleTest::solve))
        .hasMessageContaining("at least one path");
    assertThatThrownBy(() -> Ensemble.of(5, EnsembleTest::solve).quantiles(1.5))
        .hasMessageContaining("must be in [0, 1], got 1.5");
  }
}
