package org.nde4j.expr;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A call of a function the caller supplies rather than a {@link Builtin}, e.g. {@code nn1(x, y)}
 * for a neural network declared in a model file. The parser accepts such calls only for names
 * (and arities) it is given ({@link ExprParser#parse(String, int, int, Map)}); the function itself
 * is bound when compiling ({@link ExprCompiler#compile(Expr, Map, Map)}). It has no value on plain
 * doubles: {@link #evaluate} throws. The position (1-based line and column of the name, 0 when
 * unknown) is for error messages and takes no part in {@code equals} and {@code hashCode}.
 */
public record Apply(String name, List<Expr> args, int line, int column) implements Expr {
  /** @throws IllegalArgumentException if {@code name} is not an identifier or there are no args */
  public Apply {
    Objects.requireNonNull(name, "name");
    if (!Symbol.isIdentifier(name)) {
      throw new IllegalArgumentException("not an identifier: '" + name + "'");
    }
    args = List.copyOf(args);
    if (args.isEmpty()) {
      throw new IllegalArgumentException("call of '" + name + "' without arguments");
    }
  }

  /** A call without a source position. */
  public Apply(String name, List<Expr> args) {
    this(name, args, 0, 0);
  }

  @Override
  public List<Expr> children() {
    return args;
  }

  /** @throws ExprException always: a supplied function has no scalar value here */
  @Override
  public double evaluate(Map<String, Double> values) {
    throw new ExprException("function '" + name + "' is supplied at compile time and cannot be"
        + " evaluated on numbers", line, column);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Apply a && a.name.equals(name) && a.args.equals(args);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + args.hashCode();
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
