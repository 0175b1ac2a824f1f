package org.nde4j.tensor.op;

import org.nde4j.tensor.ElementwiseOp;
import org.nde4j.tensor.Kernel;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/** {@code cond != 0 ? a : b} elementwise with broadcasting of all three operands. */
public final class Where implements ElementwiseOp {
  public static final Where INSTANCE = new Where();

  private Where() {}

  @Override
  public String name() {
    return "where";
  }

  @Override
  public int arity() {
    return 3;
  }

  @Override
  public Shape outputShape(Shape... in) {
    Arity.check(this, in, 3);
    return Shape.broadcast(name(), Shape.broadcast(name(), in[0], in[1]), in[2]);
  }

  @Override
  public Kernel kernel(Shape[] in, Shape out) {
    Broadcast bc = new Broadcast(out, in);
    return (x, o) -> {
      int cs = bc.innerStride[0];
      int as = bc.innerStride[1];
      int bs = bc.innerStride[2];
      for (int r = 0; r < bc.rows; r++) {
        int c0 = bc.offset[0][r];
        int a0 = bc.offset[1][r];
        int b0 = bc.offset[2][r];
        int o0 = r * bc.inner;
        for (int i = 0; i < bc.inner; i++) {
          o[o0 + i] = x[0][c0 + i * cs] != 0.0 ? x[1][a0 + i * as] : x[2][b0 + i * bs];
        }
      }
    };
  }

  @Override
  public void applyBlock(double[][] in, double[] out, int n) {
    double[] c = in[0];
    double[] a = in[1];
    double[] b = in[2];
    for (int i = 0; i < n; i++) {
      out[i] = c[i] != 0.0 ? a[i] : b[i];
    }
  }

  @Override
  public Tensor[] vjp(Tensor[] in, Tensor out, Tensor g) {
    Tensor zero = Tensor.scalar(0.0);
    return new Tensor[] {null,
        Tensor.where(in[0], g, zero).sumTo(in[1].shape()),
        Tensor.where(in[0], zero, g).sumTo(in[2].shape())};
  }

  @Override
  public Tensor jvp(Tensor[] in, Tensor out, Tensor[] t) {
    if (t[1] == null && t[2] == null) {
      return null;
    }
    Tensor zero = Tensor.scalar(0.0);
    return Tensor.where(in[0], t[1] == null ? zero : t[1], t[2] == null ? zero : t[2])
        .broadcastTo(out.shape());
  }

  @Override
  public String toString() {
    return name();
  }
}
