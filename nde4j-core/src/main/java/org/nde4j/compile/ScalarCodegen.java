package org.nde4j.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;
import org.nde4j.tensor.ElementwiseOp;
import org.nde4j.tensor.Op;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.op.Binary;
import org.nde4j.tensor.op.BroadcastTo;
import org.nde4j.tensor.op.Concat;
import org.nde4j.tensor.op.Gather;
import org.nde4j.tensor.op.MatMul;
import org.nde4j.tensor.op.Reduce;
import org.nde4j.tensor.op.Reshape;
import org.nde4j.tensor.op.Slice;
import org.nde4j.tensor.op.SliceScatter;
import org.nde4j.tensor.op.Transpose;
import org.nde4j.tensor.op.Unary;
import org.nde4j.tensor.op.Where;

/**
 * Lowers a small graph (a few hundred scalar operations, e.g. the right-hand side of a
 * low-dimensional ODE) to one generated Java method of straight-line scalar code, compiled in
 * memory with Janino and then by the JIT like hand-written code: every element of every value is a
 * local variable, data movement (slices, reshapes, concatenation, transposes, broadcasts) costs
 * nothing, and there are no buffers or kernel dispatches.
 *
 * <p>Linear data-movement ops and sums are lowered without knowing their internals: the op's own
 * kernel is probed with one-hot inputs to find which input elements (with which coefficients)
 * make up each output element.
 */
final class ScalarCodegen {
  /**
   * Largest number of emitted terms: keeps the method under HotSpot's 8000-byte limit for JIT
   * compilation (about eight bytes of bytecode per term).
   */
  static final int MAX_TERMS = 900;

  /** Generated classes by source: equal graphs (e.g. one plan per thread) share one class. */
  private static final Map<String, Class<?>> CACHE = new ConcurrentHashMap<>();

  private final List<Compiler.V> vs;
  private final StringBuilder body = new StringBuilder();
  private final String[][] el;
  private int terms;
  private int locals;

  private ScalarCodegen(List<Compiler.V> vs) {
    this.vs = vs;
    this.el = new String[vs.size()][];
  }

  /** Generated program for the live values, or {@code null} when the graph is not eligible. */
  static PlanRunner tryGenerate(List<Compiler.V> vs, int[] outs) {
    if (Boolean.getBoolean("nde4j.codegen.off")) {
      return null;
    }
    long estimate = 0;
    for (Compiler.V v : vs) {
      if (v.live && v.op != null) {
        if (!supported(v.op)) {
          return null;
        }
        estimate += v.shape.size();
      }
    }
    if (estimate > MAX_TERMS) {
      return null;
    }
    ScalarCodegen g = new ScalarCodegen(vs);
    String src = g.source(outs);
    if (src == null) {
      return null;
    }
    return g.compile(src);
  }

  private static boolean supported(Op op) {
    if (op instanceof Unary || op instanceof Binary || op instanceof Where
        || op == SoftplusSlope.INSTANCE
        || op instanceof Reshape || op instanceof Slice || op instanceof SliceScatter
        || op instanceof Gather || op instanceof Concat || op instanceof Transpose
        || op instanceof BroadcastTo || op instanceof Reduce) {
      return true;
    }
    return op instanceof MatMul;
  }

  private String source(int[] outs) {
    String name = "Nde4jGenerated";
    for (Compiler.V v : vs) {
      if (!v.live && v.inputIndex < 0) {
        continue;
      }
      if (v.inputIndex >= 0) {
        String[] e = new String[v.shape.size()];
        for (int j = 0; j < e.length; j++) {
          e[j] = "i" + v.inputIndex + "[" + j + "]";
        }
        el[v.id] = e;
      } else if (v.constant != null) {
        String[] e = new String[v.shape.size()];
        for (int j = 0; j < e.length; j++) {
          e[j] = literal(v.constant[j]);
        }
        el[v.id] = e;
      } else if (!lower(v)) {
        return null;
      }
      if (terms > MAX_TERMS) {
        return null;
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("public final class ").append(name)
        .append(" implements org.nde4j.compile.PlanRunner {\n")
        .append("  public void run(double[][] in, double[][] out) {\n");
    int nIn = 0;
    for (Compiler.V v : vs) {
      if (v.inputIndex >= 0) {
        nIn = Math.max(nIn, v.inputIndex + 1);
      }
    }
    // the generated program is handed to callers as the plan's runner: it checks its arguments
    int[] inSizes = new int[nIn];
    for (Compiler.V v : vs) {
      if (v.inputIndex >= 0) {
        inSizes[v.inputIndex] = v.shape.size();
      }
    }
    StringBuilder cond = new StringBuilder("in.length != ").append(nIn)
        .append(" || out.length != ").append(outs.length);
    StringBuilder expect = new StringBuilder();
    for (int i = 0; i < nIn; i++) {
      cond.append(" || in[").append(i).append("].length != ").append(inSizes[i]);
      expect.append(i > 0 ? ", " : "").append(inSizes[i]);
    }
    expect.append("] and outputs of sizes [");
    for (int o = 0; o < outs.length; o++) {
      int size = vs.get(outs[o]).shape.size();
      cond.append(" || out[").append(o).append("].length != ").append(size);
      expect.append(o > 0 ? ", " : "").append(size);
    }
    sb.append("    if (").append(cond).append(") {\n")
        .append("      throw new IllegalArgumentException(\"plan: expects inputs of sizes [")
        .append(expect).append("]\");\n    }\n");
    for (int i = 0; i < nIn; i++) {
      sb.append("    final double[] i").append(i).append(" = in[").append(i).append("];\n");
    }
    sb.append(body);
    for (int o = 0; o < outs.length; o++) {
      String[] e = el[outs[o]];
      sb.append("    final double[] o").append(o).append(" = out[").append(o).append("];\n");
      for (int j = 0; j < e.length; j++) {
        sb.append("    o").append(o).append('[').append(j).append("] = ").append(e[j])
            .append(";\n");
      }
    }
    sb.append("  }\n}\n");
    return sb.toString();
  }

  private PlanRunner compile(String src) {
    if (Boolean.getBoolean("nde4j.codegen.print")) {
      System.err.println(src);
    }
    try {
      return (PlanRunner) CACHE.computeIfAbsent(src, ScalarCodegen::load)
          .getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("codegen: cannot instantiate generated code", e);
    }
  }

  private static Class<?> load(String src) {
    try {
      SimpleCompiler c = new SimpleCompiler();
      c.setParentClassLoader(ScalarCodegen.class.getClassLoader());
      // each source gets its own loader, so one class name serves every program
      c.cook(src);
      return c.getClassLoader().loadClass("Nde4jGenerated");
    } catch (CompileException | ClassNotFoundException e) {
      throw new IllegalStateException("codegen: generated code did not compile: " + e.getMessage()
          + "\n" + src, e);
    }
  }

  private String local(String expr) {
    String n = "t" + (locals++);
    body.append("    final double ").append(n).append(" = ").append(expr).append(";\n");
    terms++;
    return n;
  }

  static String literal(double d) {
    if (Double.isNaN(d)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    String s = Double.toString(d);
    return d < 0 || s.startsWith("-") ? "(" + s + ")" : s;
  }

  private boolean lower(Compiler.V v) {
    Op op = v.op;
    Shape out = v.shape;
    String[] e = new String[out.size()];
    if (op instanceof ElementwiseOp) {
      Shape[] ins = new Shape[v.in.length];
      for (int j = 0; j < ins.length; j++) {
        ins[j] = vs.get(v.in[j]).shape;
      }
      int[][] idx = broadcastIndex(out, ins);
      for (int k = 0; k < e.length; k++) {
        String[] a = new String[v.in.length];
        for (int j = 0; j < a.length; j++) {
          a[j] = el[v.in[j]][idx[j][k]];
        }
        e[k] = local(elementwise(op, a));
      }
    } else if (op instanceof MatMul) {
      if (!matmul((MatMul) op, v, e)) {
        return false;
      }
    } else {
      Probe p = probe(v);
      if (p == null) {
        return false;
      }
      boolean extremum = op instanceof Reduce && (((Reduce) op).kind() == Reduce.Kind.MAX
          || ((Reduce) op).kind() == Reduce.Kind.MIN);
      for (int k = 0; k < e.length; k++) {
        int[] s = p.src[k];
        if (s.length == 0) {
          e[k] = "0.0";
        } else if (extremum) {
          String fn = ((Reduce) op).kind() == Reduce.Kind.MAX ? "Math.max(" : "Math.min(";
          String acc = el[v.in[s[0]]][s[1]];
          for (int t = 2; t < s.length; t += 2) {
            acc = local(fn + acc + ", " + el[v.in[s[t]]][s[t + 1]] + ")");
          }
          e[k] = acc;
        } else if (s.length == 2 && p.coef[k][0] == 1.0) {
          e[k] = el[v.in[s[0]]][s[1]];
        } else {
          StringBuilder sum = new StringBuilder();
          for (int t = 0; t < s.length; t += 2) {
            double c = p.coef[k][t / 2];
            sum.append(t > 0 ? " + " : "");
            if (c != 1.0) {
              sum.append(literal(c)).append(" * ");
            }
            sum.append(el[v.in[s[t]]][s[t + 1]]);
            terms++;
          }
          e[k] = local(sum.toString());
        }
      }
    }
    el[v.id] = e;
    return true;
  }

  /** Contributing input elements (pairs: operand, index) and coefficients per output element. */
  private static final class Probe {
    final int[][] src;
    final double[][] coef;

    Probe(int[][] src, double[][] coef) {
      this.src = src;
      this.coef = coef;
    }
  }

  /**
   * Runs the op's kernel on one-hot inputs: for a linear op this gives the coefficient of every
   * input element in every output element; for a max (min) reduction probing with +1 (-1) gives
   * which elements take part. Returns {@code null} if the op is found not to be linear in its
   * operands (a probe of 2 does not give twice a probe of 1).
   */
  private Probe probe(Compiler.V v) {
    Shape[] ins = new Shape[v.in.length];
    double[][] x = new double[v.in.length][];
    for (int j = 0; j < ins.length; j++) {
      ins[j] = vs.get(v.in[j]).shape;
      x[j] = new double[ins[j].size()];
    }
    boolean min = v.op instanceof Reduce && ((Reduce) v.op).kind() == Reduce.Kind.MIN;
    boolean max = v.op instanceof Reduce && ((Reduce) v.op).kind() == Reduce.Kind.MAX;
    double one = min ? -1.0 : 1.0;
    double[] o = new double[v.shape.size()];
    double[] o2 = new double[v.shape.size()];
    org.nde4j.tensor.Kernel k = v.op.kernel(ins, v.shape);
    List<List<Integer>> src = new ArrayList<>();
    List<List<Double>> coef = new ArrayList<>();
    for (int i = 0; i < o.length; i++) {
      src.add(new ArrayList<>());
      coef.add(new ArrayList<>());
    }
    for (int j = 0; j < ins.length; j++) {
      for (int i = 0; i < x[j].length; i++) {
        x[j][i] = one;
        k.run(x, o);
        x[j][i] = 2 * one;
        k.run(x, o2);
        x[j][i] = 0.0;
        for (int q = 0; q < o.length; q++) {
          if (o[q] != 0.0) {
            if (o2[q] != 2 * o[q]) {
              return null;
            }
            src.get(q).add(j);
            src.get(q).add(i);
            coef.get(q).add(min || max ? 1.0 : o[q]);
          }
        }
      }
    }
    int[][] r = new int[o.length][];
    double[][] c = new double[o.length][];
    for (int q = 0; q < o.length; q++) {
      List<Integer> l = src.get(q);
      r[q] = new int[l.size()];
      c[q] = new double[l.size() / 2];
      for (int t = 0; t < r[q].length; t++) {
        r[q][t] = l.get(t);
      }
      for (int t = 0; t < c[q].length; t++) {
        c[q][t] = coef.get(q).get(t);
      }
    }
    return new Probe(r, c);
  }

  private boolean matmul(MatMul op, Compiler.V v, String[] e) {
    Shape a = vs.get(v.in[0]).shape;
    Shape b = vs.get(v.in[1]).shape;
    if (a.rank() != 2 || b.rank() != 2) {
      return false;
    }
    boolean ta = op.transposeA();
    boolean tb = op.transposeB();
    int m = v.shape.dim(0);
    int n = v.shape.dim(1);
    int k = ta ? a.dim(0) : a.dim(1);
    String[] ea = el[v.in[0]];
    String[] eb = el[v.in[1]];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        StringBuilder s = new StringBuilder();
        for (int p = 0; p < k; p++) {
          String x = ea[ta ? p * m + i : i * k + p];
          String y = eb[tb ? j * k + p : p * n + j];
          s.append(p > 0 ? " + " : "").append(x).append(" * ").append(y);
          terms++;
        }
        e[i * n + j] = k == 0 ? "0.0" : local(s.toString());
      }
    }
    return true;
  }

  /** For each operand, the element index read for each output element under broadcasting. */
  private static int[][] broadcastIndex(Shape out, Shape[] ins) {
    int r = out.rank();
    int n = out.size();
    int[][] st = new int[ins.length][];
    for (int j = 0; j < ins.length; j++) {
      st[j] = ins[j].broadcastStrides(out);
    }
    int[][] idx = new int[ins.length][n];
    int[] pos = new int[r];
    for (int k = 0; k < n; k++) {
      for (int j = 0; j < ins.length; j++) {
        int off = 0;
        for (int d = 0; d < r; d++) {
          off += pos[d] * st[j][d];
        }
        idx[j][k] = off;
      }
      for (int d = r - 1; d >= 0; d--) {
        if (++pos[d] < out.dim(d)) {
          break;
        }
        pos[d] = 0;
      }
    }
    return idx;
  }

  static String elementwise(Op op, String[] a) {
    if (op instanceof Where) {
      return "(" + a[0] + " != 0.0 ? " + a[1] + " : " + a[2] + ")";
    }
    if (op instanceof Binary) {
      String x = a[0];
      String y = a[1];
      switch (((Binary) op).fn()) {
        case ADD:
          return x + " + " + y;
        case SUB:
          return x + " - " + y;
        case MUL:
          return x + " * " + y;
        case DIV:
          return x + " / " + y;
        case POW:
          return "Math.pow(" + x + ", " + y + ")";
        case MAX:
          return "(" + x + " >= " + y + " ? " + x + " : " + y + ")";
        case MIN:
          return "(" + x + " <= " + y + " ? " + x + " : " + y + ")";
        case LT:
          return "(" + x + " < " + y + " ? 1.0 : 0.0)";
        case LE:
          return "(" + x + " <= " + y + " ? 1.0 : 0.0)";
        case GT:
          return "(" + x + " > " + y + " ? 1.0 : 0.0)";
        case GE:
          return "(" + x + " >= " + y + " ? 1.0 : 0.0)";
        case EQ:
          return "(" + x + " == " + y + " ? 1.0 : 0.0)";
        default:
          return "(" + x + " != " + y + " ? 1.0 : 0.0)";
      }
    }
    String x = a[0];
    if (op == SoftplusSlope.INSTANCE) {
      return "-Math.expm1(-" + x + ")";
    }
    switch (((Unary) op).fn()) {
      case NEG:
        return "-" + x;
      case EXP:
        return "Math.exp(" + x + ")";
      case LOG:
        return "Math.log(" + x + ")";
      case LOG1P:
        return "Math.log1p(" + x + ")";
      case EXPM1:
        return "Math.expm1(" + x + ")";
      case SQRT:
        return "Math.sqrt(" + x + ")";
      case SIN:
        return "Math.sin(" + x + ")";
      case COS:
        return "Math.cos(" + x + ")";
      case TAN:
        return "Math.tan(" + x + ")";
      case ABS:
        return "Math.abs(" + x + ")";
      case SQUARE:
        return x + " * " + x;
      case RELU:
        return "(" + x + " > 0.0 ? " + x + " : 0.0)";
      case STEP:
        return "(" + x + " > 0.0 ? 1.0 : 0.0)";
      case SIGN:
        return "Math.signum(" + x + ")";
      case TANH:
        return "org.nde4j.kernel.ScalarKernels.tanh(" + x + ")";
      case SIGMOID:
        return "org.nde4j.kernel.ScalarKernels.sigmoid(" + x + ")";
      case SOFTPLUS:
        return "org.nde4j.kernel.ScalarKernels.softplus(" + x + ")";
      default:
        return "org.nde4j.tensor.op.UnaryFn." + ((Unary) op).fn().name() + ".apply(" + x + ")";
    }
  }
}
