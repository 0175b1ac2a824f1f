package org.nde4j.expr;

import java.util.Optional;
import java.util.StringJoiner;

/** The functions an expression may call; the set is closed. */
public enum Builtin {
  ABS("abs", 1),
  COS("cos", 1),
  EXP("exp", 1),
  LOG("log", 1),
  MAX("max", 2),
  MIN("min", 2),
  POW("pow", 2),
  SIN("sin", 1),
  SQRT("sqrt", 1),
  TAN("tan", 1),
  TANH("tanh", 1);

  private final String functionName;
  private final int arity;

  Builtin(String functionName, int arity) {
    this.functionName = functionName;
    this.arity = arity;
  }

  /** The name as written in expressions, e.g. {@code "sqrt"}. */
  public String functionName() {
    return functionName;
  }

  /** The number of arguments. */
  public int arity() {
    return arity;
  }

  /** The function called {@code name}, if there is one. */
  public static Optional<Builtin> byName(String name) {
    for (Builtin b : values()) {
      if (b.functionName.equals(name)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /** All function names, space-separated, for error messages. */
  public static String knownNames() {
    StringJoiner j = new StringJoiner(" ");
    for (Builtin b : values()) {
      j.add(b.functionName);
    }
    return j.toString();
  }

  /**
   * The function on doubles. {@code min}/{@code max} give ties (and NaN comparisons) to the first
   * argument, exactly as the tensor ops {@code minimum}/{@code maximum} do.
   */
  public double apply(double a, double b) {
    switch (this) {
      case ABS:
        return Math.abs(a);
      case COS:
        return Math.cos(a);
      case EXP:
        return Math.exp(a);
      case LOG:
        return Math.log(a);
      case MAX:
        return a >= b ? a : b;
      case MIN:
        return a <= b ? a : b;
      case POW:
        return Math.pow(a, b);
      case SIN:
        return Math.sin(a);
      case SQRT:
        return Math.sqrt(a);
      case TAN:
        return Math.tan(a);
      default:
        return Math.tanh(a);
    }
  }
}
