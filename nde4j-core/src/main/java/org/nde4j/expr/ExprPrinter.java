package org.nde4j.expr;

/**
 * Prints trees with the fewest parentheses that parse back to the same tree: {@code + - * /}
 * associate to the left, {@code ^} to the right, and unary minus binds looser than {@code ^} but
 * tighter than {@code * /}.
 */
final class ExprPrinter {
  private static final int NEG = 3;
  private static final int ATOM = 5;

  private ExprPrinter() {}

  static String print(Expr e) {
    StringBuilder sb = new StringBuilder();
    write(e, sb);
    return sb.toString();
  }

  private static int precedence(Expr e) {
    if (e instanceof Binary b) {
      return b.op().precedence();
    }
    return e instanceof Neg ? NEG : ATOM;
  }

  private static void write(Expr e, StringBuilder sb) {
    if (e instanceof Num n) {
      sb.append(number(n.value()));
    } else if (e instanceof Symbol s) {
      sb.append(s.name());
    } else if (e instanceof Neg n) {
      sb.append('-');
      child(n.operand(), precedence(n.operand()) < NEG, sb);
    } else if (e instanceof Call c) {
      call(c.function().functionName(), c.args(), sb);
    } else if (e instanceof Apply a) {
      call(a.name(), a.args(), sb);
    } else {
      Binary b = (Binary) e;
      int p = b.op().precedence();
      if (b.op() == BinaryOp.POW) {
        // right-associative: a^b^c = a^(b^c); a unary minus may follow ^ directly (2^-x)
        child(b.left(), precedence(b.left()) <= p, sb);
        sb.append('^');
        child(b.right(), precedence(b.right()) < NEG, sb);
      } else {
        child(b.left(), precedence(b.left()) < p, sb);
        sb.append(' ').append(b.op().symbol()).append(' ');
        child(b.right(), precedence(b.right()) <= p, sb);
      }
    }
  }

  private static void call(String name, java.util.List<Expr> args, StringBuilder sb) {
    sb.append(name).append('(');
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      write(args.get(i), sb);
    }
    sb.append(')');
  }

  private static void child(Expr e, boolean parens, StringBuilder sb) {
    if (parens) {
      sb.append('(');
    }
    write(e, sb);
    if (parens) {
      sb.append(')');
    }
  }

  /** Integers below 2^53 without a fraction; otherwise Java's shortest round-tripping form. */
  static String number(double v) {
    if (v == Math.rint(v) && v < 9.007199254740992E15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
