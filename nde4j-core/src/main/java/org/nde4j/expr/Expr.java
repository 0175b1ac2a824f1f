package org.nde4j.expr;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable expression tree: a number, a symbol, a unary minus, a binary operation or a call
 * of a built-in function or of a function supplied by the caller ({@link Apply}). {@code
 * toString()} prints the tree with the fewest parentheses that {@link ExprParser#parse(String)}
 * reads back into an equal tree.
 */
public sealed interface Expr permits Num, Symbol, Neg, Binary, Call, Apply {

  /** The direct subexpressions, left to right (empty for numbers and symbols). */
  List<Expr> children();

  /**
   * The value for the given symbol values ({@code pi} is always π).
   *
   * @throws ExprException naming the symbol and its position if a symbol has no value
   */
  double evaluate(Map<String, Double> values);

  /** The symbols this expression reads, in order of first occurrence; {@code pi} is not free. */
  default Set<String> freeSymbols() {
    Set<String> out = new LinkedHashSet<>();
    collectSymbols(this, out);
    return out;
  }

  private static void collectSymbols(Expr e, Set<String> out) {
    if (e instanceof Symbol s) {
      if (!s.isPi()) {
        out.add(s.name());
      }
      return;
    }
    for (Expr c : e.children()) {
      collectSymbols(c, out);
    }
  }
}
