package org.nde4j.compile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
 * one pass over the output with the whole expression inline, operands read at their broadcast
 * positions, so C2 vectorises the arithmetic and nothing is copied or dispatched per element.
 * Functions with vector kernels (exp, tanh, sigmoid, softplus) are not inlined: their argument is
 * computed by one loop into a scratch array, the kernel runs on it, and the next loop reads the
 * result. Generated classes are cached by their source, so equal trees compile once per JVM.
 */
final class FusedCodegen {
  private static final Map<String, Class<?>> CACHE = new ConcurrentHashMap<>();
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final ElementwiseOp[] ops;
  private final int[][] args;
  private final int leaves;
  private final Broadcast bc;
  private final StringBuilder body = new StringBuilder();
  private int temps;

  private FusedCodegen(Shape out, Shape[] leafShapes, ElementwiseOp[] ops, int[][] args) {
    this.ops = ops;
    this.args = args;
    this.leaves = leafShapes.length;
    this.bc = new Broadcast(out, leafShapes);
  }

  /** A generated kernel, or {@code null} if code generation is switched off. */
  static Kernel generate(Shape out, Shape[] leafShapes, ElementwiseOp[] ops, int[][] args) {
    if (Boolean.getBoolean("nde4j.codegen.off") || out.size() == 0) {
      return null;
    }
    FusedCodegen g = new FusedCodegen(out, leafShapes, ops, args);
    String result = g.value(ops.length - 1, "o", true);
    if (result != null) {
      // the root was an ordinary expression: write it
      g.loop("o", result);
    }
    StringBuilder decl = new StringBuilder();
    for (int j = 0; j < g.leaves; j++) {
      decl.append("    final double[] a").append(j).append(" = in[").append(j).append("];\n");
    }
    for (int t = 0; t < g.temps; t++) {
      decl.append("    final double[] t").append(t).append(" = tmp[").append(t).append("];\n");
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
    double[][] tmp = new double[g.temps][out.size()];
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
      COUNTER.incrementAndGet();
      return c.getClassLoader().loadClass("Nde4jFused");
    } catch (CompileException | ClassNotFoundException e) {
      throw new IllegalStateException("codegen: fused kernel did not compile: " + e.getMessage()
          + "\n" + src, e);
    }
  }

  /** Number of distinct fused kernels compiled so far (for tests of the cache). */
  static int compiledCount() {
    return COUNTER.get();
  }

  private static boolean vectorKernel(ElementwiseOp op) {
    if (!(op instanceof Unary)) {
      return false;
    }
    UnaryFn f = ((Unary) op).fn();
    return f == UnaryFn.EXP || f == UnaryFn.TANH || f == UnaryFn.SIGMOID
        || f == UnaryFn.SOFTPLUS;
  }

  /**
   * Java expression of op {@code i}'s value at element {@code ob + i} of the output, or {@code
   * null} after writing it to array {@code dest} when it needed a vector kernel ({@code isRoot}:
   * {@code dest} is the output array).
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
    if (argReg < leaves && contiguous(argReg)) {
      argArray = "a" + argReg; // the operand itself, laid out like the output: no copy
    } else {
      argArray = "t" + (temps++);
      loop(argArray, a[0]);
    }
    String target = isRoot ? dest : "t" + (temps++);
    String fn = ((Unary) op).fn().name().toLowerCase(java.util.Locale.ROOT);
    body.append("    org.nde4j.kernel.KernelSelection.selected().").append(fn).append('(').append(argArray)
        .append(", 0, ").append(target).append(", 0, ").append(bc.rows * bc.inner)
        .append(");\n");
    return isRoot ? null : target + "[ob# + i]";
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

  private String leaf(int j) {
    return bc.innerStride[j] == 0 ? "a" + j + "[b" + j + "#]" : "a" + j + "[b" + j + "# + i]";
  }

  /** Short rows are processed this many at a time, to amortise the loop overhead. */
  private static final int ROW_UNROLL = 4;

  /**
   * Emits the loop {@code dest[ob + i] = expr} over all rows and elements; {@code '#'} in
   * {@code expr} marks the row-dependent offsets. Short rows (a bias of a few dozen features)
   * run {@link #ROW_UNROLL} rows per pass, since a short vectorised loop is mostly overhead.
   */
  private void loop(String dest, String expr) {
    int unroll = bc.inner < 256 && bc.rows >= ROW_UNROLL ? ROW_UNROLL : 1;
    int mainRows = bc.rows - bc.rows % unroll;
    body.append("    { final double[] d = ").append(dest).append(";\n");
    rowLoop(0, mainRows, unroll, expr);
    if (mainRows < bc.rows) {
      rowLoop(mainRows, bc.rows, 1, expr);
    }
    body.append("    }\n");
  }

  private void rowLoop(int from, int to, int unroll, String expr) {
    body.append("      for (int r = ").append(from).append("; r < ").append(to).append("; r += ")
        .append(unroll).append(") {\n");
    for (int u = 0; u < unroll; u++) {
      body.append("        final int ob_").append(u).append(" = (r + ").append(u).append(") * ")
          .append(bc.inner).append(";\n");
      for (int j = 0; j < leaves; j++) {
        body.append("        final int b").append(j).append('_').append(u).append(" = off[")
            .append(j).append("][r + ").append(u).append("];\n");
      }
    }
    body.append("        for (int i = 0; i < ").append(bc.inner).append("; i++) {\n");
    for (int u = 0; u < unroll; u++) {
      body.append("          d[ob_").append(u).append(" + i] = ")
          .append(expr.replace("#", "_" + u)).append(";\n");
    }
    body.append("        }\n      }\n");
  }
}
