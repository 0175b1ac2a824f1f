package org.nde4j.expr;

import java.util.List;

/**
 * An expression prepared for fast repeated evaluation on doubles: symbols are resolved once to
 * slots of an array, so {@link #evaluate(double[])} does no lookups and allocates nothing. For
 * constants and scalar checks outside tensor code (e.g. evaluating a parameter expression, or an
 * expression at many points in a test).
 */
public final class ScalarProgram {
  /** One node of the prepared tree. */
  private interface Step {
    double run(double[] slots);
  }

  private final List<String> slotNames;
  private final Step root;

  private ScalarProgram(List<String> slotNames, Step root) {
    this.slotNames = slotNames;
    this.root = root;
  }

  /**
   * Prepares {@code e} to read symbol {@code slotNames.get(i)} from {@code slots[i]}.
   *
   * @throws ExprException naming the first symbol of {@code e} that is not in {@code slotNames},
   *     or the first {@link Apply} call (supplied functions have no scalar form)
   */
  public static ScalarProgram of(Expr e, List<String> slotNames) {
    List<String> names = List.copyOf(slotNames);
    ExprCompiler.check(e, names);
    return new ScalarProgram(names, prepare(e, names));
  }

  /** The slot names, in slot order. */
  public List<String> slotNames() {
    return slotNames;
  }

  /**
   * The value with symbol {@code i} taking {@code slots[i]}.
   *
   * @throws ArrayIndexOutOfBoundsException if {@code slots} is shorter than {@link #slotNames()}
   */
  public double evaluate(double[] slots) {
    return root.run(slots);
  }

  private static Step prepare(Expr e, List<String> names) {
    if (e instanceof Num n) {
      double v = n.value();
      return s -> v;
    }
    if (e instanceof Symbol sym) {
      if (sym.isPi()) {
        return s -> Math.PI;
      }
      int i = names.indexOf(sym.name());
      return s -> s[i];
    }
    if (e instanceof Neg n) {
      Step a = prepare(n.operand(), names);
      return s -> -a.run(s);
    }
    if (e instanceof Binary b) {
      Step l = prepare(b.left(), names);
      Step r = prepare(b.right(), names);
      BinaryOp op = b.op();
      switch (op) {
        case ADD:
          return s -> l.run(s) + r.run(s);
        case SUB:
          return s -> l.run(s) - r.run(s);
        case MUL:
          return s -> l.run(s) * r.run(s);
        case DIV:
          return s -> l.run(s) / r.run(s);
        default:
          return s -> Math.pow(l.run(s), r.run(s));
      }
    }
    if (e instanceof Apply a) {
      throw new ExprException("function '" + a.name() + "' is supplied at compile time and has no"
          + " scalar program", a.line(), a.column());
    }
    Call c = (Call) e;
    Builtin fn = c.function();
    Step a = prepare(c.args().get(0), names);
    if (fn.arity() == 1) {
      return s -> fn.apply(a.run(s), 0.0);
    }
    Step b = prepare(c.args().get(1), names);
    return s -> fn.apply(a.run(s), b.run(s));
  }
}
