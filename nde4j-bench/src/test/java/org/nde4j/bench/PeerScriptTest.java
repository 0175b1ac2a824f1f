package org.nde4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeerScriptTest {
  @Test
  void parsesTheLastJsonLineAndAnnotatesRatios() {
    Map<String, Double> m = PeerScript.parse("warming up\n{\"a\": 2.0, \"b\": 0.5, \"x\": \"s\"}\n");
    assertThat(m).containsOnlyKeys("a", "b").containsEntry("a", 2.0);
    Report r = new Report("core", "v", "17", 1, List.of(
        new CaseResult("a", 0.5, null, null, null, null, null, null, null, "n"),
        new CaseResult("c", 1.0, null, null, null, null, null, null, null, null)));
    Report a = PeerScript.annotate(r, m, "torch");
    assertThat(a.results().get(0).note()).isEqualTo("n; torch 2.000 ms in the same run: "
        + "nde4j 4.00x faster");
    assertThat(a.results().get(1).note()).isNull();
  }

  @Test
  void noJsonIsAnError() {
    assertThatThrownBy(() -> PeerScript.parse("Traceback …\n"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no JSON");
  }
}
