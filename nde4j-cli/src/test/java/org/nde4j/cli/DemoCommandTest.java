package org.nde4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nde4j.cli.demo.SpiralDemo;
import org.nde4j.learn.data.SpiralData;
import org.nde4j.learn.io.Safetensors;
import org.nde4j.learn.io.SafetensorsFile;
import org.nde4j.learn.models.NeuralOde;
import org.nde4j.tensor.Shape;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code nde4j demo} with a few iterations: the run directory holds every file, the report four
 * inline PNG images, the loss went down, and the saved model reproduces the trajectory plotted.
 */
class DemoCommandTest {
  private static final int ITERS = 40;

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
  void shortDemoWritesTheRunDirectoryAndLearns() throws Exception {
    Path dir = tmp.resolve("demo");
    Run r = run("demo", "--out", dir.toString(), "--iters", Integer.toString(ITERS), "--seed",
        "1");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("wrote run directory " + dir)
        .contains(dir.resolve("report.html").toString())
        .contains("iter " + ITERS + "/" + ITERS);
    for (String f : List.of("config.json", "provenance.json", "metrics.csv", "model.safetensors",
        "report.html", "plots/trajectories.png", "plots/phase.png", "plots/vector_field.png",
        "plots/loss.png", "checkpoints/last.safetensors")) {
      assertThat(dir.resolve(f)).as(f).isNotEmptyFile();
    }

    String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
    Matcher img = Pattern.compile("<img [^>]*src=\"data:image/png;base64,").matcher(html);
    int images = 0;
    while (img.find()) {
      images++;
    }
    assertThat(images).isEqualTo(4);

    JsonNode config = new JsonMapper().readTree(dir.resolve("config.json").toFile());
    assertThat(config.path("training").path("iterations").asLong()).isEqualTo(ITERS);
    assertThat(config.path("seed").asLong()).isEqualTo(1);
    JsonNode provenance = new JsonMapper().readTree(dir.resolve("provenance.json").toFile());
    assertThat(provenance.path("seed").asLong()).isEqualTo(1);
    assertThat(provenance.path("commandLine").toString()).contains("demo").contains("--iters");

    // Batch losses: the last 10 iterations average well below the first 10.
    List<String> rows = Files.readAllLines(dir.resolve("metrics.csv"));
    assertThat(rows).hasSize(ITERS + 1);
    assertThat(rows.get(0)).isEqualTo("iteration,loss,val_loss,lr,time");
    double first = 0;
    double last = 0;
    for (int i = 1; i <= 10; i++) {
      first += Double.parseDouble(rows.get(i).split(",")[1]) / 10;
      last += Double.parseDouble(rows.get(ITERS - 10 + i).split(",")[1]) / 10;
    }
    assertThat(last).isLessThan(0.5 * first);

    // The saved parameters, under the network's names, give the model of the plots.
    SafetensorsFile model = Safetensors.read(dir.resolve("model.safetensors"));
    NeuralOde ode = SpiralDemo.model();
    assertThat(model.tensor("0.weight").shape()).isEqualTo(Shape.of(50, 2));
    assertThat(model.tensor("1.weight").shape()).isEqualTo(Shape.of(2, 50));
    double[] theta = ode.layout().flatten(model.tensors());
    // The last validation (iteration 40: every 4th is validated) is the mean absolute error of the
    // whole trajectory from y(0); the loaded parameters reproduce it.
    double[] times = SpiralData.times();
    double[] data = SpiralData.panel().series().get(0).values().toArray();
    double[][] y = ode.predict(theta, SpiralData.Y0, times);
    double mae = 0;
    for (int i = 0; i < times.length; i++) {
      mae += Math.abs(y[i][0] - data[2 * i]) + Math.abs(y[i][1] - data[2 * i + 1]);
    }
    mae /= 2 * times.length;
    assertThat(Double.parseDouble(rows.get(ITERS).split(",")[2])).isCloseTo(mae, within(1e-12));
  }

  @Test
  void refusesAnExistingRunWithoutForce() throws Exception {
    Path dir = tmp.resolve("taken");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("config.json"), "{}");
    Run r = run("demo", "--out", dir.toString(), "--iters", "1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: run directory " + dir)
        .contains("already exists and is not empty").contains("--force");
    assertThat(Files.readString(dir.resolve("config.json"))).isEqualTo("{}");

    Run forced = run("demo", "--out", dir.toString(), "--iters", "2", "--force");
    assertThat(forced.code()).isZero();
    assertThat(dir.resolve("report.html")).isNotEmptyFile();
  }

  @Test
  void badIterationsAreNamed() {
    Run r = run("demo", "--out", tmp.resolve("x").toString(), "--iters", "0");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("--iters must be >= 1, got 0");
    assertThat(tmp.resolve("x")).doesNotExist();
  }
}
