package org.nde4j.bench;

/**
 * One row of a benchmark report, in the fields of the report format (see {@link ReportWriter}).
 * Fields other than {@code name} and {@code medianMs} are {@code null} where they do not apply;
 * {@code steps} is the number of accepted steps of a solve.
 */
public record CaseResult(String name, double medianMs, Double minMs, Double maxMs, Integer runs,
    Integer nfe, Integer nfeBwd, Double error, Long peakBytes, String note, Integer steps) {

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
        note == null ? text : note + "; " + text, steps);
  }
}
