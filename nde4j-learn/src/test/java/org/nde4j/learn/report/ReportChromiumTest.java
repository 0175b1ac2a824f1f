package org.nde4j.learn.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nde4j.learn.io.RunDirectory;
import org.nde4j.testkit.browser.HeadlessChromium;
import org.nde4j.testkit.browser.Pixels;

/**
 * Renders a report in a real browser: headless Chromium decodes every figure (none is a broken
 * image) and its screenshot of report.html shows them (their curve colours appear). Runs where
 * Debian's {@code chromium} is installed, as CI installs it; skipped elsewhere.
 */
class ReportChromiumTest {
  @Test
  void chromiumRendersTheReportWithItsFigures(@TempDir Path dir) throws Exception {
    assumeTrue(HeadlessChromium.isInstalled(), HeadlessChromium.missingReason());
    RunDirectory run = RunReportTest.run(dir);
    List<Figure> figures = RunReportTest.figures();
    RunReport.write(run, RunSummary.of(new double[] {0, 1}, new double[] {2, 1}, 1), figures);

    List<int[]> sizes = HeadlessChromium.imageSizes(run.reportFile(), dir);
    assertThat(sizes).hasSize(figures.size());
    for (int i = 0; i < sizes.size(); i++) {
      assertThat(sizes.get(i)).as("natural size of image %d", i)
          .containsExactly(figures.get(i).width(), figures.get(i).height());
    }

    BufferedImage img = HeadlessChromium.screenshot(run.reportFile(), dir, 1000, 4200);
    assertThat(Pixels.nonBackground(img)).isGreaterThan(img.getWidth() * img.getHeight() / 100);
    // The loss and trajectory curves (colour 0), the phase portrait's data points (colour 1) and
    // the quiver's trajectory (colour 3) are on the page, so every image was decoded and drawn.
    assertThat(Pixels.near(img, ChartCanvas.colour(0), 12)).isGreaterThan(1000);
    assertThat(Pixels.near(img, ChartCanvas.colour(1), 12)).isGreaterThan(100);
    assertThat(Pixels.near(img, ChartCanvas.colour(3), 12)).isGreaterThan(300);
  }
}
