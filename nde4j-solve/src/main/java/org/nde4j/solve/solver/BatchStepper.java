package org.nde4j.solve.solver;

import org.nde4j.solve.stepsize.ErrorNorm;

/**
 * The workspace of a per-sample batch solve: steps any subset of the samples at once, each from
 * its own time with its own step size, evaluating the right-hand side once per stage for all of
 * them. State arrays are indexed by sample ({@code y[s·n … s·n + n)}); the stepper packs the
 * active samples internally.
 */
public interface BatchStepper {
  /**
   * Attempts, for each sample {@code s = active[r]} with {@code r < m}, the step from {@code t[s]}
   * of size {@code h[s]} starting at its row of {@code y0}; writes its row of {@code y1} and
   * {@code error[s]} (the scaled error in {@code norm}, 0 when {@code norm} is null or the method
   * has no estimate, NaN when non-finite).
   */
  void attempt(int[] active, int m, double[] t, double[] h, double[] y0, double[] y1,
      ErrorNorm norm, double[] error);

  /** Dense output of sample {@code s}'s last attempt at {@code θ ∈ [0, 1]}. */
  void interpolate(int s, double theta, double[] out);

  /** Sample {@code s}'s last attempt was accepted. */
  void accept(int s);

  /** Forget carried-over stages of sample {@code s}. */
  void restart(int s);

  /** Right-hand-side evaluations spent on sample {@code s} (one per row evaluated). */
  long evaluations(int s);

  /** Calls of the batched right-hand side. */
  long calls();
}
