package org.nde4j.learn.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nde4j.testkit.browser.Pixels;

class PlotsTest {
  private static final double NAN = Double.NaN;

  /** Lotka–Volterra-like closed orbit sampled on [0, 10]: x = cos t, y = sin t. */
  static double[] times(int n, double t1) {
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = t1 * i / (n - 1);
    }
    return t;
  }

  static double[][] circle(double[] t) {
    double[][] m = new double[t.length][];
    for (int i = 0; i < t.length; i++) {
      m[i] = new double[] {Math.cos(t[i]), Math.sin(t[i])};
    }
    return m;
  }

  static double[][] withGaps(double[][] m) {
    double[][] d = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      d[i] = m[i].clone();
      if (i % 3 == 1) {
        d[i][0] = NAN;
      }
      if (i % 4 == 2) {
        d[i][1] = NAN;
      }
    }
    return d;
  }

  @Test
  void lossCurveIsAPngOfTheFixedSizeWithBothCurvesInTheirColours() {
    double[] it = times(200, 199);
    double[] loss = new double[200];
    for (int i = 0; i < 200; i++) {
      loss[i] = Math.exp(-i / 40.0) + 1e-3;
    }
    double[] vIt = {0, 50, 100, 150, 199};
    double[] vLoss = {1.2, 0.4, 0.1, 0.03, 0.02};
    for (boolean logY : new boolean[] {false, true}) {
      Figure f = LossPlot.plot(it, loss, vIt, vLoss, logY);
      assertThat(f.name()).isEqualTo("loss");
      assertThat(f.width()).isEqualTo(900);
      assertThat(f.height()).isEqualTo(540);
      BufferedImage img = Pngs.assertDrawn(f);
      assertThat(Pixels.near(img, ChartCanvas.colour(0), 10)).as("train curve").isGreaterThan(200);
      assertThat(Pixels.near(img, ChartCanvas.colour(1), 10)).as("validation").isGreaterThan(50);
    }
  }

  @Test
  void lossCurveSkipsNonFiniteAndOnALogAxisNonPositiveLosses() {
    double[] it = {0, 1, 2, 3, 4};
    Pngs.assertDrawn(LossPlot.plot(it, new double[] {1, NAN, 0.5, 0, Double.POSITIVE_INFINITY},
        null, null, true));
    assertThatThrownBy(() -> LossPlot.plot(it, new double[] {0, -1, NAN, 0, 0}, null, null, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("train has no finite positive values");
  }

  @Test
  void trajectoriesDrawEveryChannelAndSkipMissingObservations() {
    double[] tm = times(300, 10);
    double[] td = times(25, 10);
    Figure f = TrajectoryPlot.plot("Fit", List.of("x", "y"), tm, circle(tm), td,
        withGaps(circle(td)));
    assertThat(f.name()).isEqualTo("trajectories");
    BufferedImage img = Pngs.assertDrawn(f);
    assertThat(Pixels.near(img, ChartCanvas.colour(0), 10)).isGreaterThan(300);
    assertThat(Pixels.near(img, ChartCanvas.colour(1), 10)).isGreaterThan(300);
    // A channel missing everywhere in the data still has its model curve.
    double[][] allMissing = new double[td.length][];
    for (int i = 0; i < td.length; i++) {
      allMissing[i] = new double[] {NAN, NAN};
    }
    Pngs.assertDrawn(TrajectoryPlot.plot("Fit", List.of("x", "y"), tm, circle(tm), td,
        allMissing));
    Pngs.assertDrawn(TrajectoryPlot.plot("Model only", List.of("x", "y"), tm, circle(tm), null,
        null));
  }

  @Test
  void phasePortraitDrawsTheOrbitAndTheObservedPoints() {
    double[] tm = times(300, 2 * Math.PI);
    double[] td = times(20, 2 * Math.PI);
    Figure f = PhasePortrait.plot("Orbit", List.of("x", "y"), 0, 1, circle(tm),
        withGaps(circle(td)));
    assertThat(f.name()).isEqualTo("phase");
    assertThat(f.width()).isEqualTo(640);
    assertThat(f.height()).isEqualTo(640);
    BufferedImage img = Pngs.assertDrawn(f);
    assertThat(Pixels.near(img, ChartCanvas.colour(0), 10)).isGreaterThan(500);
    assertThat(Pixels.near(img, ChartCanvas.colour(1), 10)).isGreaterThan(30);
  }

  @Test
  void quiverDrawsArrowsAndTheTrajectoryOverlay() {
    // The rotation field f(x, y) = (−y, x), whose orbits are the circles drawn on top.
    double[] tm = times(200, 2 * Math.PI);
    Figure f = QuiverPlot.plot("Rotation", "x", "y", (x, y) -> new double[] {-y, x},
        new QuiverPlot.Grid(-1.5, 1.5, -1.5, 1.5, 15), circle(tm));
    assertThat(f.name()).isEqualTo("vector_field");
    BufferedImage img = Pngs.assertDrawn(f);
    assertThat(Pixels.near(img, new java.awt.Color(0x555555), 12)).as("arrows").isGreaterThan(1000);
    assertThat(Pixels.near(img, ChartCanvas.colour(3), 10)).as("trajectory").isGreaterThan(300);
    // A field with NaN in places and a fixed point at the origin still draws.
    Pngs.assertDrawn(QuiverPlot.plot("Holes", "x", "y",
        (x, y) -> x > 0.5 ? new double[] {NAN, 0} : new double[] {x, -y},
        new QuiverPlot.Grid(-1, 1, -1, 1, 5), null));
  }

  @Test
  void figuresAreWrittenAsThePngBytes(@TempDir Path dir) throws IOException {
    Figure f = LossPlot.plot(new double[] {0, 1}, new double[] {1, 0.5}, null, null, false);
    Path file = dir.resolve("loss.png");
    f.write(file);
    assertThat(Files.readAllBytes(file)).isEqualTo(f.png());
  }

  @Test
  void badInputNamesTheArgument() {
    double[] t = {0, 1, 2};
    double[][] m = {{0, 1}, {1, 2}, {2, 3}};
    assertThatThrownBy(() -> LossPlot.plot(new double[0], new double[0], null, null, false))
        .hasMessage("loss plot: iterations is empty; at least one value is needed");
    assertThatThrownBy(() -> LossPlot.plot(t, new double[] {1, 2}, null, null, false))
        .hasMessage("loss plot: iterations has 3 values but train has 2; they must match one to "
            + "one");
    assertThatThrownBy(() -> LossPlot.plot(t, t, t, null, false))
        .hasMessageContaining("validationIterations and validation must be given together");
    assertThatThrownBy(() -> LossPlot.plot(t, t, t, new double[] {1}, false))
        .hasMessageContaining("validationIterations has 3 values but validation has 1");
    assertThatThrownBy(() -> TrajectoryPlot.plot("T", List.of(), t, m, null, null))
        .hasMessageContaining("trajectory plot: channels is empty");
    assertThatThrownBy(() -> TrajectoryPlot.plot("T", List.of("a", "b"), new double[] {0, 1},
        m, null, null))
        .hasMessage("trajectory plot: model has 3 rows but modelTimes has 2; they must match one "
            + "to one");
    assertThatThrownBy(() -> TrajectoryPlot.plot("T", List.of("a", "b"), t, m, t,
        new double[][] {{0, 1}, {1}, {2, 3}}))
        .hasMessage("trajectory plot: data row 1 has 1 values, expected 2 (one per channel)");
    assertThatThrownBy(() -> TrajectoryPlot.plot("T", List.of("a", "b"), t, m, new double[0],
        new double[0][]))
        .hasMessageContaining("trajectory plot: dataTimes is empty");
    assertThatThrownBy(() -> TrajectoryPlot.plot("T", List.of("a", "b"), t,
        new double[][] {{NAN, NAN}, {NAN, NAN}, {NAN, NAN}}, null, null))
        .hasMessageContaining("model has no finite value");
    assertThatThrownBy(() -> PhasePortrait.plot("P", List.of("a", "b"), 1, 1, m, null))
        .hasMessageContaining("phase portrait: channels x = 1 and y = 1 must be two different");
    assertThatThrownBy(() -> PhasePortrait.plot("P", List.of("a", "b"), 0, 1, new double[0][],
        null))
        .hasMessageContaining("phase portrait: model is empty");
    assertThatThrownBy(() -> new QuiverPlot.Grid(1, 1, 0, 1, 10))
        .hasMessageContaining("grid x range [1.0, 1.0]");
    assertThatThrownBy(() -> new QuiverPlot.Grid(0, 1, 0, 1, 1))
        .hasMessageContaining("grid points = 1");
    QuiverPlot.Grid g = new QuiverPlot.Grid(0, 1, 0, 1, 3);
    assertThatThrownBy(() -> QuiverPlot.plot("Q", "x", "y", (x, y) -> new double[] {x}, g, null))
        .hasMessageContaining("field at (0.0, 0.0) returned 1 components");
    assertThatThrownBy(() -> QuiverPlot.plot("Q", "x", "y", (x, y) -> new double[] {NAN, 0}, g,
        null)).hasMessageContaining("field is not finite at any of the 9 grid points");
    assertThatThrownBy(() -> QuiverPlot.plot("Q", "x", "y", (x, y) -> new double[] {1, 0}, g,
        new double[][] {{0, 0}, {1}}))
        .hasMessageContaining("trajectory row 1 has 1 values, expected 2");
    assertThatThrownBy(() -> new Figure("../x", "", new byte[] {1}, 1, 1))
        .hasMessageContaining("figure name '../x'");
  }
}
