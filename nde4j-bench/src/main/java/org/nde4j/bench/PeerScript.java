package org.nde4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs a peer benchmark script (for example {@code shared/peers/mlp_fwd_vjp.py}, torch doing the
 * same MLP forward+VJP) right after nde4j's own cases, so that both are measured in one run on
 * the same machine, and sets the peer's median beside nde4j's: the ratio goes into each matching
 * case's note. The script must print, as its last line of standard output, one JSON object that
 * maps case names to median milliseconds; it runs single-threaded ({@code OMP_NUM_THREADS} and
 * friends set to 1).
 */
public final class PeerScript {
  private final Path python;
  private final Path script;

  public PeerScript(Path python, Path script) {
    this.python = python;
    this.script = script;
  }

  /**
   * Runs the script and returns case name → peer median in ms.
   *
   * @throws IllegalStateException naming the script when it cannot be run, fails, or prints no
   *     JSON object
   */
  public Map<String, Double> run() {
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException("peer script " + script + " does not exist");
    }
    if (!Files.isExecutable(python)) {
      throw new IllegalStateException("peer interpreter " + python + " is not executable");
    }
    ProcessBuilder pb = new ProcessBuilder(python.toString(), script.toString());
    for (String v : new String[] {"OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"}) {
      pb.environment().put(v, "1");
    }
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    String out;
    try {
      Process p = pb.start();
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException("peer script " + script + " failed (exit "
            + (p.isAlive() ? "timeout" : p.exitValue()) + ")");
      }
    } catch (IOException e) {
      throw new IllegalStateException("peer script " + script + " could not be run: "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running peer script " + script, e);
    }
    return parse(out);
  }

  /** The last line of {@code out} that is a JSON object of numbers. */
  static Map<String, Double> parse(String out) {
    String[] lines = out.strip().split("\\R");
    for (int i = lines.length - 1; i >= 0; i--) {
      String l = lines[i].strip();
      if (l.startsWith("{")) {
        JsonNode n = new ObjectMapper().readTree(l);
        Map<String, Double> r = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          if (e.getValue().isNumber()) {
            r.put(e.getKey(), e.getValue().asDouble());
          }
        }
        return r;
      }
    }
    throw new IllegalStateException("peer script printed no JSON object: " + out);
  }

  /**
   * The report with, for each case the peer measured, {@code "peer <ms> ms, <ratio>x faster"}
   * (peer median over nde4j median, same run) appended to its note.
   */
  public static Report annotate(Report report, Map<String, Double> peer, String peerName) {
    List<CaseResult> rows = new ArrayList<>();
    for (CaseResult r : report.results()) {
      Double p = peer.get(r.name());
      if (p == null) {
        rows.add(r);
        continue;
      }
      String cmp = String.format(Locale.ROOT, "%s %.4g ms in the same run: nde4j %.3gx faster",
          peerName, p, p / r.medianMs());
      rows.add(r.withNoteAppended(cmp));
    }
    return new Report(report.suite(), report.nde4jVersion(), report.java(), report.threads(), rows,
        report.note());
  }
}
