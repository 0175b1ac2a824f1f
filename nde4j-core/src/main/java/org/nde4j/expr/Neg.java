package org.nde4j.expr;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Unary minus. */
public record Neg(Expr operand) implements Expr {
  public Neg {
    Objects.requireNonNull(operand, "operand");
  }

  @Override
  public List<Expr> children() {
    return List.of(operand);
  }

  @Override
  public double evaluate(Map<String, Double> values) {
    return -operand.evaluate(values);
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
