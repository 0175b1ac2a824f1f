package org.nde4j.tensor.op;

import java.util.Arrays;
import org.nde4j.tensor.Kernel;
import org.nde4j.tensor.Op;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/**
 * Selects entries {@code indices} along one axis (indices may repeat or be out of order). With
 * {@code scatter} set it is the adjoint: adds entries back into zeros of the original extent.
 */
public final class Gather implements Op {
  private final int axis;
  private final int[] indices;
  private final int dim;
  private final boolean scatter;

  /**
   * @param dim the extent of {@code axis} in the operand
   * @throws ShapeException if an index is outside {@code [0, dim)} (negative ones count from the end)
   */
  public Gather(int axis, int[] indices, int dim) {
    this(axis, normalise(indices, dim), dim, false);
  }

  private Gather(int axis, int[] indices, int dim, boolean scatter) {
    this.axis = axis;
    this.indices = indices;
    this.dim = dim;
    this.scatter = scatter;
  }

  private static int[] normalise(int[] idx, int dim) {
    int[] r = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      int v = idx[i] < 0 ? idx[i] + dim : idx[i];
      if (v < 0 || v >= dim) {
        throw new ShapeException("gather: index " + idx[i] + " out of range for extent " + dim);
      }
      r[i] = v;
    }
    return r;
  }

  @Override
  public String name() {
    return scatter ? "scatter_add" : "gather";
  }

  @Override
  public Shape outputShape(Shape... in) {
    Arity.check(this, in, 1);
    int expect = scatter ? indices.length : dim;
    if (in[0].rank() <= axis || in[0].dim(axis) != expect) {
      throw new ShapeException(name() + ": expects extent " + expect + " on axis " + axis
          + ", got shape " + in[0]);
    }
    return in[0].with(axis, scatter ? dim : indices.length);
  }

  @Override
  public Kernel kernel(Shape[] in, Shape out) {
    int outer = Slice.outer(in[0], axis);
    int inner = Slice.inner(in[0], axis);
    int k = indices.length;
    int n = out.size();
    if (!scatter) {
      return (x, o) -> {
        double[] a = x[0];
        int p = 0;
        for (int i = 0; i < outer; i++) {
          for (int c = 0; c < k; c++) {
            System.arraycopy(a, (i * dim + indices[c]) * inner, o, p, inner);
            p += inner;
          }
        }
      };
    }
    return (x, o) -> {
      double[] a = x[0];
      Arrays.fill(o, 0, n, 0.0);
      int p = 0;
      for (int i = 0; i < outer; i++) {
        for (int c = 0; c < k; c++) {
          int dst = (i * dim + indices[c]) * inner;
          for (int j = 0; j < inner; j++) {
            o[dst + j] += a[p + j];
          }
          p += inner;
        }
      }
    };
  }

  @Override
  public Tensor[] vjp(Tensor[] in, Tensor out, Tensor g) {
    return new Tensor[] {Tensor.apply(new Gather(axis, indices, dim, !scatter), g)};
  }

  @Override
  public Tensor jvp(Tensor[] in, Tensor out, Tensor[] t) {
    return t[0] == null ? null : Tensor.apply(this, t[0]);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Gather)) {
      return false;
    }
    Gather g = (Gather) o;
    return g.axis == axis && g.dim == dim && g.scatter == scatter
        && Arrays.equals(g.indices, indices);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(indices) * 31 + axis * 7 + dim + (scatter ? 1 : 0);
  }

  @Override
  public String toString() {
    return name() + "(axis " + axis + ", " + Arrays.toString(indices) + ")";
  }
}
