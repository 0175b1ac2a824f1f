package org.nde4j.learn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nde4j.random.Key;

class SplitTest {

  private static Panel panel(int count, int length) {
    List<Series> series = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      double[] t = new double[length];
      double[] v = new double[length];
      for (int i = 0; i < length; i++) {
        t[i] = i;
        v[i] = s;
      }
      series.add(new Series("s" + s, t, v, 1));
    }
    return new Panel("test", List.of("x"), series);
  }

  private static List<String> ids(Panel p) {
    return p.series().stream().map(Series::id).toList();
  }

  @Test
  void bySeriesIsDisjointCompleteSizedAndDeterministic() {
    Panel p = panel(10, 3);
    Split a = p.splitBySeries(0.3, Key.of(5));
    assertThat(a.validation().series()).hasSize(3);
    assertThat(a.train().series()).hasSize(7);
    List<String> all = new ArrayList<>(ids(a.train()));
    all.addAll(ids(a.validation()));
    assertThat(all).containsExactlyInAnyOrderElementsOf(ids(p));
    // Each part keeps the panel's order.
    assertThat(ids(a.train())).isSortedAccordingTo(
        (x, y) -> Integer.compare(Integer.parseInt(x.substring(1)), Integer.parseInt(y.substring(1))));
    Split again = p.splitBySeries(0.3, Key.of(5));
    assertThat(ids(again.validation())).isEqualTo(ids(a.validation()));
    // Over many keys every series lands in validation sometimes: the choice is random.
    boolean[] seen = new boolean[10];
    for (int k = 0; k < 50; k++) {
      for (String id : ids(p.splitBySeries(0.3, Key.of(k)).validation())) {
        seen[Integer.parseInt(id.substring(1))] = true;
      }
    }
    assertThat(seen).containsOnly(true);
  }

  @Test
  void bySeriesKeepsAtLeastOneOnEachSide() {
    Split tiny = panel(3, 2).splitBySeries(0.01, Key.of(1));
    assertThat(tiny.validation().series()).hasSize(1);
    Split most = panel(3, 2).splitBySeries(0.99, Key.of(1));
    assertThat(most.train().series()).hasSize(1);
    assertThatThrownBy(() -> panel(1, 5).splitBySeries(0.2, Key.of(1)))
        .hasMessageContaining("test: a split by series needs at least 2 series")
        .hasMessageContaining("splitByTime");
    assertThatThrownBy(() -> panel(3, 5).splitBySeries(1.0, Key.of(1)))
        .hasMessageContaining("validation fraction must be in (0, 1), got 1.0");
  }

  @Test
  void byTimeHoldsOutTheFinalFractionOfEachSeries() {
    // Times 0..9; fraction 0.25 cuts at 9 - 0.25 * 9 = 6.75: points 0..6 train, 7..9 validate.
    Split s = panel(1, 10).splitByTime(0.25);
    assertThat(s.train().series().get(0).times().toArray()).containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(s.validation().series().get(0).times().toArray()).containsExactly(7, 8, 9);
    assertThatThrownBy(() -> panel(1, 10).splitByTime(0.05))
        .hasMessageContaining("series 's0': cutting at time 8.55 (validation fraction 0.05) "
            + "leaves 9 training and 1 validation points; each part needs 2");
  }
}
