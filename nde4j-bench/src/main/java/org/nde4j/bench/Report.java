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
 */
public record Report(String suite, String nde4jVersion, String java, int threads,
    List<CaseResult> results) {

  /** Copies the list. */
  public Report {
    results = List.copyOf(results);
  }
}
