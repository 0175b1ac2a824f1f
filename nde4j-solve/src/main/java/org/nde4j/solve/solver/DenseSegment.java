package org.nde4j.solve.solver;

/**
 * The dense output of one accepted step, kept by a solution saved with dense output: evaluates
 * {@code y(t)} for {@code t} between {@link #tStart()} and {@link #tEnd()} (in either order for
 * backward solves). Immutable.
 */
public interface DenseSegment {
  double tStart();

  double tEnd();

  /** Writes {@code y(t)}; {@code t} should lie in the segment (extrapolates otherwise). */
  void evaluate(double t, double[] out);

  /** The same interpolant restricted to end at {@code t} (an event cut the step short). */
  DenseSegment endingAt(double t);
}
