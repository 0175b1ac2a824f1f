package org.nde4j.solve.event;

/** Which zero crossings of an event function count. */
public enum Direction {
  /** From negative to non-negative. */
  RISING,
  /** From positive to non-positive. */
  FALLING,
  /** Either. */
  BOTH
}
