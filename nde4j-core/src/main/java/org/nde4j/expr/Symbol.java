package org.nde4j.expr;

import java.util.List;
import java.util.Map;

/**
 * A named value: a state, a parameter, {@code t}, or the constant {@code pi}. The position (1-based
 * line and column where the parser found it, 0 when unknown) is carried for error messages only:
 * it takes no part in {@code equals} and {@code hashCode}.
 */
public record Symbol(String name, int line, int column) implements Expr {
  /** The name of the constant π. */
  public static final String PI = "pi";

  /** @throws IllegalArgumentException if {@code name} is not an identifier {@code [A-Za-z_][A-Za-z0-9_]*} */
  public Symbol {
    if (!isIdentifier(name)) {
      throw new IllegalArgumentException("not an identifier: '" + name + "'");
    }
  }

  /** A symbol without a source position. */
  public Symbol(String name) {
    this(name, 0, 0);
  }

  /** Whether {@code s} has the form of a symbol name: {@code [A-Za-z_][A-Za-z0-9_]*}. */
  public static boolean isIdentifier(String s) {
    if (s == null || s.isEmpty() || !isIdentifierStart(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!isIdentifierPart(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
  }

  /** Whether this is the constant {@code pi}. */
  public boolean isPi() {
    return PI.equals(name);
  }

  @Override
  public List<Expr> children() {
    return List.of();
  }

  @Override
  public double evaluate(Map<String, Double> values) {
    if (isPi()) {
      return Math.PI;
    }
    Double v = values.get(name);
    if (v == null) {
      throw ExprException.unknownSymbol(this, values.keySet());
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Symbol s && s.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
