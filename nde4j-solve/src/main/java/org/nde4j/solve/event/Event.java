package org.nde4j.solve.event;

import java.util.Objects;

/**
 * An event: a continuous one (the zero crossing of {@link EventFunction} {@code g(t, y)}, located
 * on the solver's dense output to within a time tolerance, optionally only in one
 * {@link Direction}) or a discrete one (a {@link DiscreteCondition} tested after each accepted
 * step). When it happens the solution records its time and state; then the solve either stops
 * (status EVENT) or applies the optional {@link StateReset} and restarts cleanly from the event
 * time (first-same-as-last stages are recomputed).
 *
 * <p>Immutable; the configuring methods return copies. The function is checked at
 * {@link #checkPoints()} points per step, so a sign change and back within a tenth of a step is
 * not seen; raise the count or bound the step ({@code dtmax}) when that matters.
 */
public final class Event {
  private static final int DEFAULT_CHECK_POINTS = 10;
  private final String name;
  private final EventFunction function;
  private final DiscreteCondition condition;
  private final Direction direction;
  private final boolean terminal;
  private final StateReset reset;
  private final double timeTolerance;
  private final int checkPoints;

  private Event(String name, EventFunction function, DiscreteCondition condition,
      Direction direction, boolean terminal, StateReset reset, double timeTolerance,
      int checkPoints) {
    this.checkPoints = checkPoints;
    this.name = name;
    this.function = function;
    this.condition = condition;
    this.direction = direction;
    this.terminal = terminal;
    this.reset = reset;
    this.timeTolerance = timeTolerance;
  }

  /** A continuous event at the zero crossings of {@code g}, both directions, not terminal. */
  public static Event when(String name, EventFunction g) {
    return new Event(Objects.requireNonNull(name, "name"), Objects.requireNonNull(g, "g"), null,
        Direction.BOTH, false, null, 0, DEFAULT_CHECK_POINTS);
  }

  /** A discrete event at the end of the first accepted step where {@code condition} holds. */
  public static Event after(String name, DiscreteCondition condition) {
    return new Event(Objects.requireNonNull(name, "name"), null,
        Objects.requireNonNull(condition, "condition"), Direction.BOTH, false, null, 0, DEFAULT_CHECK_POINTS);
  }

  /** Only crossings in this direction count (continuous events). */
  public Event direction(Direction d) {
    return new Event(name, function, condition, Objects.requireNonNull(d), terminal, reset,
        timeTolerance, checkPoints);
  }

  /** Whether the solve stops at this event. */
  public Event terminal(boolean stop) {
    return new Event(name, function, condition, direction, stop, reset, timeTolerance,
        checkPoints);
  }

  /** The state change applied at the event. */
  public Event reset(StateReset r) {
    return new Event(name, function, condition, direction, terminal, Objects.requireNonNull(r),
        timeTolerance, checkPoints);
  }

  /**
   * Absolute tolerance on the event time (default: 0, meaning a few ulps of the time; the root is
   * bracketed until the bracket cannot shrink further).
   *
   * @throws IllegalArgumentException if negative or not finite
   */
  public Event timeTolerance(double tol) {
    if (!(tol >= 0) || Double.isInfinite(tol)) {
      throw new IllegalArgumentException("event " + name + ": time tolerance must be finite and"
          + " ≥ 0, got " + tol);
    }
    return new Event(name, function, condition, direction, terminal, reset, tol, checkPoints);
  }

  /**
   * Number of points per step at which a continuous event's function is checked for a sign change
   * (default 10): crossings closer together than a tenth of a step can still be missed.
   *
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public Event checkPoints(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("event " + name + ": check points must be ≥ 1, got " + n);
    }
    return new Event(name, function, condition, direction, terminal, reset, timeTolerance, n);
  }

  /** Points per step at which the event function is checked. */
  public int checkPoints() {
    return checkPoints;
  }

  public String name() {
    return name;
  }

  /** The event function, or null for a discrete event. */
  public EventFunction function() {
    return function;
  }

  /** The discrete condition, or null for a continuous event. */
  public DiscreteCondition condition() {
    return condition;
  }

  public Direction direction() {
    return direction;
  }

  public boolean isTerminal() {
    return terminal;
  }

  /** The reset, or null. */
  public StateReset reset() {
    return reset;
  }

  public double timeTolerance() {
    return timeTolerance;
  }

  public boolean isContinuous() {
    return function != null;
  }

  /** True when a crossing from {@code g0} to {@code g1} counts for this event. */
  public boolean crosses(double g0, double g1) {
    boolean rising = g0 < 0 && g1 >= 0;
    boolean falling = g0 > 0 && g1 <= 0;
    return switch (direction) {
      case RISING -> rising;
      case FALLING -> falling;
      case BOTH -> rising || falling;
    };
  }

  @Override
  public String toString() {
    return "Event[" + name + (function != null ? ", continuous " + direction : ", discrete")
        + (terminal ? ", terminal" : "") + (reset != null ? ", reset" : "") + "]";
  }
}
