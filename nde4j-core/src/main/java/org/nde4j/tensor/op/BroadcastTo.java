package org.nde4j.tensor.op;

import org.nde4j.tensor.Kernel;
import org.nde4j.tensor.Op;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/** Materialises an operand broadcast to a target shape. Its VJP sums the broadcast axes away. */
public final class BroadcastTo implements Op {
  private final Shape target;

  public BroadcastTo(Shape target) {
    this.target = target;
  }

  public Shape target() {
    return target;
  }

  @Override
  public String name() {
    return "broadcast_to";
  }

  @Override
  public Shape outputShape(Shape... in) {
    Arity.check(this, in, 1);
    if (!in[0].broadcastsTo(target)) {
      throw new ShapeException("broadcast_to: shape " + in[0] + " does not broadcast to " + target);
    }
    return target;
  }

  @Override
  public Kernel kernel(Shape[] in, Shape out) {
    Broadcast bc = new Broadcast(out, in[0]);
    int s = bc.innerStride[0];
    return (x, o) -> {
      double[] a = x[0];
      for (int r = 0; r < bc.rows; r++) {
        int ao = bc.offset[0][r];
        int oo = r * bc.inner;
        if (s == 0) {
          java.util.Arrays.fill(o, oo, oo + bc.inner, a[ao]);
        } else {
          System.arraycopy(a, ao, o, oo, bc.inner);
        }
      }
    };
  }

  @Override
  public Tensor[] vjp(Tensor[] in, Tensor out, Tensor g) {
    return new Tensor[] {g.sumTo(in[0].shape())};
  }

  @Override
  public Tensor jvp(Tensor[] in, Tensor out, Tensor[] t) {
    return t[0] == null ? null : t[0].broadcastTo(target);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BroadcastTo && ((BroadcastTo) o).target.equals(target);
  }

  @Override
  public int hashCode() {
    return target.hashCode() + 7;
  }

  @Override
  public String toString() {
    return "broadcast_to" + target;
  }
}
