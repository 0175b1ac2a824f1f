package org.nde4j.solve.event;

/**
 * The condition of a discrete event, tested at the end of every accepted step; the event happens
 * at the end of the first step where it returns true. Must not modify {@code y}.
 */
@FunctionalInterface
public interface DiscreteCondition {
  boolean test(double t, double[] y);
}
