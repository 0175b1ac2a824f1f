package org.nde4j.learn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nde4j.learn.io.Safetensors;
import org.nde4j.learn.io.SafetensorsFile;

class NormalisationTest {
  @TempDir Path dir;

  // Channel x observed 1, 2, 3, 6 (a missing cell between): mean 3, variance (4+1+0+9)/4 = 3.5.
  // Channel y observed 10, 10, 10: constant, so std falls back to 1.
  private static Panel panel() {
    double nan = Double.NaN;
    Series a = new Series("a", new double[] {0, 1, 2}, new double[] {1, 10, 2, nan, 3, 10}, 2);
    Series b = new Series("b", new double[] {0, 0.5}, new double[] {nan, 10, 6, nan}, 2);
    return new Panel("test", List.of("x", "y"), List.of(a, b));
  }

  @Test
  void statisticsOverObservedValuesOnly() {
    Normalisation n = panel().normalisation();
    assertThat(n.mean(0)).isEqualTo(3.0);
    assertThat(n.std(0)).isCloseTo(Math.sqrt(3.5), within(1e-15));
    assertThat(n.mean(1)).isEqualTo(10.0);
    assertThat(n.std(1)).isEqualTo(1.0);
  }

  @Test
  void normalisedPanelHasZeroMeanUnitStdAndKeepsMissingValues() {
    Panel p = panel();
    Panel z = p.normalise(p.normalisation());
    Normalisation again = z.normalisation();
    assertThat(again.mean(0)).isCloseTo(0.0, within(1e-15));
    assertThat(again.std(0)).isCloseTo(1.0, within(1e-15));
    assertThat(z.series("a").value(0, 0)).isCloseTo(-2 / Math.sqrt(3.5), within(1e-15));
    assertThat(z.series("a").isObserved(1, 1)).isFalse();
    assertThat(z.series("a").mask().toArray()).isEqualTo(p.series("a").mask().toArray());
    Normalisation n = p.normalisation();
    assertThat(n.denormalise(0, n.normalise(0, 4.25))).isCloseTo(4.25, within(1e-15));
  }

  @Test
  void savedWithAModelAsNamedArrays() throws Exception {
    Normalisation n = panel().normalisation();
    Path file = dir.resolve("model.safetensors");
    Safetensors.write(file, n.toTensors(), Map.of("channels", "x,y"));
    SafetensorsFile back = Safetensors.read(file);
    assertThat(back.tensors().keySet()).containsExactly("normalisation.mean", "normalisation.std");
    assertThat(Normalisation.fromTensors(List.of("x", "y"), back.tensors())).isEqualTo(n);
    assertThatThrownBy(() -> Normalisation.fromTensors(List.of("x"), back.tensors()))
        .hasMessageContaining("array 'normalisation.mean' has shape [2], expected [1]");
  }

  @Test
  void aChannelWithoutObservationsCannotBeNormalised() {
    Series s = new Series("a", new double[] {0, 1}, new double[] {1, Double.NaN, 2, Double.NaN},
        2);
    Panel p = new Panel("data.csv", List.of("x", "y"), List.of(s));
    assertThatThrownBy(p::normalisation)
        .hasMessage("data.csv: channel 'y' has no observed value to normalise by");
  }
}
