package org.nde4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link Report} in the benchmark JSON format shared with the peer scripts:
 *
 * <pre>{@code
 * {"suite": "core", "nde4j_version": "…", "java": "17.0.15", "threads": 1,
 *  "results": [{"case": "…", "median_ms": 0.08, "min_ms": 0.07, "max_ms": 0.2, "runs": 200,
 *               "nfe": null, "nfe_bwd": null, "steps": null, "error": null, "peak_bytes": null,
 *               "note": "…"}]}
 * }</pre>
 *
 * Every field of a result is always present; fields that do not apply are {@code null}. A
 * top-level {@code "note"} (the suite's {@link Suite#header()}) is written only when there is one. {@code steps} (accepted
 * steps of a solve) is an addition to the format of {@code reference/workloads.md}, which asks for it
 * in the {@code ode} suite. A case's {@link CaseResult#extra() extra} fields (numbers, strings,
 * arrays of numbers) follow {@code note}, e.g. the {@code train} suite's {@code
 * batch_loss_mean_per_100}.
 */
public final class ReportWriter {
  /** The fields every result has, in the order they are written. */
  static final java.util.List<String> STANDARD_FIELDS = java.util.List.of("case", "median_ms",
      "min_ms", "max_ms", "runs", "nfe", "nfe_bwd", "steps", "error", "peak_bytes", "note");

  private final JsonMapper mapper =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** The report as a JSON tree. */
  public ObjectNode toJson(Report r) {
    ObjectNode root = mapper.createObjectNode();
    root.put("suite", r.suite());
    root.put("nde4j_version", r.nde4jVersion());
    root.put("java", r.java());
    root.put("threads", r.threads());
    if (r.note() != null) {
      root.put("note", r.note());
    }
    var results = root.putArray("results");
    for (CaseResult c : r.results()) {
      ObjectNode o = results.addObject();
      o.put("case", c.name());
      o.put("median_ms", round(c.medianMs()));
      putNumber(o, "min_ms", c.minMs() == null ? null : round(c.minMs()));
      putNumber(o, "max_ms", c.maxMs() == null ? null : round(c.maxMs()));
      putNumber(o, "runs", c.runs());
      putNumber(o, "nfe", c.nfe());
      putNumber(o, "nfe_bwd", c.nfeBwd());
      putNumber(o, "steps", c.steps());
      putNumber(o, "error", c.error());
      putNumber(o, "peak_bytes", c.peakBytes());
      if (c.note() == null) {
        o.putNull("note");
      } else {
        o.put("note", c.note());
      }
      for (java.util.Map.Entry<String, Object> e : c.extra().entrySet()) {
        o.set(e.getKey(), mapper.valueToTree(e.getValue()));
      }
    }
    return root;
  }

  /** The report as indented JSON text. */
  public String toString(Report r) {
    return mapper.writeValueAsString(toJson(r));
  }

  /** Writes the report to {@code file} (parent directories are created). */
  public void write(Report r, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, toString(r) + System.lineSeparator());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void putNumber(ObjectNode o, String field, Number v) {
    if (v == null) {
      o.putNull(field);
    } else if (v instanceof Double d) {
      o.put(field, d);
    } else if (v instanceof Long l) {
      o.put(field, l);
    } else {
      o.put(field, v.intValue());
    }
  }

  /** Six significant digits: timings are not more precise than that, and the files stay readable. */
  private static double round(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).doubleValue();
  }
}
