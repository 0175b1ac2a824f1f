package org.nde4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nde4j.testkit.problems.Lorenz;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SolveCommandTest {
  @TempDir
  Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Path example(String name) {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(dir.resolve("examples"))) {
      dir = dir.getParent();
    }
    return dir.resolve("examples").resolve(name);
  }

  @Test
  void lorenzToTheStoredReference() throws Exception {
    Path json = tmp.resolve("out/lorenz.json");
    Path csv = tmp.resolve("lorenz.csv");
    Run r = run("solve", example("lorenz.yaml").toString(), "--t1", "1", "--rtol", "1e-12",
        "--atol", "1e-12", "--solver", "vern9", "--saveat", "0:1:11", "--json", json.toString(),
        "--out", csv.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("status: SUCCESS").contains("solver vern9");
    JsonNode j = JsonMapper.builder().build().readTree(Files.readString(json));
    double[] ref = Lorenz.until(1.0).reference();
    assertThat(j.get("status").asString()).isEqualTo("SUCCESS");
    assertThat(j.get("t_end").asDouble()).isEqualTo(1.0);
    assertThat(j.get("y_end").get("x").asDouble()).isCloseTo(ref[0], within(1e-9));
    assertThat(j.get("y_end").get("z").asDouble()).isCloseTo(ref[2], within(1e-9));
    for (String f : List.of("diagnosis", "stats", "wall_ms", "solver", "rtol", "atol")) {
      assertThat(j.has(f)).as(f).isTrue();
    }
    assertThat(j.get("stats").get("nfe").asLong()).isPositive();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("t,x,y,z");
    assertThat(lines).hasSize(12);
    assertThat(lines.get(11)).startsWith("1.0,");
  }

  @Test
  void bouncingBallWritesEventsAndAPlot() throws Exception {
    Path png = tmp.resolve("ball.png");
    Path json = tmp.resolve("ball.json");
    Run r = run("solve", example("bouncing_ball.yaml").toString(), "--plot", png.toString(),
        "--json", json.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.size(png)).isGreaterThan(1000);
    byte[] head = Files.readAllBytes(png);
    assertThat(head[1]).isEqualTo((byte) 'P');
    JsonNode events = JsonMapper.builder().build().readTree(Files.readString(json)).get("events");
    double tBounce = Math.sqrt(2 * 10 / 9.81);
    assertThat(events.get(0).get("t").asDouble()).isCloseTo(tBounce, within(1e-6));
  }

  @Test
  void failedSolveKeepsItsOutputsAndExitsWith3() throws Exception {
    Path csv = tmp.resolve("rober.csv");
    Path json = tmp.resolve("rober.json");
    Run r = run("solve", example("robertson.yaml").toString(), "--solver", "tsit5",
        "--max-steps", "200", "--out", csv.toString(), "--json", json.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("MAX_STEPS").contains("200 steps");
    assertThat(Files.readAllLines(csv).size()).isGreaterThan(100);
    assertThat(Files.readString(json)).contains("\"MAX_STEPS\"");
  }

  /** The default solver (auto) handles the stiff Robertson example and says what it used. */
  @Test
  void robertsonWithTheDefaultSolverSucceedsAndNamesTheMethod() throws Exception {
    Path json = tmp.resolve("rober-auto.json");
    Run r = run("solve", example("robertson.yaml").toString(), "--json", json.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JsonMapper.builder().build().readTree(Files.readString(json));
    assertThat(j.get("status").asString()).isEqualTo("SUCCESS");
    assertThat(j.get("solver").asString()).isEqualTo("auto");
    assertThat(j.get("diagnosis").asString()).contains("rodas5p from t = ");
    double sum = 0;
    for (String name : List.of("y1", "y2", "y3")) {
      sum += j.get("y_end").get(name).asDouble();
    }
    assertThat(sum).isCloseTo(1, within(1e-8));
    assertThat(j.get("stats").get("factorizations").asLong()).isPositive();
  }

  @Test
  void badInputIsNamed() throws Exception {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "name: x\nstates: {a: 1.0}\nequations:\n  a: -k*a\ntspan: [0, 1]\n");
    Run r = run("solve", bad.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("bad.yaml:4:").contains("k");
    Path lorenz = example("lorenz.yaml");
    assertThat(run("solve", lorenz.toString(), "--solver", "nope").err())
        .contains("unknown solver 'nope'").contains("tsit5");
    assertThat(run("solve", lorenz.toString(), "--param", "gamma=2").err()).contains("gamma")
        .contains("sigma");
    assertThat(run("solve", lorenz.toString(), "--saveat", "0:1").err())
        .contains("--saveat: expected t0:t1:n");
    assertThat(run("solve", lorenz.toString(), "--solver", "rk4").err()).contains("--dt0");
    assertThat(run("solve", tmp.resolve("missing.yaml").toString()).code()).isEqualTo(1);
  }

  @Test
  void fixedStepSolverWithDt0() {
    Run r = run("solve", example("lorenz.yaml").toString(), "--solver", "rk4", "--dt0", "0.01",
        "--t1", "1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("100 steps");
  }
}
