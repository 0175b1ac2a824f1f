package org.nde4j.expr;

import java.util.List;
import java.util.Map;

/**
 * A numeric literal. Its value is finite and not negative (a negative constant is a {@link Neg}
 * of a number, as the parser reads it), so every number prints as a literal the parser accepts.
 */
public record Num(double value) implements Expr {
  /** @throws IllegalArgumentException if {@code value} is negative (including -0.0) or not finite */
  public Num {
    if (!Double.isFinite(value) || Double.compare(value, 0.0) < 0) {
      throw new IllegalArgumentException("a number literal must be finite and not negative, got "
          + value + " (write a negative constant as new Neg(new Num(...)))");
    }
  }

  @Override
  public List<Expr> children() {
    return List.of();
  }

  @Override
  public double evaluate(Map<String, Double> values) {
    return value;
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
