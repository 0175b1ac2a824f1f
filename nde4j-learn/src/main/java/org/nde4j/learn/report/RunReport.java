package org.nde4j.learn.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nde4j.learn.io.AtomicFile;
import org.nde4j.learn.io.Provenance;
import org.nde4j.learn.io.RunDirectory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code report.html}: one self-contained page per run — the metrics summary, the figures, the
 * configuration ({@code config.json}, pretty-printed) and the provenance. Images are inline
 * {@code data:image/png;base64} URIs and the style sheet is inline, so the file needs nothing
 * else: no network, no sibling files; it can be mailed or archived alone. All text from the run
 * (configuration strings, file names, the command line) is HTML-escaped.
 */
public final class RunReport {
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private static final String STYLE = """
      body { font-family: sans-serif; margin: 2em auto; max-width: 960px; color: #222; }
      h1 { font-size: 1.5em; } h2 { font-size: 1.2em; border-bottom: 1px solid #ccc; }
      table { border-collapse: collapse; } td, th { padding: 0.2em 0.8em; text-align: left; }
      th { font-weight: normal; color: #555; }
      pre { background: #f6f6f6; padding: 0.8em; overflow-x: auto; }
      figure { margin: 1em 0; } img { max-width: 100%; height: auto; }
      figcaption { color: #555; font-size: 0.9em; }
      """;

  private RunReport() {}

  /**
   * Writes the figures to {@code plots/NAME.png} and the report to {@code report.html} of
   * {@code run}, each replaced atomically ({@link AtomicFile}). The configuration is read from
   * the run's {@code config.json}; the provenance from {@code provenance.json} if it exists.
   *
   * @throws IOException naming the file if {@code config.json} or {@code provenance.json} cannot
   *     be read or parsed, or a file cannot be written
   * @throws IllegalArgumentException naming the figure if two figures share a name
   */
  public static void write(RunDirectory run, RunSummary summary, List<Figure> figures)
      throws IOException {
    Set<String> names = new HashSet<>();
    for (Figure f : figures) {
      if (!names.add(f.name())) {
        throw new IllegalArgumentException("report: two figures are named '" + f.name()
            + "'; each becomes plots/" + f.name() + ".png");
      }
    }
    String config = pretty(run.readConfig(), run.configFile());
    Provenance provenance = Files.isRegularFile(run.provenanceFile()) ? run.readProvenance()
        : null;
    Path plots = run.plotsDirectory();
    for (Figure f : figures) {
      f.write(plots.resolve(f.name() + ".png"));
    }
    String title = String.valueOf(run.path().toAbsolutePath().normalize().getFileName());
    byte[] page = html(title, summary, figures, config, provenance)
        .getBytes(StandardCharsets.UTF_8);
    AtomicFile.write(run.reportFile(), page);
  }

  /** The page for a run named {@code title}; {@code provenance} may be null. */
  static String html(String title, RunSummary summary, List<Figure> figures, String configJson,
      Provenance provenance) {
    StringBuilder h = new StringBuilder(1 << 16);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>nde4j run ").append(escape(title)).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<h1>nde4j training run ").append(escape(title)).append("</h1>\n");

    h.append("<h2>Summary</h2>\n<table>\n");
    row(h, "iterations", Long.toString(summary.iterations()));
    row(h, "last loss", number(summary.lastLoss()));
    row(h, "best loss", number(summary.bestLoss())
        + (summary.bestIteration() >= 0 ? " (iteration " + summary.bestIteration() + ")" : ""));
    row(h, "training time", String.format(Locale.ROOT, "%.1f s", summary.seconds()));
    h.append("</table>\n");

    if (!figures.isEmpty()) {
      h.append("<h2>Plots</h2>\n");
      for (Figure f : figures) {
        h.append("<figure id=\"").append(escape(f.name())).append("\">\n")
            .append("<img src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(f.png())).append("\" width=\"")
            .append(f.width()).append("\" height=\"").append(f.height()).append("\" alt=\"")
            .append(escape(f.caption())).append("\">\n<figcaption>").append(escape(f.caption()))
            .append("</figcaption>\n</figure>\n");
      }
    }

    h.append("<h2>Configuration</h2>\n<pre>").append(escape(configJson)).append("</pre>\n");

    h.append("<h2>Provenance</h2>\n");
    if (provenance == null) {
      h.append("<p>No provenance.json in this run directory.</p>\n");
    } else {
      h.append("<table>\n");
      row(h, "seed", Long.toString(provenance.seed()));
      row(h, "nde4j", provenance.nde4j());
      row(h, "Java", provenance.java());
      row(h, "OS", provenance.os());
      row(h, "started", provenance.created());
      row(h, "command line", provenance.commandLine().isEmpty() ? "(started from Java code)"
          : String.join(" ", provenance.commandLine()));
      for (Map.Entry<String, String> e : provenance.dataSha256().entrySet()) {
        row(h, "SHA-256 of " + e.getKey(), e.getValue());
      }
      h.append("</table>\n");
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  /** Escapes text for HTML element content and double-quoted attribute values. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static void row(StringBuilder h, String key, String value) {
    h.append("<tr><th>").append(escape(key)).append("</th><td>").append(escape(value))
        .append("</td></tr>\n");
  }

  private static String number(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : Double.toString(v);
  }

  private static String pretty(JsonNode config, Path file) throws IOException {
    try {
      return JSON.writeValueAsString(config);
    } catch (JacksonException e) {
      throw new IOException(file + ": cannot print the configuration: " + e.getOriginalMessage(),
          e);
    }
  }
}
