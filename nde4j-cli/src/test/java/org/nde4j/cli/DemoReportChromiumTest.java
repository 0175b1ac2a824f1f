package org.nde4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nde4j.testkit.browser.HeadlessChromium;
import org.nde4j.testkit.browser.Pixels;

/**
 * Acceptance: {@code nde4j demo} writes a run directory whose report.html a headless Chromium
 * renders with its four plots — every image decoded at the size of its PNG in {@code plots/} (a
 * broken image has size 0 × 0), and the main colour of each plot present in the screenshot.
 * Skipped where Debian's {@code chromium} is not installed; CI installs it.
 */
class DemoReportChromiumTest {
  private static final List<String> PLOTS = List.of("trajectories.png", "phase.png",
      "vector_field.png", "loss.png");

  @Test
  void chromiumShowsTheDemoReportWithItsFourPlots(@TempDir Path tmp) throws Exception {
    assumeTrue(HeadlessChromium.isInstalled(), HeadlessChromium.missingReason());
    Path dir = tmp.resolve("demo");
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "demo", "--out", dir.toString(), "--iters", "20", "--seed", "0");
    assertThat(code).as("exit code; stderr: %s", err).isZero();
    Path report = dir.resolve("report.html");

    List<BufferedImage> plots = new ArrayList<>();
    for (String p : PLOTS) {
      plots.add(Pixels.decode(Files.readAllBytes(dir.resolve("plots").resolve(p))));
    }
    Comparator<int[]> bySize = Comparator.<int[]>comparingInt(s -> s[0])
        .thenComparingInt(s -> s[1]);
    List<int[]> expected = new ArrayList<>(plots.stream()
        .map(i -> new int[] {i.getWidth(), i.getHeight()}).toList());
    expected.sort(bySize);
    List<int[]> shown = new ArrayList<>(HeadlessChromium.imageSizes(report, tmp));
    shown.sort(bySize);
    assertThat(shown).as("natural sizes of the report's images").hasSize(4);
    for (int i = 0; i < 4; i++) {
      assertThat(shown.get(i)).as("image %d (0 × 0 is a broken image)", i)
          .containsExactly(expected.get(i));
    }

    BufferedImage shot = HeadlessChromium.screenshot(report, tmp, 1000, 4200);
    for (int i = 0; i < PLOTS.size(); i++) {
      Color c = Pixels.dominantColour(plots.get(i)).orElseThrow(
          () -> new AssertionError("plot has no coloured pixel"));
      assertThat(Pixels.near(shot, c, 12)).as("pixels of %s's colour %s in the screenshot",
          PLOTS.get(i), c).isGreaterThan(100);
    }
  }
}
