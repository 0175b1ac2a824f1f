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
import org.nde4j.testkit.browser.Pixels;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code nde4j solve MODEL --paths N} on a stochastic model file: examples/gbm.yaml's ensemble
 * against the exact moments of geometric Brownian motion, the output files, and refusals.
 */
class SolveSdeCommandTest {
  private static final double MU = 0.5;
  private static final double SIGMA = 0.4;

  @TempDir
  Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  private static String gbm() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(dir.resolve("examples"))) {
      dir = dir.getParent();
    }
    return dir.resolve("examples").resolve("gbm.yaml").toString();
  }

  /**
   * S(1) of GBM from S0 = 1: E[S] = e^μ, E[S²] = e^{2μ + σ²}, E[S⁴] = e^{4μ + 6σ²}. The sample mean
   * and the sample second moment (from the reported mean and std) must lie within 3 standard
   * errors of the exact values, the standard errors from the exact variances of S and S².
   */
  @Test
  void gbmEnsembleMatchesTheExactMomentsWithinThreeStandardErrors() throws Exception {
    Path json = tmp.resolve("gbm.json");
    int n = 10_000;
    Run r = run("solve", gbm(), "--paths", Integer.toString(n), "--json", json.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("solver ito_milstein").contains("10000 paths");
    JsonNode j = JsonMapper.builder().build().readTree(Files.readString(json));
    assertThat(j.get("paths").asInt()).isEqualTo(n);
    assertThat(j.get("successful").asInt()).isEqualTo(n);
    assertThat(j.get("t_end").asDouble()).isEqualTo(1.0);
    JsonNode s = j.get("states").get("S");
    double mean = s.get("mean").asDouble();
    double std = s.get("std").asDouble();
    double m1 = Math.exp(MU);
    double m2 = Math.exp(2 * MU + SIGMA * SIGMA);
    double m4 = Math.exp(4 * MU + 6 * SIGMA * SIGMA);
    double seMean = Math.sqrt((m2 - m1 * m1) / n);
    double seSecond = Math.sqrt((m4 - m2 * m2) / n);
    double second = std * std * (n - 1) / n + mean * mean;
    assertThat(mean).isCloseTo(m1, within(3 * seMean));
    assertThat(second).isCloseTo(m2, within(3 * seSecond));
    assertThat(s.get("standard_error").asDouble()).isCloseTo(std / Math.sqrt(n), within(1e-12));
    // the median of a lognormal: S0 exp((μ − σ²/2) T); the sample median of 10⁴ draws is within
    // a few percent of it
    assertThat(s.get("quantiles").get("0.5").asDouble())
        .isCloseTo(Math.exp(MU - SIGMA * SIGMA / 2), within(0.03));
  }

  @Test
  void writesTheSummaryThePathsAndAFanChart() throws Exception {
    Path csv = tmp.resolve("gbm.csv");
    Path png = tmp.resolve("gbm.png");
    Run r = run("solve", gbm(), "--paths", "200", "--seed", "3", "--save-paths", "5",
        "--saveat", "0:1:11", "--quantiles", "0.1,0.9", "--out", csv.toString(), "--plot",
        png.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("t,S_mean,S_std,S_q0.1,S_q0.9");
    assertThat(lines).hasSize(12);
    assertThat(lines.get(1)).isEqualTo("0.0,1.0,0.0,1.0,1.0");
    List<String> paths = Files.readAllLines(tmp.resolve("gbm.paths.csv"));
    assertThat(paths.get(0)).isEqualTo("path,t,S");
    assertThat(paths).hasSize(1 + 5 * 11);
    assertThat(Pixels.decode(Files.readAllBytes(png)).getWidth()).isEqualTo(1000);
    // the same seed gives the same summary
    Path again = tmp.resolve("again.csv");
    run("solve", gbm(), "--paths", "200", "--seed", "3", "--saveat", "0:1:11", "--quantiles",
        "0.1,0.9", "--out", again.toString());
    assertThat(Files.readString(again)).isEqualTo(Files.readString(csv));
  }

  @Test
  void refusesWhatDoesNotFit() {
    Run ode = run("solve", gbm().replace("gbm.yaml", "lorenz.yaml"), "--paths", "10");
    assertThat(ode.code()).isEqualTo(1);
    assertThat(ode.err()).contains("--paths, --seed, --save-paths and --quantiles apply to"
        + " stochastic models");
    Run solver = run("solve", gbm(), "--solver", "tsit5", "--paths", "10");
    assertThat(solver.code()).isEqualTo(1);
    assertThat(solver.err()).contains("--solver tsit5 is not an SDE solver");
    Run strat = run("solve", gbm(), "--solver", "stochastic_heun", "--paths", "10");
    assertThat(strat.code()).isEqualTo(1);
    assertThat(strat.err()).contains("stochastic_heun").contains("Itô");
    Run steps = run("solve", gbm(), "--saveat-steps");
    assertThat(steps.code()).isEqualTo(1);
    assertThat(steps.err()).contains("--saveat t0:t1:n");
  }
}
