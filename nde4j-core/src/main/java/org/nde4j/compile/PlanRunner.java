package org.nde4j.compile;

/**
 * Runs a compiled plan: reads {@code in[i]} (input i, row-major, exactly its size) and writes
 * {@code out[i]}; allocates nothing; rejects arrays of the wrong number or length with an
 * {@link IllegalArgumentException} naming the expected sizes. {@link Plan#runner()} returns the
 * fastest one for a plan: for small graphs the generated straight-line code itself, so that the
 * JIT can inline it at the caller's own call site (a solver's right-hand-side call, say).
 */
@FunctionalInterface
public interface PlanRunner {
  void run(double[][] in, double[][] out);
}
