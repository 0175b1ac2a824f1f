package org.nde4j.solve.brownian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nde4j.random.Key;

/**
 * Paths, not laws: the Lévy area agrees with its definition on the path itself, values do not
 * depend on the order or repetition of queries, a reverse sweep after a forward sweep is served by
 * the cache, and bad queries are refused with messages naming what was expected.
 */
class BrownianPathTest {
  private static final int DIM = 200;

  /**
   * H_{s,t} = (1/h) ∫_s^t (W(r) − W(s)) dr − W_{s,t}/2, the integral by the trapezoidal rule on
   * 512 sub-steps queried from the same path: the rule's error has standard deviation
   * sqrt(h/12)/512 per channel (the sum of the sub-steps' own areas), so 6× that bounds it.
   */
  @Test
  void spaceTimeAreaIsTheTimeIntegralOfThePath() {
    List<BrownianMotion> motions = List.of(
        VirtualBrownianTree.of(Key.of(1), 0, 2, DIM, 1e-7, LevyArea.SPACE_TIME),
        BrownianInterval.of(Key.of(2), 0, 2, DIM, LevyArea.SPACE_TIME));
    for (BrownianMotion bm : motions) {
      double s = 0.25;
      double t = 1.75;
      double h = t - s;
      int steps = 512;
      double[] w = new double[DIM];
      double[] area = new double[DIM];
      bm.spaceTimeIncrement(s, t, w, area);
      double[] integral = new double[DIM];
      double[] cur = new double[DIM];
      double[] step = new double[DIM];
      for (int j = 1; j <= steps; j++) {
        bm.increment(s + h * (j - 1) / steps, s + h * j / steps, step);
        for (int i = 0; i < DIM; i++) {
          integral[i] += (cur[i] + 0.5 * step[i]) * (h / steps);
          cur[i] += step[i];
        }
      }
      double bound = 6 * Math.sqrt(h / 12) / steps;
      for (int i = 0; i < DIM; i++) {
        assertThat(cur[i]).as("%s W", bm).isCloseTo(w[i], org.assertj.core.api.Assertions.within(
            1e-11));
        double fromPath = integral[i] / h - 0.5 * w[i];
        assertThat(Math.abs(fromPath - area[i])).as("%s channel %d", bm, i).isLessThan(bound);
      }
    }
  }

  /** The interval is exact: an increment and area equal the join of its pieces' to rounding. */
  @Test
  void intervalIncrementsAreAdditive() {
    BrownianInterval bm = BrownianInterval.of(Key.of(3), -1, 3, DIM, LevyArea.SPACE_TIME);
    double[] w = new double[DIM];
    double[] area = new double[DIM];
    bm.spaceTimeIncrement(-0.5, 2.2, w, area);
    double[] pw = new double[DIM];
    double[] pa = new double[DIM];
    double[] qw = new double[DIM];
    double[] qa = new double[DIM];
    bm.spaceTimeIncrement(-0.5, 0.1, pw, pa);
    bm.spaceTimeIncrement(0.1, 2.2, qw, qa);
    Bridge.join(DIM, 0.6, 2.1, pw, pa, qw, qa);
    for (int i = 0; i < DIM; i++) {
      assertThat(pw[i]).isCloseTo(w[i], org.assertj.core.api.Assertions.within(1e-12));
      assertThat(pa[i]).isCloseTo(area[i], org.assertj.core.api.Assertions.within(1e-12));
    }
  }

  /**
   * The query pattern of an adaptive solve with rejections — each attempt asks for [t, t + h] and
   * its two halves, a rejected attempt (40 %) is retried shorter, accepted steps grow up to 50
   * grid cells, so cached siblings meet evicted ones: the increments of the accepted steps,
   * queried again at the end, are those first answered and add up to W(1). (Before a cached
   * sibling was taken out of the cache while its arrays were rewritten, 44 of 200 such paths broke
   * additivity: an eviction could hand a live node's array to another node.)
   */
  @Test
  void intervalStaysConsistentUnderAdaptiveQueries() {
    for (int seed = 0; seed < 30; seed++) {
      BrownianInterval bm = BrownianInterval.of(Key.of(seed), 0, 1, 2, LevyArea.SPACE_TIME, 1e-3,
          BrownianInterval.DEFAULT_CACHE);
      Random r = new Random(seed);
      List<double[]> accepted = new ArrayList<>();
      double[] w = new double[2];
      double[] a = new double[2];
      double t = 0;
      double h = 1e-3;
      while (t < 1) {
        double end = Math.min(1, t + h);
        bm.spaceTimeIncrement(t, end, w, a);
        bm.spaceTimeIncrement(t, 0.5 * (t + end), w, a);
        bm.spaceTimeIncrement(0.5 * (t + end), end, w, a);
        if (r.nextDouble() < 0.4) {
          h *= 0.3 + 0.5 * r.nextDouble();
          continue;
        }
        bm.increment(t, end, w);
        accepted.add(new double[] {t, end, w[0], w[1]});
        t = end;
        h = Math.min(0.05, h * (1 + 2 * r.nextDouble()));
      }
      double[] sum = new double[2];
      for (double[] step : accepted) {
        bm.increment(step[0], step[1], w);
        assertThat(w).as("seed %d, [%s, %s]", seed, step[0], step[1])
            .containsExactly(step[2], step[3]);
        sum[0] += w[0];
        sum[1] += w[1];
      }
      bm.evaluate(1, w);
      assertThat(sum).as("seed %d", seed).containsExactly(w,
          org.assertj.core.api.Assertions.within(1e-12));
    }
  }

  @Test
  void virtualTreeValuesDoNotDependOnQueryOrder() {
    double[] times = new double[300];
    Random r = new Random(4);
    for (int i = 0; i < times.length; i++) {
      times[i] = 5 * r.nextDouble();
    }
    VirtualBrownianTree a = VirtualBrownianTree.of(Key.of(5), 0, 5, 3, 1e-5, LevyArea.SPACE_TIME);
    double[][] first = new double[times.length][3];
    for (int i = 0; i < times.length; i++) {
      a.evaluate(times[i], first[i]);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < times.length; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(6));
    VirtualBrownianTree b = VirtualBrownianTree.of(Key.of(5), 0, 5, 3, 1e-5, LevyArea.SPACE_TIME);
    double[] out = new double[3];
    for (int i : order) {
      b.evaluate(times[i], out);
      assertThat(out).containsExactly(first[i]);
    }
    // and again on the same instance, after all those queries
    for (int i = 0; i < times.length; i += 7) {
      a.evaluate(times[i], out);
      assertThat(out).containsExactly(first[i]);
    }
  }

  @Test
  void intervalGridValuesDoNotDependOnQueryOrderOrCacheSize() {
    int steps = 200;
    double dt = 0.005;
    BrownianInterval forward = BrownianInterval.of(Key.of(7), 0, 1, 4, LevyArea.SPACE_TIME, dt,
        BrownianInterval.DEFAULT_CACHE);
    double[][] w = new double[steps][4];
    double[][] h = new double[steps][4];
    for (int k = 0; k < steps; k++) {
      forward.spaceTimeIncrement(k * dt, (k + 1) * dt, w[k], h[k]);
    }
    List<Integer> order = new ArrayList<>();
    for (int k = 0; k < steps; k++) {
      order.add(k);
    }
    Collections.shuffle(order, new Random(8));
    BrownianInterval shuffled = BrownianInterval.of(Key.of(7), 0, 1, 4, LevyArea.SPACE_TIME, dt,
        2);
    double[] ow = new double[4];
    double[] oh = new double[4];
    for (int k : order) {
      shuffled.spaceTimeIncrement(k * dt, (k + 1) * dt, ow, oh);
      assertThat(ow).containsExactly(w[k]);
      assertThat(oh).containsExactly(h[k]);
    }
    // the skeleton from the first query is the same grid when that query is a grid step
    BrownianInterval implicit = BrownianInterval.of(Key.of(7), 0, 1, 4, LevyArea.SPACE_TIME);
    implicit.spaceTimeIncrement(0, dt, ow, oh);
    assertThat(ow).containsExactly(w[0]);
    assertThat(implicit.gridStep()).isEqualTo(dt);
  }

  @Test
  void reverseSweepAfterAForwardSweepIsServedByTheCache() {
    int steps = 1000;
    double dt = 1e-3;
    BrownianInterval bm = BrownianInterval.of(Key.of(9), 0, 1, 16, LevyArea.NONE, dt,
        BrownianInterval.DEFAULT_CACHE);
    double[] w = new double[16];
    for (int k = 0; k < steps; k++) {
      bm.increment(k * dt, (k + 1) * dt, w);
    }
    long forwardSplits = bm.splits();
    // every internal node of the skeleton is split once, plus recomputations of right siblings
    // evicted while their left siblings' subtrees were swept: O(1) draws per query
    assertThat(forwardSplits).isBetween((long) steps - 1, 3L * steps / 2);
    long missesBefore = bm.cacheMisses();
    for (int k = steps - 1; k >= steps - 20; k--) {
      bm.increment(k * dt, (k + 1) * dt, w);
    }
    assertThat(bm.cacheMisses()).as("the last steps of the forward sweep are cached")
        .isEqualTo(missesBefore);
    for (int k = steps - 21; k >= 0; k--) {
      bm.increment(k * dt, (k + 1) * dt, w);
    }
    // O(1) bridge draws per query backwards too (each internal node recomputed about once)
    assertThat(bm.splits() - forwardSplits).isLessThan(2L * steps);
  }

  @Test
  void gridAnswersAnyOrderAndRefusesOffGridTimes() {
    BrownianGrid grid = BrownianGrid.of(Key.of(15), 0, 1, 3, 0.1, LevyArea.SPACE_TIME);
    double[] w = new double[3];
    double[] h = new double[3];
    double[] w1 = new double[3];
    double[] h1 = new double[3];
    double[] w2 = new double[3];
    double[] h2 = new double[3];
    grid.spaceTimeIncrement(0.2, 0.7, w, h);
    // the same interval as two pieces, queried later piece first, with t accumulated by t += dt
    double t = 0.2;
    for (int k = 0; k < 3; k++) {
      t += 0.1;
    }
    grid.spaceTimeIncrement(t, 0.7, w2, h2);
    grid.spaceTimeIncrement(0.2, t, w1, h1);
    Bridge.join(3, 0.3, 0.2, w1, h1, w2, h2);
    for (int i = 0; i < 3; i++) {
      assertThat(w1[i]).isCloseTo(w[i], org.assertj.core.api.Assertions.within(1e-14));
      assertThat(h1[i]).isCloseTo(h[i], org.assertj.core.api.Assertions.within(1e-14));
    }
    assertThatThrownBy(() -> grid.increment(0.2, 0.25, w))
        .hasMessageContaining("t = 0.25 is not on the grid t0 + k·dt")
        .hasMessageContaining("BrownianInterval or a VirtualBrownianTree");
    assertThatThrownBy(() -> BrownianGrid.of(Key.of(1), 0, 1, 3, -0.1))
        .hasMessageContaining("dt must be finite and > 0");
  }

  @Test
  void reversedQueryNegatesTheIncrement() {
    BrownianMotion bm = VirtualBrownianTree.of(Key.of(10), 0, 1, 5, 1e-6);
    double[] a = new double[5];
    double[] b = new double[5];
    bm.increment(0.2, 0.7, a);
    bm.increment(0.7, 0.2, b);
    for (int i = 0; i < 5; i++) {
      assertThat(b[i]).isEqualTo(-a[i]);
    }
    bm.evaluate(0, a);
    assertThat(a).containsOnly(0.0);
  }

  @Test
  void badQueriesSayWhatWasExpected() {
    BrownianMotion tree = VirtualBrownianTree.of(Key.of(1), 0, 1, 2, 1e-3);
    BrownianMotion interval = BrownianInterval.of(Key.of(1), 0, 1, 2, LevyArea.SPACE_TIME);
    double[] w = new double[2];
    assertThatThrownBy(() -> tree.increment(0.5, 1.5, w))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("t = 1.5 is outside the path's interval [0.0, 1.0]");
    assertThatThrownBy(() -> interval.increment(-0.1, 0.5, w))
        .hasMessageContaining("s = -0.1 is outside");
    assertThatThrownBy(() -> tree.increment(0, 0.5, new double[3]))
        .hasMessageContaining("w has length 3, expected dim = 2");
    assertThatThrownBy(() -> tree.spaceTimeIncrement(0, 0.5, w, new double[2]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("build it with LevyArea.SPACE_TIME");
    assertThatThrownBy(() -> interval.spaceTimeIncrement(0.5, 0.2, w, new double[2]))
        .hasMessageContaining("need s <= t");
    assertThatThrownBy(() -> tree.derivative(0.5, w))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("no derivative");
    assertThatThrownBy(() -> VirtualBrownianTree.of(Key.of(1), 0, 1, 2, 0))
        .hasMessageContaining("tolerance must be finite and > 0");
    assertThatThrownBy(() -> BrownianInterval.of(Key.of(1), 1, 1, 2))
        .hasMessageContaining("need finite t0 < t1");
    assertThatThrownBy(() -> BrownianInterval.of(Key.of(1), 0, 1, 0))
        .hasMessageContaining("at least one channel");
  }
}
