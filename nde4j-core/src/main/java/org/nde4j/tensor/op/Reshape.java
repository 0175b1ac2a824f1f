package org.nde4j.tensor.op;

import java.util.Arrays;
import org.nde4j.tensor.Kernel;
import org.nde4j.tensor.Op;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/** Same elements in the same order, new extents. Aliases its operand (no copy). */
public final class Reshape implements Op {
  private final Shape target;

  public Reshape(Shape target) {
    this.target = target;
  }

  /** Resolves one {@code -1} extent against the element count of {@code from}. */
  public static Shape infer(Shape from, int[] dims) {
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] == -1) {
        if (unknown >= 0) {
          throw new ShapeException("reshape: more than one -1 in " + Arrays.toString(dims));
        }
        unknown = i;
      } else if (dims[i] < 0) {
        throw new ShapeException("reshape: negative extent in " + Arrays.toString(dims));
      } else {
        known *= dims[i];
      }
    }
    int[] d = dims.clone();
    if (unknown >= 0) {
      if (known == 0 || from.size() % known != 0) {
        throw new ShapeException("reshape: cannot reshape " + from + " into "
            + Arrays.toString(dims));
      }
      d[unknown] = (int) (from.size() / known);
    }
    return Shape.of(d);
  }

  @Override
  public String name() {
    return "reshape";
  }

  @Override
  public boolean aliasesInput() {
    return true;
  }

  @Override
  public Shape outputShape(Shape... in) {
    Arity.check(this, in, 1);
    if (in[0].size() != target.size()) {
      throw new ShapeException("reshape: cannot reshape " + in[0] + " (" + in[0].size()
          + " elements) into " + target + " (" + target.size() + " elements)");
    }
    return target;
  }

  @Override
  public Kernel kernel(Shape[] in, Shape out) {
    int n = out.size();
    return (x, o) -> System.arraycopy(x[0], 0, o, 0, n);
  }

  @Override
  public Tensor[] vjp(Tensor[] in, Tensor out, Tensor g) {
    return new Tensor[] {g.reshape(in[0].shape())};
  }

  @Override
  public Tensor jvp(Tensor[] in, Tensor out, Tensor[] t) {
    return t[0] == null ? null : t[0].reshape(target);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reshape && ((Reshape) o).target.equals(target);
  }

  @Override
  public int hashCode() {
    return target.hashCode() + 11;
  }

  @Override
  public String toString() {
    return "reshape" + target;
  }
}
