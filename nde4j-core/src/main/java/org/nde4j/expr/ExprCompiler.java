package org.nde4j.expr;

import java.util.Collection;
import java.util.Map;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * Turns an expression into core tensor ops. Each symbol is bound to a tensor; numbers and
 * {@code pi} become rank-0 constants, so the result has the broadcast shape of the bound tensors
 * it reads (rank 0 if it reads none). Because only {@link Tensor} ops are used, the result works
 * eagerly on concrete tensors (with the tape), and on symbolic tensors while tracing a graph that
 * is then compiled and differentiated ({@code Graph.trace}, {@code Transforms}).
 *
 * <p>Mapping: {@code + - * / ^} to {@code add sub mul div pow}, unary minus to {@code neg},
 * {@code min max} to {@code minimum maximum}, {@code pow(a, b)} to {@code pow}, the other
 * functions to the tensor method of the same name.
 */
public final class ExprCompiler {
  private ExprCompiler() {}

  /**
   * The expression as tensor ops on {@code bindings} (symbol name to tensor; {@code pi} is always
   * π and need not be bound).
   *
   * @throws ExprException naming the first unbound symbol and its position
   * @throws org.nde4j.tensor.ShapeException if bound tensors do not broadcast together
   */
  public static Tensor compile(Expr e, Map<String, Tensor> bindings) {
    return compile(e, bindings, Map.of());
  }

  /**
   * As {@link #compile(Expr, Map)}, with the functions of the {@link Apply} calls in {@code e}:
   * {@code functions.get(name)} receives the compiled arguments (in call order, each of its own
   * broadcastable shape) and returns the call's value as its first output.
   *
   * @throws ExprException naming the first unbound symbol, or the first call of a function
   *     {@code functions} does not hold, with its position
   */
  public static Tensor compile(Expr e, Map<String, Tensor> bindings,
      Map<String, TensorFn> functions) {
    check(e, bindings.keySet());
    checkFunctions(e, functions);
    return emit(e, bindings, functions);
  }

  private static void checkFunctions(Expr e, Map<String, TensorFn> functions) {
    if (e instanceof Apply a && !functions.containsKey(a.name())) {
      throw new ExprException("no implementation was supplied for function '" + a.name() + "'"
          + (functions.isEmpty() ? "" : " (supplied: " + String.join(" ",
              new java.util.TreeSet<>(functions.keySet())) + ")"), a.line(), a.column());
    }
    for (Expr c : e.children()) {
      checkFunctions(c, functions);
    }
  }

  /**
   * Checks that every symbol of {@code e} other than {@code pi} is in {@code known}.
   *
   * @throws ExprException for the first symbol (in reading order) that is not, naming it, its
   *     position and the known names (in the iteration order of {@code known})
   */
  public static void check(Expr e, Collection<String> known) {
    if (e instanceof Symbol s) {
      if (!s.isPi() && !known.contains(s.name())) {
        throw ExprException.unknownSymbol(s, known);
      }
      return;
    }
    for (Expr c : e.children()) {
      check(c, known);
    }
  }

  private static Tensor emit(Expr e, Map<String, Tensor> b, Map<String, TensorFn> f) {
    if (e instanceof Num n) {
      return Tensor.scalar(n.value());
    }
    if (e instanceof Symbol s) {
      return s.isPi() ? Tensor.scalar(Math.PI) : b.get(s.name());
    }
    if (e instanceof Neg n) {
      return emit(n.operand(), b, f).neg();
    }
    if (e instanceof Binary bin) {
      Tensor l = emit(bin.left(), b, f);
      Tensor r = emit(bin.right(), b, f);
      switch (bin.op()) {
        case ADD:
          return l.add(r);
        case SUB:
          return l.sub(r);
        case MUL:
          return l.mul(r);
        case DIV:
          return l.div(r);
        default:
          return l.pow(r);
      }
    }
    if (e instanceof Apply ap) {
      Tensor[] args = new Tensor[ap.args().size()];
      for (int i = 0; i < args.length; i++) {
        args[i] = emit(ap.args().get(i), b, f);
      }
      return f.get(ap.name()).apply(args)[0];
    }
    Call c = (Call) e;
    Tensor a = emit(c.args().get(0), b, f);
    switch (c.function()) {
      case ABS:
        return a.abs();
      case COS:
        return a.cos();
      case EXP:
        return a.exp();
      case LOG:
        return a.log();
      case SIN:
        return a.sin();
      case SQRT:
        return a.sqrt();
      case TAN:
        return a.tan();
      case TANH:
        return a.tanh();
      case MAX:
        return a.maximum(emit(c.args().get(1), b, f));
      case MIN:
        return a.minimum(emit(c.args().get(1), b, f));
      default:
        return a.pow(emit(c.args().get(1), b, f));
    }
  }
}
