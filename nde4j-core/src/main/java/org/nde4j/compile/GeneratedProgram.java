package org.nde4j.compile;

/**
 * Straight-line code generated for a small plan (see {@link ScalarCodegen}). Public only because
 * generated classes live in their own class loader; not meant to be implemented by users.
 */
public interface GeneratedProgram {
  /** Reads {@code in[i]} and writes {@code out[i]}, exactly as the plan's run. */
  void run(double[][] in, double[][] out);
}
