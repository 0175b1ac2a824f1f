package org.nde4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeerRoundsTest {
  private static Report round(double a, double aMin, double aMax, double b) {
    return new Report("core", "v", "17", 1, List.of(
        new CaseResult("a", a, aMin, aMax, 10, null, null, null, null, "kernels=x"),
        new CaseResult("b", b, null, null, null, null, null, null, null, null)));
  }

  @Test
  void theRatioIsTheMedianOfThePerRoundRatios() {
    // round ratios 100/2 = 50, 90/3 = 30, 120/3 = 40: median 40, while the ratio of the medians
    // (100 / 3) would be 33.3
    Report r = PeerRounds.combine(
        List.of(round(2, 1.5, 2.5, 7), round(3, 2.0, 4.0, 5), round(3, 2.8, 3.1, 6)),
        List.of(Map.of("a", 100.0), Map.of("a", 90.0), Map.of("a", 120.0)), "torch");
    CaseResult a = r.results().get(0);
    assertThat(a.medianMs()).isEqualTo(3.0);
    assertThat(a.minMs()).isEqualTo(1.5);
    assertThat(a.maxMs()).isEqualTo(4.0);
    assertThat(a.runs()).isEqualTo(30);
    assertThat((double[]) a.extra().get("rounds_ms")).containsExactly(2, 3, 3);
    assertThat((double[]) a.extra().get("peer_rounds_ms")).containsExactly(100, 90, 120);
    assertThat((double[]) a.extra().get("ratio_rounds")).containsExactly(50, 30, 40);
    assertThat(a.note()).isEqualTo("kernels=x; torch 100.0 ms (median of 3 rounds, each right"
        + " after nde4j's): nde4j 40.0x faster (median of the per-round ratios 50.0, 30.0, 40.0)");
    // a case the peer did not measure: median over rounds, no peer fields
    CaseResult b = r.results().get(1);
    assertThat(b.medianMs()).isEqualTo(6.0);
    assertThat(b.minMs()).isNull();
    assertThat(b.extra()).containsOnlyKeys("rounds_ms");
    assertThat(b.note()).isNull();
  }

  @Test
  void anEvenNumberOfRoundsTakesTheMeanOfTheMiddleTwo() {
    assertThat(PeerRounds.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }

  @Test
  void roundsThatDoNotMatchAreRejected() {
    assertThatThrownBy(() -> PeerRounds.combine(List.of(round(1, 1, 1, 1)), List.of(), "torch"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 reports and 0");
    Report other = new Report("core", "v", "17", 1,
        List.of(new CaseResult("c", 1, null, null, null, null, null, null, null, null)));
    assertThatThrownBy(() -> PeerRounds.combine(List.of(round(1, 1, 1, 1), other),
        List.of(Map.of(), Map.of()), "torch"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("round 2 does not have case a");
  }
}
