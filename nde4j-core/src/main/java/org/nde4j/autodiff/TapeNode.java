package org.nde4j.autodiff;

import java.util.concurrent.atomic.AtomicLong;
import org.nde4j.tensor.Op;
import org.nde4j.tensor.Tensor;

/**
 * One recorded op application: the op, its operands and its result. Nodes are ordered by creation
 * ({@link #seq()}), which is a topological order of the recorded computation.
 */
public final class TapeNode {
  private static final AtomicLong SEQ = new AtomicLong();

  private final Op op;
  private final Tensor[] inputs;
  private final Tensor output;
  private final long seq;

  public TapeNode(Op op, Tensor[] inputs, Tensor output) {
    this.op = op;
    this.inputs = inputs.clone();
    this.output = output;
    this.seq = SEQ.incrementAndGet();
  }

  public Op op() {
    return op;
  }

  /** The operands (not a copy: do not modify). */
  Tensor[] inputs() {
    return inputs;
  }

  public Tensor output() {
    return output;
  }

  public long seq() {
    return seq;
  }

  /** Operand shapes, for messages. */
  public String describe() {
    StringBuilder sb = new StringBuilder("'").append(op.name()).append("' (operand shapes ");
    for (int i = 0; i < inputs.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(inputs[i].shape());
    }
    return sb.append(')').toString();
  }
}
