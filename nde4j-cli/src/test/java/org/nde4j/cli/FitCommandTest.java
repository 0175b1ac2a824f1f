package org.nde4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nde4j.cli.FitFixtures.Run;
import org.nde4j.learn.data.Normalisation;
import org.nde4j.learn.io.Safetensors;
import org.nde4j.learn.io.SafetensorsFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code nde4j fit} on small generated data: a neural ODE (run directory, normalisation stored,
 * loss fell), a model file with unknowns (parameters moved to the truth), and {@code --resume}
 * (bit-identical to an uninterrupted run).
 */
class FitCommandTest {
  @TempDir
  Path tmp;

  private static Run run(String... args) {
    return FitFixtures.run(args);
  }

  @Test
  void neuralOdeWritesTheRunDirectoryAndLearns() throws Exception {
    Path data = FitFixtures.spiralCsv(tmp);
    Path dir = tmp.resolve("ode");
    Run r = run("fit", "--data", data.toString(), "--hidden", "16", "--depth", "1", "--iters",
        "40", "--batch-size", "10", "--batch-time", "5", "--val-fraction", "0.25",
        "--validate-every", "5", "--out", dir.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("wrote run directory " + dir).contains("channels x y");
    for (String f : List.of("config.json", "provenance.json", "metrics.csv", "model.safetensors",
        "report.html", "plots/loss.png", "plots/trajectories.png", "plots/phase.png",
        "checkpoints/last.safetensors")) {
      assertThat(dir.resolve(f)).as(f).isNotEmptyFile();
    }
    JsonNode config = new JsonMapper().readTree(dir.resolve("config.json").toFile());
    assertThat(config.path("model").path("type").asString()).isEqualTo("neural-ode");
    assertThat(config.path("model").path("hidden").asInt()).isEqualTo(16);
    assertThat(config.path("solver").path("name").asString()).isEqualTo("dopri5");
    assertThat(config.path("training").path("validation").path("split").asString())
        .isEqualTo("time");
    assertThat(config.path("data").path("sha256").asString())
        .isEqualTo(org.nde4j.learn.io.Provenance.sha256(data));

    // Normalisation: mean of the training part, times <= 8 - 0.25 * 8 = 6 (31 points).
    SafetensorsFile model = Safetensors.read(dir.resolve("model.safetensors"));
    double[] mean = model.tensor(Normalisation.MEAN).toArray();
    double mx = 0;
    double my = 0;
    for (int i = 0; i <= 30; i++) {
      double t = 0.2 * i;
      mx += Math.exp(-t / 10) * Math.cos(t) / 31;
      my += Math.exp(-t / 10) * Math.sin(t) / 31;
    }
    assertThat(mean[0]).isCloseTo(mx, within(1e-12));
    assertThat(mean[1]).isCloseTo(my, within(1e-12));
    assertThat(model.tensor("0.weight").shape().dim(0)).isEqualTo(16);

    // The batch loss fell: the last 10 iterations average below 60 % of the first 10.
    List<String> rows = Files.readAllLines(dir.resolve("metrics.csv"));
    assertThat(rows).hasSize(41);
    double first = 0;
    double last = 0;
    for (int i = 1; i <= 10; i++) {
      first += Double.parseDouble(rows.get(i).split(",")[1]) / 10;
      last += Double.parseDouble(rows.get(30 + i).split(",")[1]) / 10;
    }
    assertThat(last).isLessThan(0.6 * first);
    assertThat(rows.get(5).split(",")[2]).isNotEqualTo("NaN");
  }

  @Test
  void modelFileUnknownsMoveToTheTruth() throws Exception {
    Path data = FitFixtures.lotkaVolterraCsv(tmp);
    Path modelFile = Files.writeString(tmp.resolve("lv.yaml"),
        FitFixtures.lotkaVolterra(FitFixtures.START, true));
    Path dir = tmp.resolve("lv");
    Run r = run("fit", "--data", data.toString(), "--model", modelFile.toString(), "--iters",
        "30", "--lbfgs-iters", "15", "--val-fraction", "0", "--out", dir.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("fitted lv:").contains("alpha = ");
    SafetensorsFile model = Safetensors.read(dir.resolve("model.safetensors"));
    Map<String, String> meta = model.metadata();
    for (int i = 0; i < 4; i++) {
      double got = Double.parseDouble(meta.get("param." + FitFixtures.NAMES[i]));
      double startError = Math.abs(FitFixtures.START[i] - FitFixtures.TRUTH[i]);
      // noise-free data: Adam then L-BFGS lands within a hundredth of the starting error
      assertThat(Math.abs(got - FitFixtures.TRUTH[i])).as(FitFixtures.NAMES[i])
          .isLessThan(0.01 * startError);
    }
    JsonNode config = new JsonMapper().readTree(dir.resolve("config.json").toFile());
    assertThat(config.path("model").path("source").asString())
        .isEqualTo(Files.readString(modelFile));
    assertThat(config.path("training").path("lbfgs_iterations").asLong()).isEqualTo(15);
    assertThat(Files.readAllLines(dir.resolve("metrics.csv"))).hasSize(46);
  }

  @Test
  void resumeContinuesBitIdentically() throws Exception {
    Path data = FitFixtures.spiralCsv(tmp);
    List<String> common = List.of("fit", "--data", data.toString(), "--hidden", "8", "--depth",
        "1", "--batch-size", "6", "--batch-time", "4", "--validate-every", "4", "--seed", "3");
    Path whole = tmp.resolve("whole");
    assertThat(run(args(common, "--iters", "16", "--out", whole.toString())).code()).isZero();
    Path parts = tmp.resolve("parts");
    assertThat(run(args(common, "--iters", "8", "--out", parts.toString())).code()).isZero();
    Run resumed = run(args(common, "--iters", "16", "--resume", parts.toString()));
    assertThat(resumed.err()).isEmpty();
    assertThat(resumed.code()).isZero();
    assertThat(resumed.out()).contains("resuming").contains("iter 16/16");

    SafetensorsFile a = Safetensors.read(whole.resolve("model.safetensors"));
    SafetensorsFile b = Safetensors.read(parts.resolve("model.safetensors"));
    assertThat(b.tensors().keySet()).isEqualTo(a.tensors().keySet());
    for (String name : a.tensors().keySet()) {
      assertThat(b.tensor(name).toArray()).as(name).isEqualTo(a.tensor(name).toArray());
    }
    List<String> la = Files.readAllLines(whole.resolve("metrics.csv"));
    List<String> lb = Files.readAllLines(parts.resolve("metrics.csv"));
    assertThat(lb).hasSize(17);
    for (int i = 1; i < la.size(); i++) {   // equal up to the time column
      assertThat(lb.get(i).substring(0, lb.get(i).lastIndexOf(',')))
          .isEqualTo(la.get(i).substring(0, la.get(i).lastIndexOf(',')));
    }
  }

  private static String[] args(List<String> common, String... more) {
    List<String> all = new ArrayList<>(common);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
