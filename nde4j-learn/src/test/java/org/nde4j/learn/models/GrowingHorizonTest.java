package org.nde4j.learn.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nde4j.learn.data.Panel;
import org.nde4j.learn.data.Series;

/** The stages of a growing horizon: which points each keeps, and which stages are skipped. */
class GrowingHorizonTest {
  private static final double NAN = Double.NaN;

  // Series a: times 0..8 (9 points), the values at 5 and 6 missing; series b: times 4, 6, 8.
  private static final Panel PANEL = new Panel("p", List.of("x"), List.of(
      new Series("a", new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8},
          new double[] {0, 1, 2, 3, 4, NAN, NAN, 7, 8}, 1),
      new Series("b", new double[] {4, 6, 8}, new double[] {1, 2, 3}, 1)));

  private static double[] times(Series s) {
    return s.times().toArray();
  }

  @Test
  void stagesKeepThePointsUpToTheirHorizon() {
    // t0 = 0, T = 8: horizons 2, 4, 6 and 8.
    List<Panel> stages = GrowingHorizon.of(0.25, 0.5, 0.75, 1).stages(PANEL, 0);
    assertThat(stages).hasSize(4);
    assertThat(stages.get(0).series()).hasSize(1);                 // b has no point by t = 2
    assertThat(times(stages.get(0).series().get(0))).containsExactly(0, 1, 2);
    assertThat(stages.get(1).series()).hasSize(1);                 // b has 1 point by t = 4
    assertThat(times(stages.get(1).series().get(0))).containsExactly(0, 1, 2, 3, 4);
    assertThat(times(stages.get(2).series().get(0))).containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(times(stages.get(2).series().get(1))).containsExactly(4, 6);
    assertThat(stages.get(3)).isSameAs(PANEL);
  }

  @Test
  void stagesWithNoNewObservationOrNoneAtAllAreSkipped() {
    // Horizon 0.8 keeps 1 point of a (too few for a series), 4 keeps a's 0..4, 5.6 adds only
    // a's missing value at 5 (skipped), 7.2 adds a's 6 and 7 and b's 4 and 6.
    List<Panel> stages = GrowingHorizon.of(0.1, 0.5, 0.7, 0.9, 1).stages(PANEL, 0);
    assertThat(stages).hasSize(3);
    assertThat(stages.get(0).series()).hasSize(1);
    assertThat(times(stages.get(0).series().get(0))).containsExactly(0, 1, 2, 3, 4);
    assertThat(times(stages.get(1).series().get(0))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(times(stages.get(1).series().get(1))).containsExactly(4, 6);
    assertThat(stages.get(2)).isSameAs(PANEL);
    assertThat(GrowingHorizon.none().stages(PANEL, 0)).containsExactly(PANEL);
  }

  @Test
  void fractionsMustGrowToOne() {
    for (double[] bad : new double[][] {{}, {0.5}, {0, 1}, {0.5, 0.5, 1}, {0.6, 0.3, 1},
        {0.5, 1.5}, {NAN, 1}}) {
      assertThatThrownBy(() -> GrowingHorizon.of(bad))
          .hasMessageStartingWith("horizon fractions must increase strictly in (0, 1] and end"
              + " at 1, got");
    }
    assertThat(GrowingHorizon.defaults().fractions()).containsExactly(0.25, 0.5, 1);
  }
}
