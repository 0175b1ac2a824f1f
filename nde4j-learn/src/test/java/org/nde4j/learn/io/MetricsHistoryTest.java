package org.nde4j.learn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metrics.csv} written by {@link MetricsCsv} reads back as the trainer logged it. */
class MetricsHistoryTest {
  @TempDir
  Path dir;

  @Test
  void roundTripWithValidationRows() throws IOException {
    Path f = dir.resolve("metrics.csv");
    try (MetricsCsv m = MetricsCsv.open(f, List.of("iteration", "loss", "val_loss", "lr",
        "time"))) {
      m.append(1, 0.5, Double.NaN, 0.01, 0.1);
      m.append(2, 0.25, 0.3, 0.01, 0.2);
      m.append(3, 0.125, Double.NaN, 0.01, 0.35);
    }
    MetricsHistory h = MetricsHistory.read(f);
    assertThat(h.iterations()).containsExactly(1, 2, 3);
    assertThat(h.loss()).containsExactly(0.5, 0.25, 0.125);
    assertThat(h.validationIterations()).containsExactly(2);
    assertThat(h.validation()).containsExactly(0.3);
    assertThat(h.seconds()).isEqualTo(0.35);
    assertThat(h.hasValidation()).isTrue();
  }

  @Test
  void badRowsAreNamed() throws IOException {
    Path f = Files.writeString(dir.resolve("m.csv"),
        "iteration,loss,val_loss,lr,time\n1,0.5,NaN,0.01,0.1\n2,x,NaN,0.01,0.2\n");
    assertThatThrownBy(() -> MetricsHistory.read(f)).isInstanceOf(IOException.class)
        .hasMessage(f + ":3: column 'loss': 'x' is not a number");
    Path g = Files.writeString(dir.resolve("g.csv"), "step,loss\n");
    assertThatThrownBy(() -> MetricsHistory.read(g)).hasMessageContaining(g + ":1: expected the "
        + "header iteration,loss,val_loss,lr,time, found 'step,loss'");
  }
}
