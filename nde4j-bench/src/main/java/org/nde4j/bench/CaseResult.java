package org.nde4j.bench;

/**
 * One row of a benchmark report, in the fields of the report format (see {@link ReportWriter}).
 * Fields other than {@code name} and {@code medianMs} are {@code null} where they do not apply.
 */
public record CaseResult(String name, double medianMs, Double minMs, Double maxMs, Integer runs,
    Integer nfe, Integer nfeBwd, Double error, Long peakBytes, String note) {

  /** A result from a harness timing plus the case's own figures. */
  public static CaseResult of(BenchCase c, Timing t, String note) {
    return new CaseResult(c.name(), t.medianMs(), t.minMs(), t.maxMs(), t.runs(), c.nfe(), null,
        c.error(), null, note);
  }
}
