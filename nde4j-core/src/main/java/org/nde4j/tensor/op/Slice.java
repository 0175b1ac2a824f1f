package org.nde4j.tensor.op;

import org.nde4j.tensor.Kernel;
import org.nde4j.tensor.Op;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/** Elements {@code begin, begin+step, …} ({@code count} of them) along one axis. */
public final class Slice implements Op {
  final int axis;
  final int begin;
  final int count;
  final int step;
  final int dim;

  Slice(int axis, int begin, int count, int step, int dim) {
    this.axis = axis;
    this.begin = begin;
    this.count = count;
    this.step = step;
    this.dim = dim;
  }

  /**
   * Slice of {@code shape} along {@code axis} from {@code begin} (inclusive) to {@code end}
   * (exclusive); negative positions count from the end.
   *
   * @throws ShapeException if the range is outside the axis or {@code step < 1}
   */
  public static Slice along(Shape shape, int axis, int begin, int end, int step) {
    int a = shape.axis(axis);
    int d = shape.dim(a);
    int b = begin < 0 ? begin + d : begin;
    int e = end < 0 ? end + d : end;
    if (step < 1 || b < 0 || b > d || e < b || e > d) {
      throw new ShapeException("slice: range [" + begin + ", " + end + ") step " + step
          + " is not valid for axis " + axis + " of shape " + shape);
    }
    return new Slice(a, b, (e - b + step - 1) / step, step, d);
  }

  /** The axis sliced. */
  public int axis() {
    return axis;
  }

  /** The first position taken. */
  public int begin() {
    return begin;
  }

  /** Number of positions taken. */
  public int count() {
    return count;
  }

  /** Distance between positions taken. */
  public int step() {
    return step;
  }

  @Override
  public String name() {
    return "slice";
  }

  @Override
  public Shape outputShape(Shape... in) {
    Arity.check(this, in, 1);
    if (in[0].rank() <= axis || in[0].dim(axis) != dim) {
      throw new ShapeException("slice: prepared for extent " + dim + " on axis " + axis
          + ", got shape " + in[0]);
    }
    return in[0].with(axis, count);
  }

  static int outer(Shape s, int axis) {
    int n = 1;
    for (int i = 0; i < axis; i++) {
      n *= s.dim(i);
    }
    return n;
  }

  static int inner(Shape s, int axis) {
    int n = 1;
    for (int i = axis + 1; i < s.rank(); i++) {
      n *= s.dim(i);
    }
    return n;
  }

  @Override
  public Kernel kernel(Shape[] in, Shape out) {
    int outer = outer(in[0], axis);
    int inner = inner(in[0], axis);
    return (x, o) -> {
      double[] a = x[0];
      int p = 0;
      for (int i = 0; i < outer; i++) {
        int base = i * dim * inner;
        if (step == 1) { // one contiguous run per outer index
          System.arraycopy(a, base + begin * inner, o, p, count * inner);
          p += count * inner;
          continue;
        }
        for (int c = 0; c < count; c++) {
          int src = base + (begin + c * step) * inner;
          if (inner == 1) {
            o[p++] = a[src];
          } else {
            System.arraycopy(a, src, o, p, inner);
            p += inner;
          }
        }
      }
    };
  }

  @Override
  public Tensor[] vjp(Tensor[] in, Tensor out, Tensor g) {
    return new Tensor[] {Tensor.apply(new SliceScatter(axis, begin, count, step, dim), g)};
  }

  @Override
  public Tensor jvp(Tensor[] in, Tensor out, Tensor[] t) {
    return t[0] == null ? null : Tensor.apply(this, t[0]);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Slice)) {
      return false;
    }
    Slice s = (Slice) o;
    return s.axis == axis && s.begin == begin && s.count == count && s.step == step && s.dim == dim;
  }

  @Override
  public int hashCode() {
    return ((axis * 31 + begin) * 31 + count) * 31 + step * 7 + dim;
  }

  @Override
  public String toString() {
    return "slice(axis " + axis + ", " + begin + ":" + (begin + count * step) + ":" + step + ")";
  }
}
