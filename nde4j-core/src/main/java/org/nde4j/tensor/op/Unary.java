package org.nde4j.tensor.op;

import java.util.EnumMap;
import org.nde4j.tensor.ElementwiseOp;
import org.nde4j.tensor.Kernel;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/** An elementwise function of one operand. */
public final class Unary implements ElementwiseOp {
  private static final EnumMap<UnaryFn, Unary> CACHE = new EnumMap<>(UnaryFn.class);

  static {
    for (UnaryFn f : UnaryFn.values()) {
      CACHE.put(f, new Unary(f));
    }
  }

  private final UnaryFn fn;

  private Unary(UnaryFn fn) {
    this.fn = fn;
  }

  public static Unary of(UnaryFn fn) {
    return CACHE.get(fn);
  }

  public UnaryFn fn() {
    return fn;
  }

  @Override
  public String name() {
    return fn.opName();
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public boolean differentiable() {
    return fn.differentiable();
  }

  @Override
  public Shape outputShape(Shape... in) {
    Arity.check(this, in, 1);
    return in[0];
  }

  @Override
  public Kernel kernel(Shape[] in, Shape out) {
    int n = out.size();
    UnaryFn f = fn;
    return (x, o) -> f.run(x[0], 0, o, 0, n);
  }

  @Override
  public void applyBlock(double[][] in, double[] out, int n) {
    fn.run(in[0], 0, out, 0, n);
  }

  @Override
  public Tensor[] vjp(Tensor[] in, Tensor out, Tensor g) {
    if (fn == UnaryFn.NEG) {
      return new Tensor[] {g.neg()};
    }
    return new Tensor[] {g.mul(fn.derivative(in[0], out))};
  }

  @Override
  public Tensor jvp(Tensor[] in, Tensor out, Tensor[] t) {
    return t[0] == null ? null : vjp(in, out, t[0])[0];
  }

  @Override
  public String toString() {
    return name();
  }
}
