package org.nde4j.compile;

import org.nde4j.tensor.ElementwiseOp;
import org.nde4j.tensor.Kernel;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.op.Broadcast;

/**
 * A chain (tree) of elementwise ops evaluated in one pass: the output is walked in blocks of up to
 * {@link #BLOCK} elements; for each block the external operands are loaded (broadcast) into block
 * registers and the ops run register to register, so intermediates never leave the L1 cache and
 * get no buffers of their own.
 */
final class FusedKernel implements Kernel {
  static final int BLOCK = 256;

  /** One op of the tree: reads registers {@code args}, writes register {@code out}. */
  static final class Instr {
    final ElementwiseOp op;
    final int[] args;
    final int out;
    final double[][] argRegs;

    Instr(ElementwiseOp op, int[] args, int out, double[][] regs) {
      this.op = op;
      this.args = args;
      this.out = out;
      this.argRegs = new double[args.length][];
      for (int i = 0; i < args.length; i++) {
        argRegs[i] = regs[args[i]];
      }
    }
  }

  private final Instr[] program;
  private final double[][] regs;
  private final int numLeaves;
  private final Broadcast bc;
  private final String description;

  /**
   * @param leafShapes shapes of the external operands (registers 0..leaves-1)
   * @param ops the ops in evaluation order; {@code args[i]} are register numbers; op i writes
   *     register {@code leaves + i}; the last op's register is the result
   */
  FusedKernel(Shape out, Shape[] leafShapes, ElementwiseOp[] ops, int[][] args) {
    this.numLeaves = leafShapes.length;
    this.regs = new double[numLeaves + ops.length][BLOCK];
    this.program = new Instr[ops.length];
    StringBuilder sb = new StringBuilder("fused(");
    for (int i = 0; i < ops.length; i++) {
      program[i] = new Instr(ops[i], args[i], numLeaves + i, regs);
      sb.append(i > 0 ? " " : "").append(ops[i].name());
    }
    this.description = sb.append(')').toString();
    this.bc = new Broadcast(out, leafShapes);
  }

  @Override
  public void run(double[][] in, double[] o) {
    int inner = bc.inner;
    int total = bc.rows * inner;
    double[] result = regs[regs.length - 1];
    // Blocks run across row boundaries, so short rows (a bias over 50 features) still give
    // full blocks and few dispatches.
    for (int start = 0; start < total; start += BLOCK) {
      int n = Math.min(BLOCK, total - start);
      for (int j = 0; j < numLeaves; j++) {
        load(j, in[j], start, n, inner);
      }
      for (Instr ins : program) {
        ins.op.applyBlock(ins.argRegs, regs[ins.out], n);
      }
      System.arraycopy(result, 0, o, start, n);
    }
  }

  /** Fills register {@code j} with operand {@code j} broadcast over output elements [start, start+n). */
  private void load(int j, double[] src, int start, int n, int inner) {
    double[] reg = regs[j];
    int[] off = bc.offset[j];
    boolean scalar = bc.innerStride[j] == 0;
    int r = start / inner;
    int c = start - r * inner;
    for (int pos = 0; pos < n; r++, c = 0) {
      int len = Math.min(inner - c, n - pos);
      if (scalar) {
        java.util.Arrays.fill(reg, pos, pos + len, src[off[r]]);
      } else {
        System.arraycopy(src, off[r] + c, reg, pos, len);
      }
      pos += len;
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
