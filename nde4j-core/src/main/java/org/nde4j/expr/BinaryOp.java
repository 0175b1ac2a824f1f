package org.nde4j.expr;

/**
 * The binary operators with their precedence: {@code + -} bind loosest, then {@code * /}, then
 * unary minus, then {@code ^} (right-associative), so {@code -x^2 = -(x^2)}.
 */
public enum BinaryOp {
  ADD("+", 1),
  SUB("-", 1),
  MUL("*", 2),
  DIV("/", 2),
  POW("^", 4);

  private final String symbol;
  private final int precedence;

  BinaryOp(String symbol, int precedence) {
    this.symbol = symbol;
    this.precedence = precedence;
  }

  /** The operator as written: {@code + - * / ^}. */
  public String symbol() {
    return symbol;
  }

  /** Binding strength: higher binds tighter (unary minus is 3). */
  public int precedence() {
    return precedence;
  }

  /** The operator on doubles ({@code ^} is {@link Math#pow}). */
  public double apply(double a, double b) {
    switch (this) {
      case ADD:
        return a + b;
      case SUB:
        return a - b;
      case MUL:
        return a * b;
      case DIV:
        return a / b;
      default:
        return Math.pow(a, b);
    }
  }
}
