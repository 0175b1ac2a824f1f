package org.nde4j.solve.integrate;

/** Maps a saved state to what is stored instead (a few observables of a large state, say). */
@FunctionalInterface
public interface OutputFunction {
  double[] apply(double t, double[] y);
}
