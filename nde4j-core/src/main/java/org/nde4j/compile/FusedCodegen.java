package org.nde4j.compile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;
import org.nde4j.tensor.ElementwiseOp;
import org.nde4j.tensor.Kernel;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.op.Broadcast;
import org.nde4j.tensor.op.Unary;
import org.nde4j.tensor.op.UnaryFn;

/**
 * Generates the loop of a fused elementwise tree as Java source (compiled in memory with Janino):
 * one pass over the output with the whole expression inline, so nothing is copied or dispatched
 * per element. Functions with vector kernels (exp, tanh, sigmoid, softplus, softplus_slope) are
 * not inlined: their argument is computed by one loop into a scratch array (or read in place
 * when it is a plain operand), the kernel runs on it, and the next loop reads the result.
 *
 * <p>Every loop runs over the output as one flat range with all arrays indexed from 0, because
 * C2 vectorises a loop only when the arrays it indexes share their offsets: operands laid out like
 * the output are read directly, operands constant over the whole output are read once into a
 * local, and any other broadcast operand (a bias row, a column) is first expanded into a scratch
 * array with one {@code arraycopy} or {@code fill} per row. Generated classes are cached by their
 * source, so equal trees compile once per JVM.
 */
final class FusedCodegen {
  private static final Map<String, Class<?>> CACHE = new ConcurrentHashMap<>();

  private final ElementwiseOp[] ops;
  private final int[][] args;
  private final int leaves;
  private final Broadcast bc;
  private final int total;
  private final StringBuilder body = new StringBuilder();
  private int temps;

  private FusedCodegen(Shape out, Shape[] leafShapes, ElementwiseOp[] ops, int[][] args) {
    this.ops = ops;
    this.args = args;
    this.leaves = leafShapes.length;
    this.bc = new Broadcast(out, leafShapes);
    this.total = out.size();
  }

  /** A generated kernel, or {@code null} if code generation is switched off. */
  static Kernel generate(Shape out, Shape[] leafShapes, ElementwiseOp[] ops, int[][] args) {
    if (Boolean.getBoolean("nde4j.codegen.off") || out.size() == 0) {
      return null;
    }
    FusedCodegen g = new FusedCodegen(out, leafShapes, ops, args);
    StringBuilder decl = new StringBuilder();
    for (int j = 0; j < g.leaves; j++) {
      decl.append("    final double[] a").append(j).append(" = in[").append(j).append("];\n");
      if (g.scalar(j)) {
        decl.append("    final double s").append(j).append(" = a").append(j).append("[off[")
            .append(j).append("][0]];\n");
      } else if (!g.contiguous(j)) {
        g.expand(decl, j);
      }
    }
    String result = g.value(ops.length - 1, "o", true);
    if (result != null) {
      // the root was an ordinary expression: write it
      g.loop("o", result);
    }
    for (int t = 0; t < g.temps; t++) {
      decl.insert(0, "    final double[] t" + t + " = tmp[" + t + "];\n");
    }
    String name = "Nde4jFused";
    String src = "public final class " + name + " implements org.nde4j.tensor.Kernel {\n"
        + "  private final int[][] off;\n  private final double[][] tmp;\n"
        + "  public " + name + "(int[][] off, double[][] tmp) { this.off = off; this.tmp = tmp; }\n"
        + "  public void run(double[][] in, double[] o) {\n" + decl + g.body + "  }\n}\n";
    if (Boolean.getBoolean("nde4j.codegen.print")) {
      System.err.println(src);
    }
    Class<?> cls = CACHE.computeIfAbsent(src, FusedCodegen::compile);
    double[][] tmp = new double[g.temps][g.total];
    try {
      return (Kernel) cls.getConstructor(int[][].class, double[][].class)
          .newInstance(g.bc.offset, tmp);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("codegen: cannot instantiate fused kernel", e);
    }
  }

  private static Class<?> compile(String src) {
    try {
      SimpleCompiler c = new SimpleCompiler();
      c.setParentClassLoader(FusedCodegen.class.getClassLoader());
      // each source gets its own loader, so one class name serves every kernel
      c.cook(src);
      return c.getClassLoader().loadClass("Nde4jFused");
    } catch (CompileException | ClassNotFoundException e) {
      throw new IllegalStateException("codegen: fused kernel did not compile: " + e.getMessage()
          + "\n" + src, e);
    }
  }

  private static boolean vectorKernel(ElementwiseOp op) {
    if (op == SoftplusSlope.INSTANCE) {
      return true;
    }
    if (!(op instanceof Unary)) {
      return false;
    }
    UnaryFn f = ((Unary) op).fn();
    return f == UnaryFn.EXP || f == UnaryFn.TANH || f == UnaryFn.SIGMOID
        || f == UnaryFn.SOFTPLUS;
  }

  /**
   * Java expression of op {@code i}'s value at output element {@code i}, or {@code null} after
   * writing it to array {@code dest} when it needed a vector kernel ({@code isRoot}: {@code dest}
   * is the output array).
   */
  private String value(int i, String dest, boolean isRoot) {
    ElementwiseOp op = ops[i];
    String[] a = new String[args[i].length];
    for (int j = 0; j < a.length; j++) {
      int reg = args[i][j];
      a[j] = reg < leaves ? leaf(reg) : value(reg - leaves, null, false);
    }
    if (!vectorKernel(op)) {
      // parenthesised: the expressions nest here (in straight-line code each is a statement)
      return "(" + ScalarCodegen.elementwise(op, a) + ")";
    }
    String argArray;
    int argReg = args[i][0];
    if (argReg < leaves && !scalar(argReg)) {
      argArray = contiguous(argReg) ? "a" + argReg : "x" + argReg; // read in place
    } else {
      argArray = "t" + (temps++);
      loop(argArray, a[0]);
    }
    String target = isRoot ? dest : "t" + (temps++);
    String fn = op == SoftplusSlope.INSTANCE ? "softplusSlope"
        : ((Unary) op).fn().name().toLowerCase(java.util.Locale.ROOT);
    body.append("    org.nde4j.kernel.KernelSelection.selected().").append(fn).append('(')
        .append(argArray).append(", 0, ").append(target).append(", 0, ").append(total)
        .append(");\n");
    return isRoot ? null : target + "[i]";
  }

  /** Whether operand {@code j} has one value for the whole output. */
  private boolean scalar(int j) {
    if (bc.innerStride[j] != 0) {
      return false;
    }
    for (int r = 1; r < bc.rows; r++) {
      if (bc.offset[j][r] != bc.offset[j][0]) {
        return false;
      }
    }
    return true;
  }

  /** Whether operand {@code j} is read exactly in output order (same shape as the output). */
  private boolean contiguous(int j) {
    if (bc.innerStride[j] != 1) {
      return false;
    }
    for (int r = 0; r < bc.rows; r++) {
      if (bc.offset[j][r] != r * bc.inner) {
        return false;
      }
    }
    return true;
  }

  /** Declares {@code xJ}: operand {@code j} broadcast to the output's layout, row by row. */
  private void expand(StringBuilder decl, int j) {
    int t = temps++;
    decl.append("    final double[] x").append(j).append(" = tmp[").append(t).append("];\n")
        .append("    for (int r = 0; r < ").append(bc.rows).append("; r++) {\n");
    if (bc.innerStride[j] == 0) {
      decl.append("      java.util.Arrays.fill(x").append(j).append(", r * ").append(bc.inner)
          .append(", (r + 1) * ").append(bc.inner).append(", a").append(j).append("[off[")
          .append(j).append("][r]]);\n");
    } else {
      decl.append("      System.arraycopy(a").append(j).append(", off[").append(j)
          .append("][r], x").append(j).append(", r * ").append(bc.inner).append(", ")
          .append(bc.inner).append(");\n");
    }
    decl.append("    }\n");
  }

  private String leaf(int j) {
    if (scalar(j)) {
      return "s" + j;
    }
    return (contiguous(j) ? "a" : "x") + j + "[i]";
  }

  /** Emits the flat loop {@code dest[i] = expr} over the whole output. */
  private void loop(String dest, String expr) {
    body.append("    { final double[] d = ").append(dest).append(";\n")
        .append("      for (int i = 0; i < ").append(total).append("; i++) {\n")
        .append("        d[i] = ").append(expr).append(";\n      }\n    }\n");
  }
}
