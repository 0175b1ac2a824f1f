package org.nde4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReportWriterTest {

  @Test
  void writesEveryFieldWithNullsWhereAbsent() {
    Report r = new Report("core", "1.2.3", "17.0.15", 1, List.of(
        new CaseResult("a", 0.1234567891, 0.1, 0.2, 30, null, null, 1e-15, null, "n"),
        new CaseResult("b", 2.0, null, null, null, 5, 7, null, 1024L, null)));
    JsonNode j = new ReportWriter().toJson(r);
    assertThat(j.get("suite").asString()).isEqualTo("core");
    assertThat(j.get("nde4j_version").asString()).isEqualTo("1.2.3");
    assertThat(j.get("threads").asInt()).isEqualTo(1);
    JsonNode a = j.get("results").get(0);
    assertThat(a.get("case").asString()).isEqualTo("a");
    assertThat(a.get("median_ms").asDouble()).isEqualTo(0.123457);
    assertThat(a.get("runs").asInt()).isEqualTo(30);
    assertThat(a.get("nfe").isNull()).isTrue();
    assertThat(a.get("peak_bytes").isNull()).isTrue();
    assertThat(a.get("error").asDouble()).isEqualTo(1e-15);
    JsonNode b = j.get("results").get(1);
    assertThat(b.get("min_ms").isNull()).isTrue();
    assertThat(b.get("nfe_bwd").asInt()).isEqualTo(7);
    assertThat(b.get("peak_bytes").asLong()).isEqualTo(1024L);
    assertThat(b.get("note").isNull()).isTrue();
    assertThat(b.get("steps").isNull()).isTrue();
    assertThat(b.propertyNames()).containsExactly("case", "median_ms", "min_ms", "max_ms", "runs",
        "nfe", "nfe_bwd", "steps", "error", "peak_bytes", "note");
  }
}
