package org.nde4j.tensor.op;

import java.util.Arrays;
import org.nde4j.tensor.Kernel;
import org.nde4j.tensor.Op;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/** The adjoint of {@link Slice}: places a slice into zeros of the full extent. */
public final class SliceScatter implements Op {
  private final Slice slice;

  SliceScatter(int axis, int begin, int count, int step, int dim) {
    this.slice = new Slice(axis, begin, count, step, dim);
  }

  /** The slice whose positions this op fills (the rest of the output is zero). */
  public Slice slice() {
    return slice;
  }

  @Override
  public String name() {
    return "slice_scatter";
  }

  @Override
  public Shape outputShape(Shape... in) {
    Arity.check(this, in, 1);
    if (in[0].rank() <= slice.axis || in[0].dim(slice.axis) != slice.count) {
      throw new ShapeException("slice_scatter: expects extent " + slice.count + " on axis "
          + slice.axis + ", got shape " + in[0]);
    }
    return in[0].with(slice.axis, slice.dim);
  }

  @Override
  public Kernel kernel(Shape[] in, Shape out) {
    int outer = Slice.outer(out, slice.axis);
    int inner = Slice.inner(out, slice.axis);
    int n = out.size();
    int row = slice.dim * inner;
    int run = slice.count * inner;
    int head = slice.begin * inner;
    if (slice.step == 1) {
      // per outer index: zeros, the slice as one contiguous run, zeros
      return (x, o) -> {
        double[] a = x[0];
        for (int i = 0; i < outer; i++) {
          int base = i * row;
          Arrays.fill(o, base, base + head, 0.0);
          System.arraycopy(a, i * run, o, base + head, run);
          Arrays.fill(o, base + head + run, base + row, 0.0);
        }
      };
    }
    return (x, o) -> {
      double[] a = x[0];
      Arrays.fill(o, 0, n, 0.0);
      int p = 0;
      for (int i = 0; i < outer; i++) {
        int base = i * row;
        for (int c = 0; c < slice.count; c++) {
          int dst = base + (slice.begin + c * slice.step) * inner;
          if (inner == 1) {
            o[dst] = a[p++];
          } else {
            System.arraycopy(a, p, o, dst, inner);
            p += inner;
          }
        }
      }
    };
  }

  @Override
  public Tensor[] vjp(Tensor[] in, Tensor out, Tensor g) {
    return new Tensor[] {Tensor.apply(slice, g)};
  }

  @Override
  public Tensor jvp(Tensor[] in, Tensor out, Tensor[] t) {
    return t[0] == null ? null : Tensor.apply(this, t[0]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SliceScatter && ((SliceScatter) o).slice.equals(slice);
  }

  @Override
  public int hashCode() {
    return slice.hashCode() + 17;
  }

  @Override
  public String toString() {
    return "slice_scatter(" + slice + ")";
  }
}
