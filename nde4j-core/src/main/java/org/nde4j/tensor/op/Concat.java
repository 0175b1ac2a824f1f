package org.nde4j.tensor.op;

import java.util.Arrays;
import org.nde4j.tensor.Kernel;
import org.nde4j.tensor.Op;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/** Concatenation along one existing axis; all other extents must agree. */
public final class Concat implements Op {
  private final int axis;

  public Concat(int axis) {
    this.axis = axis;
  }

  @Override
  public String name() {
    return "concat";
  }

  @Override
  public Shape outputShape(Shape... in) {
    if (in.length == 0) {
      throw new ShapeException("concat: no operands");
    }
    Shape s0 = in[0];
    if (axis >= s0.rank()) {
      throw new ShapeException("concat: axis " + axis + " out of range for shape " + s0);
    }
    int total = 0;
    for (Shape s : in) {
      boolean ok = s.rank() == s0.rank();
      for (int i = 0; ok && i < s.rank(); i++) {
        ok = i == axis || s.dim(i) == s0.dim(i);
      }
      if (!ok) {
        throw new ShapeException("concat: shapes " + Arrays.toString(in)
            + " differ outside axis " + axis);
      }
      total += s.dim(axis);
    }
    return s0.with(axis, total);
  }

  @Override
  public Kernel kernel(Shape[] in, Shape out) {
    int outer = Slice.outer(out, axis);
    int[] block = new int[in.length];
    for (int j = 0; j < in.length; j++) {
      block[j] = in[j].dim(axis) * Slice.inner(in[j], axis);
    }
    return (x, o) -> {
      int p = 0;
      for (int i = 0; i < outer; i++) {
        for (int j = 0; j < block.length; j++) {
          System.arraycopy(x[j], i * block[j], o, p, block[j]);
          p += block[j];
        }
      }
    };
  }

  @Override
  public Tensor[] vjp(Tensor[] in, Tensor out, Tensor g) {
    Tensor[] r = new Tensor[in.length];
    int off = 0;
    for (int j = 0; j < in.length; j++) {
      int d = in[j].shape().dim(axis);
      r[j] = g.slice(axis, off, off + d);
      off += d;
    }
    return r;
  }

  @Override
  public Tensor jvp(Tensor[] in, Tensor out, Tensor[] t) {
    boolean any = false;
    Tensor[] parts = new Tensor[in.length];
    for (int j = 0; j < in.length; j++) {
      any |= t[j] != null;
      parts[j] = t[j] != null ? t[j] : Tensor.zeros(in[j].shape());
    }
    return any ? Tensor.concat(axis, parts) : null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Concat && ((Concat) o).axis == axis;
  }

  @Override
  public int hashCode() {
    return axis + 19;
  }

  @Override
  public String toString() {
    return "concat(axis " + axis + ")";
  }
}
