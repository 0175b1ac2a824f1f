package org.nde4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MainTest {

  /** Required case names of the core suite (reference/workloads.md). */
  private static final List<String> CORE_CASES = List.of("mlp_tiny_b1_fwd_vjp",
      "mlp_tiny_b20_fwd_vjp", "mlp_w4_fwd", "mlp_w4_fwd_vjp", "mlp_w4_fwd_vjp_eager",
      "op_overhead_eager_scalar", "op_overhead_eager_256x128", "lorenz_rhs_traced",
      "lorenz_rhs_java", "dgemm_256x128x128");

  private static final List<String> RESULT_FIELDS = List.of("case", "median_ms", "min_ms",
      "max_ms", "runs", "nfe", "nfe_bwd", "steps", "error", "peak_bytes", "note");

  @TempDir
  Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void helpListsTheSubcommands() {
    Run r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: nde4j").contains("bench").contains("--version");
    assertThat(run("bench", "--help").out()).contains("core");
  }

  @Test
  void versionNamesTheLibraryAndJava() {
    Run r = run("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("nde4j ").contains(System.getProperty("java.version"));
  }

  @Test
  void unknownOptionIsAUsageErrorNamingTheOption() {
    Run r = run("bench", "core", "--bogus");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--bogus").contains("Usage:");
  }

  @Test
  void missingOptionValueIsAUsageError() {
    Run r = run("bench", "core", "--json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--json");
  }

  @Test
  void unknownCaseIsAUsageErrorListingTheKnownOnes() {
    Run r = run("bench", "core", "--cases", "nope");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--cases").contains("nope").contains("mlp_w4_fwd");
  }

  @Test
  void roundsNeedAPeerThatReportsCaseMedians() {
    Run none = run("bench", "core", "--rounds", "3");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("--rounds").contains("need --peer");
    Run zero = run("bench", "core", "--rounds", "0");
    assertThat(zero.code()).isEqualTo(2);
    assertThat(zero.err()).contains("--rounds").contains("at least 1, got 0");
    Run stiff = run("bench", "stiff", "--rounds", "2", "--peer", "w2_stiff.py");
    assertThat(stiff.code()).isEqualTo(2);
    assertThat(stiff.err()).contains("--rounds").contains("measures its peer once");
  }

  @Test
  void roundsAlternateTheCasesAndThePeer() throws Exception {
    // a "peer" run by /bin/sh that reports 0.5 ms for lorenz_rhs_java and counts its runs
    Path count = tmp.resolve("runs");
    Path script = Files.writeString(tmp.resolve("peer.sh"), "echo x >> '" + count + "'\n"
        + "echo '{\"lorenz_rhs_java\": 0.5}'\n");
    Path json = tmp.resolve("rounds.json");
    Run r = run("bench", "core", "--quick", "--cases", "lorenz_rhs_java", "--peer",
        script.toString(), "--python", "/bin/sh", "--rounds", "3", "--json", json.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readAllLines(count)).hasSize(3);
    assertThat(r.out()).contains("round 3 of 3").contains("per-round ratios");
    JsonNode c = new JsonMapper().readTree(json.toFile()).get("results").get(0);
    assertThat(c.get("rounds_ms")).hasSize(3);
    assertThat(c.get("peer_rounds_ms")).hasSize(3);
    for (int k = 0; k < 3; k++) {
      assertThat(c.get("ratio_rounds").get(k).asDouble()).isCloseTo(
          0.5 / c.get("rounds_ms").get(k).asDouble(), withinPercentage(1e-3));
    }
    assertThat(c.get("note").asString()).contains("median of 3 rounds");
  }

  @Test
  void unknownOrMissingSubcommandIsAUsageError() {
    assertThat(run("frobnicate").code()).isEqualTo(2);
    assertThat(run().code()).isEqualTo(2);
    assertThat(run("bench").code()).isEqualTo(2);
  }

  @Test
  void runtimeErrorIsOneLineWithoutStackTraceUnlessDebug() throws Exception {
    Path file = Files.writeString(tmp.resolve("plain-file"), "x");
    String target = file.resolve("out.json").toString();
    Run r = run("bench", "core", "--quick", "--cases", "lorenz_rhs_java", "--json", target);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ").doesNotContain("\tat ");
    Run d = run("--debug", "bench", "core", "--quick", "--cases", "lorenz_rhs_java", "--json",
        target);
    assertThat(d.code()).isEqualTo(1);
    assertThat(d.err()).startsWith("error: ").contains("\tat ");
  }

  @Test
  void quickCoreBenchWritesTheReportFormat() throws Exception {
    Path json = tmp.resolve("core.json");
    Run r = run("bench", "core", "--quick", "--json", json.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode root = new JsonMapper().readTree(json.toFile());
    assertThat(root.get("suite").asString()).isEqualTo("core");
    assertThat(root.get("nde4j_version").asString()).isNotBlank();
    assertThat(root.get("java").asString()).isEqualTo(System.getProperty("java.version"));
    assertThat(root.get("threads").asInt()).isEqualTo(1);
    List<String> names = new ArrayList<>();
    for (JsonNode c : root.get("results")) {
      for (String field : RESULT_FIELDS) {
        assertThat(c.has(field)).as("%s has %s", c, field).isTrue();
      }
      assertThat(c.get("median_ms").asDouble()).as(c.toString()).isPositive();
      names.add(c.get("case").asString());
    }
    assertThat(names).containsAll(CORE_CASES);
    for (String name : CORE_CASES) {
      assertThat(r.out()).contains(name);
    }
  }

  @Test
  void quickOdeBenchComparesWithHipparchus() throws Exception {
    assertThat(run("bench", "--help").out()).contains("ode");
    assertThat(run("bench", "ode", "--help").out()).contains("Hipparchus").contains("--quick");
    Path json = tmp.resolve("ode.json");
    Run r = run("bench", "ode", "--quick", "--cases", "w1b_dop853,w1b_hipparchus_dp853",
        "--json", json.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode root = new JsonMapper().readTree(json.toFile());
    assertThat(root.get("suite").asString()).isEqualTo("ode");
    JsonNode ours = root.get("results").get(0);
    assertThat(ours.get("case").asString()).isEqualTo("w1b_dop853");
    assertThat(ours.get("steps").asInt()).isPositive();
    assertThat(ours.get("nfe").asInt()).isPositive();
    assertThat(ours.get("error").asDouble()).isLessThan(1e-5);
    assertThat(ours.get("note").asString()).contains("× w1b_hipparchus_dp853 time");
    assertThat(r.out()).contains("comparison");
  }

  @Test
  void quickStiffBenchRunsTheStiffMethodsPresent() throws Exception {
    assertThat(run("bench", "--help").out()).contains("stiff");
    assertThat(run("bench", "stiff", "--help").out()).contains("Robertson").contains("rodas5p")
        .contains("w2_stiff.py").contains("--quick").contains("--peer");
    List<String> present = org.nde4j.bench.stiff.StiffMethods.present();
    Path json = tmp.resolve("stiff.json");
    // One method keeps the test short; with none merged yet the suite runs no case and says so.
    List<String> args = new ArrayList<>(List.of("bench", "stiff", "--quick", "--json",
        json.toString()));
    if (!present.isEmpty()) {
      String m = present.get(0).replace('-', '_');
      args.addAll(List.of("--cases", "w2a_" + m + ",w2b_" + m));
    }
    Run r = run(args.toArray(new String[0]));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode root = new JsonMapper().readTree(json.toFile());
    assertThat(root.get("suite").asString()).isEqualTo("stiff");
    String header = root.get("note").asString();
    assertThat(r.out()).contains(header);
    if (present.isEmpty()) {
      assertThat(root.get("results").size()).isZero();
      assertThat(header).contains("methods: none").contains("skipped: kvaerno3");
      return;
    }
    assertThat(root.get("results").size()).isEqualTo(2);
    for (JsonNode c : root.get("results")) {
      for (String field : RESULT_FIELDS) {
        assertThat(c.has(field)).as("%s has %s", c, field).isTrue();
      }
      assertThat(c.get("case").asString()).matches("w2[ab]_.*");
      assertThat(c.get("median_ms").asDouble()).isPositive();
      assertThat(c.get("nfe").asInt()).isPositive();
      assertThat(c.get("note").asString()).contains("jacobians ").contains("factorizations ")
          .contains("linear solves ").contains("newton iterations ").contains("rejected steps ")
          .contains("error vs ");
    }
  }

  @Test
  void stiffBenchRejectsAnUnknownCase() {
    Run r = run("bench", "stiff", "--cases", "w2a_nosuchmethod");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("w2a_nosuchmethod");
  }

  @Test
  void quickTrainBenchWritesLossCurvesAndPrintsThem() throws Exception {
    assertThat(run("bench", "--help").out()).contains("train");
    assertThat(run("bench", "train", "--help").out()).contains("--iters").contains("ode_demo");
    Path json = tmp.resolve("train.json");
    Run r = run("bench", "train", "--quick", "--iters", "20", "--cases", "w3_train_iter",
        "--json", json.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode root = new JsonMapper().readTree(json.toFile());
    assertThat(root.get("suite").asString()).isEqualTo("train");
    JsonNode c = root.get("results").get(0);
    for (String field : RESULT_FIELDS) {
      assertThat(c.has(field)).as("%s has %s", c, field).isTrue();
    }
    assertThat(c.get("case").asString()).isEqualTo("w3_train_iter");
    assertThat(c.get("runs").asInt()).isEqualTo(10);
    assertThat(c.get("iterations").asInt()).isEqualTo(20);
    assertThat(c.get("warmup_runs").asInt()).isZero(); // --quick: the cold run is measured
    assertThat(c.get("cold_median_ms").asDouble()) // the JSON keeps 6 significant digits
        .isCloseTo(c.get("median_ms").asDouble(), withinPercentage(1e-3));
    assertThat(c.get("batch_loss_mean_per_100").size()).isEqualTo(1);
    assertThat(c.get("final_trajectory_loss").asDouble()).isPositive();
    assertThat(r.out()).contains("mean batch loss per 100 iterations").contains("1-20");
  }

  @Test
  void trainBenchRejectsANonPositiveIterationCount() {
    Run r = run("bench", "train", "--iters", "0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--iters").contains("got 0");
  }

  @Test
  void trainBenchRejectsANegativeWarmUp() {
    Run r = run("bench", "train", "--warmup", "-1");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--warmup").contains("got -1.0");
  }
}
