package org.nde4j.expr;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code left op right} for one of {@code + - * / ^}. */
public record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
  public Binary {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
  }

  @Override
  public List<Expr> children() {
    return List.of(left, right);
  }

  @Override
  public double evaluate(Map<String, Double> values) {
    return op.apply(left.evaluate(values), right.evaluate(values));
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
