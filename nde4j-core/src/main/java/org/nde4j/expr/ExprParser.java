package org.nde4j.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads the expression notation of model files into {@link Expr} trees.
 *
 * <pre>
 * expr    := term (('+' | '-') term)*
 * term    := unary (('*' | '/') unary)*
 * unary   := ('-' | '+') unary | power
 * power   := primary ('^' unary)?          right-associative; 2^-1 is allowed
 * primary := number | name | name '(' expr (',' expr)* ')' | '(' expr ')'
 * number  := digits ['.' digits] [('e' | 'E') ['+' | '-'] digits]   (also '.5', '5.')
 * name    := [A-Za-z_][A-Za-z0-9_]*
 * </pre>
 *
 * <p>So {@code -x^2 = -(x^2)}, {@code 2^3^2 = 2^(3^2)} and {@code a - b - c = (a - b) - c}.
 * Functions: {@link Builtin} and those the caller supplies ({@link Apply}), arity checked;
 * {@code pi} is the constant π. Unary plus leaves no node. Whitespace, including line breaks,
 * separates tokens.
 *
 * <p>Errors throw {@link ExprException} with the position of the offending token and what was
 * expected there, e.g. {@code expected ')' to close '(' opened at column 5 but found the end of
 * the expression}. Nothing is evaluated while parsing.
 */
public final class ExprParser {
  /** Parentheses and calls nest at most this deep, so hostile input cannot exhaust the stack. */
  static final int MAX_DEPTH = 200;

  private enum Kind { NUMBER, NAME, OP, OPEN, CLOSE, COMMA, END }

  private record Token(Kind kind, String text, double value, int start) {}

  private final String text;
  private final int line0;
  private final int column0;
  private final int[] lineStarts;
  private int pos;
  private Token tok;
  private int depth;
  private final Map<String, Integer> functions;

  private ExprParser(String text, int line, int column, Map<String, Integer> functions) {
    this.text = text;
    this.functions = Map.copyOf(functions);
    this.line0 = line;
    this.column0 = column;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Parses {@code text}; error positions are 1-based columns in {@code text}.
   *
   * @throws ExprException if the text is not an expression
   */
  public static Expr parse(String text) {
    return parse(text, 1, 1);
  }

  /**
   * Parses {@code text} whose first character stands at {@code line}, {@code column} (1-based) of
   * an enclosing document: positions in errors and in {@link Symbol}s are then document positions.
   * Columns on the first line are offset by {@code column - 1}; later lines of a multi-line text
   * count columns from the start of that line of the text.
   *
   * @throws ExprException if the text is not an expression
   */
  public static Expr parse(String text, int line, int column) {
    return parse(text, line, column, Map.of());
  }

  /**
   * As {@link #parse(String, int, int)}, also accepting calls {@code name(a, …)} of the functions
   * in {@code functions} (name to number of arguments) as {@link Apply} nodes; these names may not
   * be used as symbols. A built-in name wins over a supplied one.
   *
   * @throws ExprException if the text is not an expression, or a supplied function is called with
   *     another number of arguments or named without arguments
   */
  public static Expr parse(String text, int line, int column, Map<String, Integer> functions) {
    ExprParser p = new ExprParser(text, line, column, functions);
    if (text.isBlank()) {
      throw new ExprException("empty expression: expected a number, symbol or '('", line, column);
    }
    p.advance();
    Expr e = p.expr();
    if (p.tok.kind == Kind.CLOSE) {
      throw p.error(p.tok.start, "unmatched ')'");
    }
    if (p.tok.kind != Kind.END) {
      String hint = p.tok.kind == Kind.NAME || p.tok.kind == Kind.NUMBER || p.tok.kind == Kind.OPEN
          ? " (a product needs '*')" : "";
      throw p.error(p.tok.start,
          "expected an operator or the end of the expression but found " + p.describe(p.tok) + hint);
    }
    return e;
  }

  // ---------------------------------------------------------------- grammar

  private Expr expr() {
    Expr e = term();
    while (isOp('+') || isOp('-')) {
      BinaryOp op = isOp('+') ? BinaryOp.ADD : BinaryOp.SUB;
      advance();
      e = new Binary(op, e, term());
    }
    return e;
  }

  private Expr term() {
    Expr e = unary();
    while (isOp('*') || isOp('/')) {
      BinaryOp op = isOp('*') ? BinaryOp.MUL : BinaryOp.DIV;
      advance();
      e = new Binary(op, e, unary());
    }
    return e;
  }

  private Expr unary() {
    if (isOp('-') || isOp('+')) {
      boolean minus = isOp('-');
      int at = tok.start;
      advance();
      enter(at);
      Expr operand = unary();
      depth--;
      return minus ? new Neg(operand) : operand;
    }
    return power();
  }

  private Expr power() {
    Expr base = primary();
    if (isOp('^')) {
      int at = tok.start;
      advance();
      enter(at);
      Expr exponent = unary();
      depth--;
      return new Binary(BinaryOp.POW, base, exponent);
    }
    return base;
  }

  private Expr primary() {
    Token t = tok;
    switch (t.kind) {
      case NUMBER:
        advance();
        return new Num(t.value);
      case OPEN: {
        advance();
        enter(t.start);
        Expr e = expr();
        depth--;
        expectClose(t, "'('");
        return e;
      }
      case NAME:
        advance();
        return tok.kind == Kind.OPEN ? call(t) : symbol(t);
      default:
        throw error(t.start, "expected a number, symbol or '(' but found " + describe(t));
    }
  }

  private Expr symbol(Token name) {
    if (Builtin.byName(name.text).isPresent() || functions.containsKey(name.text)) {
      throw error(name.start, "function '" + name.text + "' needs its arguments in parentheses, e.g. "
          + name.text + "(x)");
    }
    return new Symbol(name.text, lineAt(name.start), columnAt(name.start));
  }

  private Expr call(Token name) {
    Optional<Builtin> fn = Builtin.byName(name.text);
    if (fn.isEmpty() && !functions.containsKey(name.text)) {
      String supplied = String.join(" ", new TreeSet<>(functions.keySet()));
      String why = Symbol.PI.equals(name.text) ? "'pi' is a constant, not a function"
          : "unknown function '" + name.text + "' (known: " + Builtin.knownNames()
              + (supplied.isEmpty() ? "" : " " + supplied) + ")";
      throw error(name.start, why);
    }
    Token open = tok;
    advance();
    enter(open.start);
    List<Expr> args = new ArrayList<>();
    if (tok.kind != Kind.CLOSE) {
      args.add(expr());
      while (tok.kind == Kind.COMMA) {
        advance();
        args.add(expr());
      }
    }
    depth--;
    if (tok.kind != Kind.CLOSE) {
      throw error(tok.start, "expected ',' or ')' to close the call of '" + name.text
          + "(' opened at " + where(open.start) + " but found " + describe(tok));
    }
    advance();
    int arity = fn.isPresent() ? fn.get().arity() : functions.get(name.text);
    if (args.size() != arity) {
      throw error(name.start, "function '" + name.text + "' takes " + arity
          + (arity == 1 ? " argument" : " arguments") + " but was given " + args.size());
    }
    return fn.isPresent() ? new Call(fn.get(), args)
        : new Apply(name.text, args, lineAt(name.start), columnAt(name.start));
  }

  private void expectClose(Token open, String what) {
    if (tok.kind != Kind.CLOSE) {
      throw error(tok.start, "expected ')' to close " + what + " opened at " + where(open.start)
          + " but found " + describe(tok));
    }
    advance();
  }

  private void enter(int at) {
    if (++depth > MAX_DEPTH) {
      throw error(at, "expression nested more than " + MAX_DEPTH + " levels deep");
    }
  }

  private boolean isOp(char c) {
    return tok.kind == Kind.OP && tok.text.charAt(0) == c;
  }

  // ---------------------------------------------------------------- tokens

  private void advance() {
    int n = text.length();
    while (pos < n && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    if (pos == n) {
      tok = new Token(Kind.END, "", 0, n);
      return;
    }
    int start = pos;
    char c = text.charAt(pos);
    if (isDigit(c) || (c == '.' && pos + 1 < n && isDigit(text.charAt(pos + 1)))) {
      tok = number(start);
    } else if (Symbol.isIdentifierStart(c)) {
      while (pos < n && Symbol.isIdentifierPart(text.charAt(pos))) {
        pos++;
      }
      tok = new Token(Kind.NAME, text.substring(start, pos), 0, start);
    } else {
      pos++;
      Kind k = "+-*/^".indexOf(c) >= 0 ? Kind.OP
          : c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : c == ',' ? Kind.COMMA : null;
      if (k == null) {
        throw error(start, "unexpected character '" + c + "'");
      }
      tok = new Token(k, String.valueOf(c), 0, start);
    }
  }

  private Token number(int start) {
    int n = text.length();
    while (pos < n && isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos < n && text.charAt(pos) == '.') {
      pos++;
      while (pos < n && isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    if (pos < n && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      int e = pos++;
      if (pos < n && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      if (pos == n || !isDigit(text.charAt(pos))) {
        throw error(e, "expected the digits of an exponent after '" + text.substring(start, pos)
            + "'");
      }
      while (pos < n && isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    String s = text.substring(start, pos);
    double v = Double.parseDouble(s);
    if (Double.isInfinite(v)) {
      throw error(start, "number " + s + " is too large for a double");
    }
    return new Token(Kind.NUMBER, s, v, start);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  // ---------------------------------------------------------------- positions

  private String describe(Token t) {
    return t.kind == Kind.END ? "the end of the expression" : "'" + t.text + "'";
  }

  private int lineIndex(int index) {
    int l = 0;
    while (l + 1 < lineStarts.length && lineStarts[l + 1] <= index) {
      l++;
    }
    return l;
  }

  private int lineAt(int index) {
    return line0 + lineIndex(index);
  }

  private int columnAt(int index) {
    int l = lineIndex(index);
    return index - lineStarts[l] + (l == 0 ? column0 : 1);
  }

  private String where(int index) {
    int l = lineIndex(index);
    return (l == 0 ? "" : "line " + lineAt(index) + ", ") + "column " + columnAt(index);
  }

  private ExprException error(int index, String reason) {
    return new ExprException(reason, lineAt(index), columnAt(index));
  }
}
