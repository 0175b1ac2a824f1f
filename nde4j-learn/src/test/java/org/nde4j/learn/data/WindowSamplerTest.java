package org.nde4j.learn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nde4j.random.Key;

class WindowSamplerTest {

  /** Series s has n_s points at times s + 0.1 i² (irregular), values x = 100 s + i, y = -x. */
  private static Panel panel(int... lengths) {
    Series[] series = new Series[lengths.length];
    for (int s = 0; s < lengths.length; s++) {
      int n = lengths[s];
      double[] t = new double[n];
      double[] v = new double[2 * n];
      for (int i = 0; i < n; i++) {
        t[i] = s + 0.1 * i * i;
        v[2 * i] = 100 * s + i;
        v[2 * i + 1] = i == 3 ? Double.NaN : -(100 * s + i);
      }
      series[s] = new Series("s" + s, t, v, 2);
    }
    return new Panel("test", List.of("x", "y"), List.of(series));
  }

  @Test
  void windowsAreConsecutivePointsOfOneSeries() {
    Panel p = panel(10, 3, 7);
    WindowSampler sampler = new WindowSampler(p, 4, 5);
    assertThat(sampler.windows()).isEqualTo(7 + 0 + 4);
    WindowBatch b = sampler.sample(Key.of(3));
    assertThat(b.times().shape().dims()).containsExactly(5, 4);
    assertThat(b.values().shape().dims()).containsExactly(5, 4, 2);
    for (int w = 0; w < 5; w++) {
      int s = b.series()[w];
      int first = b.start()[w];
      assertThat(s).isNotEqualTo(1); // 3 points: too short for a window of 4
      for (int j = 0; j < 4; j++) {
        int i = first + j;
        assertThat(b.times().get(w, j)).isEqualTo(s + 0.1 * i * i);
        assertThat(b.relativeTimes().get(w, j)).isEqualTo(s + 0.1 * i * i - (s + 0.1 * first
            * first));
        assertThat(b.values().get(w, j, 0)).isEqualTo(100 * s + i);
        assertThat(b.mask().get(w, j, 1)).isEqualTo(i == 3 ? 0.0 : 1.0);
        assertThat(b.values().get(w, j, 1)).isEqualTo(i == 3 ? 0.0 : -(100 * s + i));
      }
      assertThat(b.initialValues().get(w, 0)).isEqualTo(100 * s + first);
    }
  }

  @Test
  void deterministicGivenTheKey() {
    WindowSampler sampler = new WindowSampler(panel(50, 40), 5, 8);
    WindowBatch a = sampler.sample(Key.of(7).foldIn(12));
    WindowBatch again = new WindowSampler(panel(50, 40), 5, 8).sample(Key.of(7).foldIn(12));
    assertThat(again.start()).containsExactly(a.start());
    assertThat(again.series()).containsExactly(a.series());
    assertThat(again.values().toArray()).containsExactly(a.values().toArray());
    WindowBatch other = sampler.sample(Key.of(7).foldIn(13));
    assertThat(windowIds(other)).isNotEqualTo(windowIds(a));
  }

  @Test
  void windowsInABatchAreDistinctAndABatchOfAllIsAPermutation() {
    Panel p = panel(6, 5);
    WindowSampler all = new WindowSampler(p, 3, 7); // 4 + 3 windows
    for (int seed = 0; seed < 20; seed++) {
      assertThat(windowIds(all.sample(Key.of(seed)))).hasSize(7);
    }
  }

  @Test
  void everyWindowIsEquallyLikely() {
    // 10 windows, batches of 3 from 2000 keys: each window is in a batch with probability 0.3,
    // so its count is Binomial(2000, 0.3): mean 600, sd 20.5; 5 sd either side.
    Panel p = panel(8, 4);
    WindowSampler sampler = new WindowSampler(p, 2, 3);
    assertThat(sampler.windows()).isEqualTo(10);
    int[] counts = new int[10];
    Key key = Key.of(11);
    for (int i = 0; i < 2000; i++) {
      WindowBatch b = sampler.sample(key.foldIn(i));
      for (int w = 0; w < 3; w++) {
        counts[b.series()[w] * 7 + b.start()[w]]++;
      }
    }
    for (int c : counts) {
      assertThat(c).isBetween(600 - 103, 600 + 103);
    }
  }

  @Test
  void impossibleBatchesAreRefusedByName() {
    Panel p = panel(5, 3);
    assertThatThrownBy(() -> new WindowSampler(p, 1, 2))
        .hasMessageContaining("batchTime must be >= 2");
    assertThatThrownBy(() -> new WindowSampler(p, 6, 2))
        .hasMessageContaining("batchTime 6 is longer than every series of test (longest: 5");
    assertThatThrownBy(() -> new WindowSampler(p, 3, 5))
        .hasMessageContaining("batchSize 5 is more than the 4 distinct windows of 3 points");
    assertThatThrownBy(() -> new WindowSampler(p, 3, 0))
        .hasMessageContaining("batchSize must be >= 1");
  }

  private static Set<String> windowIds(WindowBatch b) {
    Set<String> ids = new HashSet<>();
    for (int w = 0; w < b.start().length; w++) {
      ids.add(b.series()[w] + ":" + b.start()[w]);
    }
    return ids;
  }
}
