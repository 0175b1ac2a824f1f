package org.nde4j.bench;

import java.util.List;

/** A named list of benchmark cases, run by {@code nde4j bench NAME}. */
public interface Suite {

  /** The suite name used on the command line and in reports, e.g. {@code "core"}. */
  String name();

  /** The cases, in run order; each is constructed but not yet prepared. */
  List<BenchCase> cases();

  /**
   * The results of a whole run with cross-case remarks added (e.g. each case's time as a ratio of
   * a peer case measured in the same run). Called once after every selected case has been
   * measured; the default returns the results unchanged.
   */
  default List<CaseResult> compare(List<CaseResult> results) {
    return results;
  }

  /**
   * A remark on the whole run for the report's header (e.g. which cases were skipped and why, what
   * errors are measured against), asked for after the run; {@code null} (the default) for none.
   */
  default String header() {
    return null;
  }
}
