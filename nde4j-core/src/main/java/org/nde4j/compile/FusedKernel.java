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
    double[] result = regs[regs.length - 1];
    for (int r = 0; r < bc.rows; r++) {
      int base = r * inner;
      for (int start = 0; start < inner; start += BLOCK) {
        int n = Math.min(BLOCK, inner - start);
        for (int j = 0; j < numLeaves; j++) {
          double[] src = in[j];
          double[] reg = regs[j];
          int off = bc.offset[j][r];
          if (bc.innerStride[j] == 0) {
            java.util.Arrays.fill(reg, 0, n, src[off]);
          } else {
            System.arraycopy(src, off + start, reg, 0, n);
          }
        }
        for (Instr ins : program) {
          ins.op.applyBlock(ins.argRegs, regs[ins.out], n);
        }
        System.arraycopy(result, 0, o, base + start, n);
      }
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
