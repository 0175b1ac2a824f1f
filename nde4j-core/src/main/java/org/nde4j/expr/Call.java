package org.nde4j.expr;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A call of a built-in function, e.g. {@code exp(-k*t)} or {@code max(x, 0)}. */
public record Call(Builtin function, List<Expr> args) implements Expr {
  /** @throws IllegalArgumentException if the number of arguments is not the function's arity */
  public Call {
    Objects.requireNonNull(function, "function");
    args = List.copyOf(args);
    if (args.size() != function.arity()) {
      throw new IllegalArgumentException(function.functionName() + " takes " + function.arity()
          + " argument(s), got " + args.size());
    }
  }

  @Override
  public List<Expr> children() {
    return args;
  }

  @Override
  public double evaluate(Map<String, Double> values) {
    double a = args.get(0).evaluate(values);
    double b = args.size() > 1 ? args.get(1).evaluate(values) : 0.0;
    return function.apply(a, b);
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
