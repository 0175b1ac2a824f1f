package org.nde4j.bench;

import java.util.List;

/**
 * A whole suite's results, as written by {@link ReportWriter}.
 *
 * @param suite suite name, e.g. {@code "core"}
 * @param nde4jVersion version of the library measured
 * @param java {@code java.version} of the JVM that ran it
 * @param threads number of threads the cases were allowed to use
 * @param results one entry per case, in run order
 * @param note a remark on the whole run ({@link Suite#header()}), or {@code null}
 */
public record Report(String suite, String nde4jVersion, String java, int threads,
    List<CaseResult> results, String note) {

  /** Copies the list. */
  public Report {
    results = List.copyOf(results);
  }

  /** A report without a header note. */
  public Report(String suite, String nde4jVersion, String java, int threads,
      List<CaseResult> results) {
    this(suite, nde4jVersion, java, threads, results, null);
  }
}
