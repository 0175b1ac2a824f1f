package org.nde4j.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a benchmark report, in the fields of the report format (see {@link ReportWriter}).
 * Fields other than {@code name} and {@code medianMs} are {@code null} where they do not apply;
 * {@code steps} is the number of accepted steps of a solve; {@code extra} holds a case's own
 * further fields (e.g. the {@code train} suite's loss curves), written after {@code note} in
 * insertion order, empty for most cases.
 */
public record CaseResult(String name, double medianMs, Double minMs, Double maxMs, Integer runs,
    Integer nfe, Integer nfeBwd, Double error, Long peakBytes, String note, Integer steps,
    Map<String, Object> extra) {

  /**
   * Copies {@code extra} (unmodifiable, insertion order kept; {@code null} becomes empty).
   *
   * @throws IllegalArgumentException naming the key if an extra field has the name of a standard
   *     one
   */
  public CaseResult {
    Map<String, Object> copy = new LinkedHashMap<>();
    if (extra != null) {
      for (Map.Entry<String, Object> e : extra.entrySet()) {
        if (ReportWriter.STANDARD_FIELDS.contains(e.getKey())) {
          throw new IllegalArgumentException("case " + name + ": extra field '" + e.getKey()
              + "' has the name of a standard field");
        }
        copy.put(e.getKey(), e.getValue());
      }
    }
    extra = Collections.unmodifiableMap(copy);
  }

  /** A row without extra fields. */
  public CaseResult(String name, double medianMs, Double minMs, Double maxMs, Integer runs,
      Integer nfe, Integer nfeBwd, Double error, Long peakBytes, String note, Integer steps) {
    this(name, medianMs, minMs, maxMs, runs, nfe, nfeBwd, error, peakBytes, note, steps, null);
  }

  /** A row without a step count. */
  public CaseResult(String name, double medianMs, Double minMs, Double maxMs, Integer runs,
      Integer nfe, Integer nfeBwd, Double error, Long peakBytes, String note) {
    this(name, medianMs, minMs, maxMs, runs, nfe, nfeBwd, error, peakBytes, note, null);
  }

  /** A result from a harness timing plus the case's own figures. */
  public static CaseResult of(BenchCase c, Timing t, String note) {
    return new CaseResult(c.name(), t.medianMs(), t.minMs(), t.maxMs(), t.runs(), c.nfe(), null,
        c.error(), null, note, c.steps());
  }

  /** This row with {@code text} appended to its note (after "; " when there is one). */
  public CaseResult withNoteAppended(String text) {
    return new CaseResult(name, medianMs, minMs, maxMs, runs, nfe, nfeBwd, error, peakBytes,
        note == null ? text : note + "; " + text, steps, extra);
  }

  /** This row with the extra fields {@code more} added (replacing those of the same name). */
  public CaseResult withExtra(Map<String, Object> more) {
    Map<String, Object> all = new LinkedHashMap<>(extra);
    all.putAll(more);
    return new CaseResult(name, medianMs, minMs, maxMs, runs, nfe, nfeBwd, error, peakBytes, note,
        steps, all);
  }
}
