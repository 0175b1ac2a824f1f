package org.nde4j.expr;

import java.util.Collection;

/**
 * A malformed expression or an unknown symbol. It carries the 1-based {@link #line()} and
 * {@link #column()} of the offending character, in the coordinates given to {@link
 * ExprParser#parse(String, int, int)} (so an expression embedded in a file reports file positions),
 * and the {@link #reason()}: what was expected there.
 */
public final class ExprException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String reason;

  /** @param line 1-based line, 0 if unknown; @param column 1-based column, 0 if unknown */
  public ExprException(String reason, int line, int column) {
    super(format(reason, line, column));
    this.reason = reason;
    this.line = line;
    this.column = column;
  }

  private static String format(String reason, int line, int column) {
    if (column <= 0) {
      return reason;
    }
    return (line > 1 ? "line " + line + ", column " : "column ") + column + ": " + reason;
  }

  static ExprException unknownSymbol(Symbol s, Collection<String> known) {
    String names = String.join(" ", known);
    return new ExprException("unknown symbol '" + s.name() + "'"
        + (names.isEmpty() ? " (no symbols are defined)" : " (known: " + names + ")"),
        s.line(), s.column());
  }

  /** 1-based line of the error (1 for a one-line expression parsed without offsets; 0 if unknown). */
  public int line() {
    return line;
  }

  /** 1-based column of the error (0 if unknown). */
  public int column() {
    return column;
  }

  /** What went wrong and what was expected, without the position. */
  public String reason() {
    return reason;
  }
}
