package org.nde4j.bench;

import java.util.List;

/** A named list of benchmark cases, run by {@code nde4j bench NAME}. */
public interface Suite {

  /** The suite name used on the command line and in reports, e.g. {@code "core"}. */
  String name();

  /** The cases, in run order; each is constructed but not yet prepared. */
  List<BenchCase> cases();
}
