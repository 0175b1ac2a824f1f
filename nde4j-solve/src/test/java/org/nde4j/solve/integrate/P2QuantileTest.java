package org.nde4j.solve.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nde4j.random.Key;

/** P² against the exact sample quantiles of the same data. */
class P2QuantileTest {

  @Test
  void tracksTheSampleQuantilesOfNormalData() {
    double[] x = new double[100_000];
    Key.of(3).normal(x, 0, x.length, 1);
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    for (double p : new double[] {0.01, 0.25, 0.5, 0.9, 0.99}) {
      P2Quantile q = new P2Quantile(p);
      for (double v : x) {
        q.add(v);
      }
      double exact = Quantiles.linear(sorted, sorted.length, p);
      assertThat(q.value()).as("p = %s", p).isCloseTo(exact, within(0.01));
    }
  }

  @Test
  void isExactForFiveOrFewerObservations() {
    P2Quantile q = new P2Quantile(0.5);
    for (double v : new double[] {5, 1, 4, 2}) {
      q.add(v);
    }
    assertThat(q.value()).isEqualTo(3.0); // median of 1, 2, 4, 5
    assertThat(Quantiles.linear(new double[] {1, 2, 4, 5}, 4, 0.25)).isEqualTo(1.75);
  }
}
