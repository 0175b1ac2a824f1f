package org.nde4j.modelfile;

import java.util.Map;
import org.nde4j.expr.Expr;

/**
 * An event of a model file: it happens when {@code condition} crosses zero in the given
 * direction; then the {@code reset} assignments (state name to an expression of the pre-event
 * values, in file order) are applied, and the solve stops if {@code terminate}.
 */
public record EventDefinition(String name, Expr condition, Direction direction, boolean terminate,
    Map<String, Expr> reset) {

  /** Which zero crossings of the condition count. */
  public enum Direction {
    /** from negative to positive */
    RISING,
    /** from positive to negative */
    FALLING,
    /** either way */
    BOTH
  }

  public EventDefinition {
    reset = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reset));
  }
}
