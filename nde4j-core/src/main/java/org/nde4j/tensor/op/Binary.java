package org.nde4j.tensor.op;

import java.util.EnumMap;
import org.nde4j.tensor.ElementwiseOp;
import org.nde4j.tensor.Kernel;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/** An elementwise function of two broadcast operands. */
public final class Binary implements ElementwiseOp {
  private static final EnumMap<BinaryFn, Binary> CACHE = new EnumMap<>(BinaryFn.class);

  static {
    for (BinaryFn f : BinaryFn.values()) {
      CACHE.put(f, new Binary(f));
    }
  }

  private final BinaryFn fn;

  private Binary(BinaryFn fn) {
    this.fn = fn;
  }

  public static Binary of(BinaryFn fn) {
    return CACHE.get(fn);
  }

  public BinaryFn fn() {
    return fn;
  }

  @Override
  public String name() {
    return fn.opName();
  }

  @Override
  public int arity() {
    return 2;
  }

  @Override
  public boolean differentiable() {
    return fn.differentiable();
  }

  @Override
  public Shape outputShape(Shape... in) {
    Arity.check(this, in, 2);
    return Shape.broadcast(name(), in[0], in[1]);
  }

  @Override
  public Kernel kernel(Shape[] in, Shape out) {
    BinaryFn f = fn;
    if (in[0].equals(in[1])) {
      // no broadcasting: skip the iteration plan (cheaper eager ops)
      int n = out.size();
      return (x, o) -> f.run(x[0], 0, 1, x[1], 0, 1, o, 0, n);
    }
    Broadcast bc = new Broadcast(out, in[0], in[1]);
    int rows = bc.rows;
    int inner = bc.inner;
    int as = bc.innerStride[0];
    int bs = bc.innerStride[1];
    int[] ao = bc.offset[0];
    int[] bo = bc.offset[1];
    return (x, o) -> {
      double[] a = x[0];
      double[] b = x[1];
      for (int r = 0; r < rows; r++) {
        f.run(a, ao[r], as, b, bo[r], bs, o, r * inner, inner);
      }
    };
  }

  @Override
  public void applyBlock(double[][] in, double[] out, int n) {
    fn.run(in[0], 0, 1, in[1], 0, 1, out, 0, n);
  }

  @Override
  public Tensor[] vjp(Tensor[] in, Tensor out, Tensor g) {
    Tensor[] p = fn.partials(in[0], in[1], out, g);
    return new Tensor[] {p[0].sumTo(in[0].shape()), p[1].sumTo(in[1].shape())};
  }

  @Override
  public Tensor jvp(Tensor[] in, Tensor out, Tensor[] t) {
    Tensor result = null;
    Shape s = out.shape();
    for (int i = 0; i < 2; i++) {
      if (t[i] == null) {
        continue;
      }
      // the partial w.r.t. operand i is linear in the cotangent: reuse the VJP rule with t_i
      Tensor ti = t[i].broadcastTo(s);
      Tensor c = fn.partials(in[0], in[1], out, ti)[i];
      result = result == null ? c : result.add(c);
    }
    return result;
  }

  @Override
  public String toString() {
    return name();
  }
}
