package org.nde4j.learn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nde4j.tensor.Tensor;
import tools.jackson.databind.JsonNode;

class RunDirectoryTest {
  @TempDir Path tmp;

  @Test
  void createsTheLayoutAndStoresConfigAndProvenance() throws IOException {
    Path data = tmp.resolve("data.csv");
    Files.writeString(data, "abc", StandardCharsets.US_ASCII);
    RunDirectory run = RunDirectory.create(tmp.resolve("runs/one"), false);

    Map<String, Object> config = new LinkedHashMap<>();
    config.put("model", "neural-ode");
    config.put("lr", 0.001);
    config.put("hidden", List.of(64, 64));
    run.writeConfig(config);
    JsonNode back = run.readConfig();
    assertThat(back.get("model").stringValue()).isEqualTo("neural-ode");
    assertThat(back.get("lr").doubleValue()).isEqualTo(0.001);
    assertThat(back.get("hidden").get(1).intValue()).isEqualTo(64);

    Provenance p = Provenance.of(42, List.of(data), List.of("fit", "--data", "data.csv"));
    run.writeProvenance(p);
    Provenance q = run.readProvenance();
    assertThat(q).isEqualTo(p);
    // sha256sum of the three bytes "abc" (FIPS 180-2, appendix B.1).
    assertThat(q.dataSha256()).containsEntry(data.toString(),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(q.seed()).isEqualTo(42);
    assertThat(q.nde4j()).isNotEqualTo("unknown").doesNotContain("${");
    assertThat(q.java()).startsWith(System.getProperty("java.version"));

    Safetensors.write(run.modelFile(), Map.of("w", Tensor.vector(1, 2)), Map.of());
    assertThat(run.modelFile().getFileName().toString()).isEqualTo("model.safetensors");
    assertThat(run.plotsDirectory()).isDirectory().isEqualTo(run.path().resolve("plots"));
    assertThat(RunDirectory.open(run.path()).readConfig()).isEqualTo(back);
  }

  @Test
  void refusesANonEmptyDirectoryWithoutForce() throws IOException {
    Path dir = tmp.resolve("run");
    RunDirectory first = RunDirectory.create(dir, false);
    first.writeConfig(Map.of("iters", 100));
    try (MetricsCsv m = first.metrics(List.of("iteration", "loss"))) {
      m.append(1, 0.5);
    }
    byte[] config = Files.readAllBytes(first.configFile());

    assertThatThrownBy(() -> RunDirectory.create(dir, false))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("run directory " + dir + " already exists and is not empty")
        .hasMessageContaining("config.json, metrics.csv")
        .hasMessageContaining("--force");
    assertThat(Files.readAllBytes(first.configFile())).isEqualTo(config);
  }

  @Test
  void forceReplacesOnlyTheRunsOwnEntries() throws IOException {
    Path dir = tmp.resolve("run");
    RunDirectory first = RunDirectory.create(dir, false);
    first.writeConfig(Map.of("iters", 100));
    Files.writeString(first.plotsDirectory().resolve("loss.png"), "png");
    Files.writeString(dir.resolve("notes.txt"), "mine");

    RunDirectory second = RunDirectory.create(dir, true);
    assertThat(second.configFile()).doesNotExist();
    assertThat(dir.resolve("plots")).doesNotExist();
    assertThat(dir.resolve("notes.txt")).hasContent("mine");
  }

  @Test
  void aFileInThePlaceOfTheDirectoryOrAMissingRunAreNamed() throws IOException {
    Path file = tmp.resolve("file");
    Files.writeString(file, "x");
    assertThatThrownBy(() -> RunDirectory.create(file, true))
        .hasMessageContaining(file + " exists and is not a directory");
    assertThatThrownBy(() -> RunDirectory.open(tmp.resolve("absent")))
        .hasMessageContaining("absent");
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    assertThatThrownBy(() -> RunDirectory.open(empty))
        .hasMessageContaining(empty + " has no config.json");
  }

  @Test
  void metricsAppendResumeAndRecoverFromAPartialLine() throws IOException {
    RunDirectory run = RunDirectory.create(tmp.resolve("run"), false);
    try (MetricsCsv m = run.metrics(List.of("iteration", "loss", "val_loss"))) {
      m.append(1, 0.25, Double.NaN);
      m.append(2, 1e-7, 3.5);
      assertThatThrownBy(() -> m.append(3, 1.0))
          .hasMessageContaining("a row needs 3 values (iteration,loss,val_loss), got 2");
    }
    assertThat(run.metricsFile()).hasContent("iteration,loss,val_loss\n1,0.25,NaN\n2,1.0E-7,3.5");

    // A crash mid-row leaves a partial line; reopening cuts it and continues.
    Files.writeString(run.metricsFile(), "3,0.1", java.nio.file.StandardOpenOption.APPEND);
    try (MetricsCsv m = run.metrics(List.of("iteration", "loss", "val_loss"))) {
      m.append(3, 0.125, 2);
    }
    assertThat(Files.readAllLines(run.metricsFile())).containsExactly(
        "iteration,loss,val_loss", "1,0.25,NaN", "2,1.0E-7,3.5", "3,0.125,2");

    assertThatThrownBy(() -> run.metrics(List.of("iteration", "loss")))
        .hasMessageContaining(run.metricsFile() + ": line 1: metrics header "
            + "'iteration,loss,val_loss' differs from this run's columns 'iteration,loss'");
    assertThatThrownBy(() -> run.metrics(List.of("a,b")))
        .hasMessageContaining("'a,b' must be non-empty and free of commas");
  }
}
