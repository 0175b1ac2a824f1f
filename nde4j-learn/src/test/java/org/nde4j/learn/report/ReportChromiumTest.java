package org.nde4j.learn.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nde4j.learn.io.RunDirectory;

/**
 * Renders a report in a real browser: headless Chromium takes a screenshot of report.html, which
 * must show the figures (their curve colours appear in the screenshot; a broken image would show
 * only its alt text). Runs where Debian's {@code chromium} is installed, as CI installs it;
 * skipped elsewhere.
 */
class ReportChromiumTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @Test
  void chromiumRendersTheReportWithItsFigures(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is not installed (Debian package "
        + "chromium); the browser rendering of report.html is checked where it is, as in CI");
    RunDirectory run = RunReportTest.run(dir);
    RunReport.write(run, RunSummary.of(new double[] {0, 1}, new double[] {2, 1}, 1),
        RunReportTest.figures());
    Path shot = dir.resolve("shot.png");
    Path log = dir.resolve("chromium.log");
    Process p = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
        "--user-data-dir=" + dir.resolve("profile"), "--window-size=1000,4200",
        "--screenshot=" + shot, run.reportFile().toUri().toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 180 s: " + readLog(log));
    }
    assertThat(p.exitValue()).as("chromium exit status; log: %s", readLog(log)).isZero();
    assertThat(shot).as("screenshot; log: %s", readLog(log)).exists();
    BufferedImage img = Pngs.decode(Files.readAllBytes(shot));
    assertThat(Pngs.nonBackground(img)).isGreaterThan(img.getWidth() * img.getHeight() / 100);
    // The loss and trajectory curves (colour 0), the phase portrait's data points (colour 1) and
    // the quiver's trajectory (colour 3) are on the page, so every image was decoded and drawn.
    assertThat(Pngs.near(img, ChartCanvas.colour(0), 12)).isGreaterThan(1000);
    assertThat(Pngs.near(img, ChartCanvas.colour(1), 12)).isGreaterThan(100);
    assertThat(Pngs.near(img, ChartCanvas.colour(3), 12)).isGreaterThan(300);
  }

  private static String readLog(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log) : "(no output)";
  }
}
