package org.nde4j.learn.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nde4j.learn.io.Provenance;
import org.nde4j.learn.io.RunDirectory;
import org.nde4j.testkit.browser.Pixels;

class RunReportTest {
  private static final Pattern DATA_URI =
      Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

  /** The four figures a demo run makes, from a circle orbit. */
  static List<Figure> figures() {
    double[] it = PlotsTest.times(50, 49);
    double[] loss = new double[50];
    for (int i = 0; i < 50; i++) {
      loss[i] = 1.0 / (1 + i);
    }
    double[] tm = PlotsTest.times(200, 2 * Math.PI);
    double[] td = PlotsTest.times(15, 2 * Math.PI);
    double[][] model = PlotsTest.circle(tm);
    double[][] data = PlotsTest.withGaps(PlotsTest.circle(td));
    return List.of(
        LossPlot.plot(it, loss, null, null, true),
        TrajectoryPlot.plot("Trajectories", List.of("x", "y"), tm, model, td, data),
        PhasePortrait.plot("Phase portrait", List.of("x", "y"), 0, 1, model, data),
        QuiverPlot.plot("Learned vector field", "x", "y", (x, y) -> new double[] {-y, x},
            new QuiverPlot.Grid(-1.5, 1.5, -1.5, 1.5, 12), model));
  }

  static RunDirectory run(Path dir) throws IOException {
    RunDirectory run = RunDirectory.create(dir.resolve("lv-run"), false);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("model", "<script>alert('x')</script> & \"more\"");
    config.put("lr", 0.01);
    run.writeConfig(config);
    Path data = Files.writeString(dir.resolve("a<b>.csv"), "time,x\n0,1\n1,2\n");
    run.writeProvenance(Provenance.of(7, List.of(data), List.of("fit", "--data", "a<b>.csv")));
    return run;
  }

  @Test
  void reportIsSelfContainedWithOneDecodablePngPerFigure(@TempDir Path dir) throws IOException {
    RunDirectory run = run(dir);
    List<Figure> figures = figures();
    RunReport.write(run, RunSummary.of(new double[] {0, 1, 2}, new double[] {3, 1, 2}, 4.25),
        figures);
    String html = Files.readString(run.reportFile(), StandardCharsets.UTF_8);

    Matcher m = DATA_URI.matcher(html);
    List<byte[]> images = new ArrayList<>();
    while (m.find()) {
      images.add(Base64.getDecoder().decode(m.group(1)));
    }
    assertThat(images).hasSize(figures.size());
    for (int i = 0; i < figures.size(); i++) {
      Figure f = figures.get(i);
      assertThat(images.get(i)).isEqualTo(f.png());
      BufferedImage img = Pixels.decode(images.get(i));
      assertThat(img.getWidth()).isEqualTo(f.width());
      assertThat(img.getHeight()).isEqualTo(f.height());
      assertThat(Files.readAllBytes(run.path().resolve("plots").resolve(f.name() + ".png")))
          .isEqualTo(f.png());
    }

    // Nothing outside the file: no remote or relative resources of any kind.
    assertThat(html).doesNotContain("src=\"http").doesNotContain("href=")
        .doesNotContain("http://").doesNotContain("https://").doesNotContain("<link")
        .doesNotContain("<script").doesNotContain("url(").doesNotContain("@import");
    assertThat(Pattern.compile("src=\"(?!data:)").matcher(html).find()).isFalse();

    // Text from the run is escaped; the configuration is the pretty-printed config.json.
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
        + "\\&quot;more\\&quot;");
    assertThat(html).contains("\n  &quot;lr&quot; : 0.01\n");
    assertThat(html).contains("fit --data a&lt;b&gt;.csv");
    assertThat(html).contains(Provenance.sha256(dir.resolve("a<b>.csv")));
    // The summary: last loss 2, best loss 1 at iteration 1, 3 iterations' last index 2.
    assertThat(html).contains("<tr><th>iterations</th><td>2</td></tr>")
        .contains("<tr><th>last loss</th><td>2.00000</td></tr>")
        .contains("<tr><th>best loss</th><td>1.00000 (iteration 1)</td></tr>")
        .contains("<tr><th>training time</th><td>4.3 s</td></tr>");

    // Written atomically: no temporary file is left beside it.
    try (Stream<Path> s = Files.list(run.path())) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void reportWithoutProvenanceSaysSo(@TempDir Path dir) throws IOException {
    RunDirectory run = RunDirectory.create(dir.resolve("r"), false);
    run.writeConfig(Map.of("a", 1));
    RunReport.write(run, RunSummary.of(new double[] {0}, new double[] {Double.NaN}, 0), List.of());
    String html = Files.readString(run.reportFile(), StandardCharsets.UTF_8);
    assertThat(html).contains("No provenance.json").doesNotContain("data:image")
        .contains("<tr><th>best loss</th><td>NaN</td></tr>");
  }

  @Test
  void duplicateFigureNamesAndAMissingConfigAreRefused(@TempDir Path dir) throws IOException {
    RunDirectory run = RunDirectory.create(dir.resolve("r"), false);
    Figure f = figures().get(0);
    RunSummary s = RunSummary.of(new double[] {0}, new double[] {1}, 0);
    assertThatThrownBy(() -> RunReport.write(run, s, List.of(f, f)))
        .hasMessageContaining("two figures are named 'loss'");
    assertThatThrownBy(() -> RunReport.write(run, s, List.of(f)))
        .isInstanceOf(IOException.class).hasMessageContaining("config.json");
    assertThat(run.reportFile()).doesNotExist();
  }

  @Test
  void summaryFindsTheBestFiniteLoss() {
    RunSummary s = RunSummary.of(new double[] {10, 20, 30, 40},
        new double[] {Double.NaN, 0.5, 0.25, 0.75}, 1);
    assertThat(s).isEqualTo(new RunSummary(40, 0.75, 0.25, 30, 1));
    assertThatThrownBy(() -> RunSummary.of(new double[] {1}, new double[] {1, 2}, 0))
        .hasMessageContaining("run summary: iterations has 1 values but losses has 2");
  }
}
