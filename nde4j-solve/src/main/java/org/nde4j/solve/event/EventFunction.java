package org.nde4j.solve.event;

/**
 * The condition of a continuous event: the event happens where {@code g(t, y)} crosses zero. Must
 * not modify {@code y}.
 */
@FunctionalInterface
public interface EventFunction {
  double value(double t, double[] y);
}
