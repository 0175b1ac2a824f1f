package org.nde4j.solve.event;

/**
 * Changes the state in place when an event happens (a bounce reverses a velocity, a dose adds
 * to a compartment). Integration restarts from the new state.
 */
@FunctionalInterface
public interface StateReset {
  void reset(double t, double[] y);
}
