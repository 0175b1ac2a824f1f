package org.nde4j.tensor.op;

import java.util.Arrays;
import org.nde4j.kernel.Kernels;
import org.nde4j.tensor.Kernel;
import org.nde4j.tensor.Op;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/** Sum, mean, maximum or minimum over a set of axes, optionally keeping them with extent 1. */
public final class Reduce implements Op {
  /** The reduction. */
  public enum Kind { SUM, MEAN, MAX, MIN }

  private final Kind kind;
  private final int[] axes; // as given; normalised against the operand rank in outputShape
  private final boolean keepDims;

  private Reduce(Kind kind, int[] axes, boolean keepDims) {
    this.kind = kind;
    this.axes = axes.clone();
    this.keepDims = keepDims;
  }

  public static Reduce sum(int[] axes, boolean keepDims) {
    return new Reduce(Kind.SUM, axes, keepDims);
  }

  public static Reduce mean(int[] axes, boolean keepDims) {
    return new Reduce(Kind.MEAN, axes, keepDims);
  }

  public static Reduce max(int[] axes, boolean keepDims) {
    return new Reduce(Kind.MAX, axes, keepDims);
  }

  public static Reduce min(int[] axes, boolean keepDims) {
    return new Reduce(Kind.MIN, axes, keepDims);
  }

  public Kind kind() {
    return kind;
  }

  @Override
  public String name() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  private boolean[] reduced(Shape s) {
    boolean[] r = new boolean[s.rank()];
    for (int a : axes) {
      int n = a < 0 ? a + s.rank() : a;
      if (n < 0 || n >= s.rank()) {
        throw new ShapeException(name() + ": axis " + a + " out of range for shape " + s);
      }
      if (r[n]) {
        throw new ShapeException(name() + ": axis " + a + " given twice for shape " + s);
      }
      r[n] = true;
    }
    return r;
  }

  @Override
  public Shape outputShape(Shape... in) {
    Arity.check(this, in, 1);
    Shape s = in[0];
    boolean[] r = reduced(s);
    if ((kind == Kind.MAX || kind == Kind.MIN) && s.size() == 0) {
      throw new ShapeException(name() + ": empty operand of shape " + s);
    }
    int[] d = new int[s.rank()];
    int n = 0;
    for (int i = 0; i < s.rank(); i++) {
      if (!r[i]) {
        d[n++] = s.dim(i);
      } else if (keepDims) {
        d[n++] = 1;
      }
    }
    return Shape.of(Arrays.copyOf(d, n));
  }

  /** The output shape with reduced axes kept as extent 1 (for broadcasting back). */
  Shape keptShape(Shape in) {
    boolean[] r = reduced(in);
    int[] d = in.dims();
    for (int i = 0; i < d.length; i++) {
      if (r[i]) {
        d[i] = 1;
      }
    }
    return Shape.of(d);
  }

  @Override
  public Kernel kernel(Shape[] in, Shape out) {
    Shape s = in[0];
    Shape kept = keptShape(s);
    // walk the input in order; output index advances with the strides of the kept shape (0 on
    // reduced axes) -- reuse Broadcast with the roles of input and output swapped.
    Broadcast bc = new Broadcast(s, kept);
    int rows = bc.rows;
    int inner = bc.inner;
    int os = bc.innerStride[0];
    int[] oo = bc.offset[0];
    int count = s.size() / Math.max(1, out.size());
    Kind k = kind;
    int outSize = out.size();
    if ((k == Kind.SUM || k == Kind.MEAN) && os == 1 && inner == outSize && allZero(oo)) {
      // Leading axes summed into one row (a bias gradient): the rows in the order and grouping
      // of the general loop below, so the bits are the same.
      double scale = 1.0 / count;
      boolean mean = k == Kind.MEAN;
      return (x, o) -> {
        Kernels.get().sumRows(x[0], 0, rows, inner, o, 0);
        if (mean) {
          for (int i = 0; i < outSize; i++) {
            o[i] *= scale;
          }
        }
      };
    }
    return (x, o) -> {
      double[] a = x[0];
      double init = k == Kind.MAX ? Double.NEGATIVE_INFINITY
          : k == Kind.MIN ? Double.POSITIVE_INFINITY : 0.0;
      Arrays.fill(o, 0, outSize, init);
      for (int r = 0; r < rows; r++) {
        int ao = r * inner;
        int ob = oo[r];
        if (os != 0 && (k == Kind.SUM || k == Kind.MEAN) && r + 3 < rows && oo[r + 3] == ob
            && oo[r + 1] == ob && oo[r + 2] == ob) {
          // four rows into the same output row per pass: a quarter of the short-loop overhead
          // (rows of a few dozen elements are common: bias gradients of small layers)
          for (int i = 0; i < inner; i++) {
            o[ob + i] += (a[ao + i] + a[ao + inner + i]) + (a[ao + 2 * inner + i]
                + a[ao + 3 * inner + i]);
          }
          r += 3;
          continue;
        }
        if (os == 0) {
          double acc = o[ob];
          switch (k) {
            case MAX:
              for (int i = 0; i < inner; i++) {
                acc = Math.max(acc, a[ao + i]);
              }
              break;
            case MIN:
              for (int i = 0; i < inner; i++) {
                acc = Math.min(acc, a[ao + i]);
              }
              break;
            default:
              for (int i = 0; i < inner; i++) {
                acc += a[ao + i];
              }
          }
          o[ob] = acc;
        } else {
          switch (k) {
            case MAX:
              for (int i = 0; i < inner; i++) {
                o[ob + i] = Math.max(o[ob + i], a[ao + i]);
              }
              break;
            case MIN:
              for (int i = 0; i < inner; i++) {
                o[ob + i] = Math.min(o[ob + i], a[ao + i]);
              }
              break;
            default:
              for (int i = 0; i < inner; i++) {
                o[ob + i] += a[ao + i];
              }
          }
        }
      }
      if (k == Kind.MEAN) {
        double inv = 1.0 / count;
        for (int i = 0; i < outSize; i++) {
          o[i] *= inv;
        }
      }
    };
  }

  private static boolean allZero(int[] offsets) {
    for (int v : offsets) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Tensor[] vjp(Tensor[] in, Tensor out, Tensor g) {
    Shape s = in[0].shape();
    Shape kept = keptShape(s);
    Tensor gk = g.reshape(kept);
    switch (kind) {
      case SUM:
        return new Tensor[] {gk.broadcastTo(s)};
      case MEAN:
        return new Tensor[] {gk.mul(1.0 / (s.size() / Math.max(1, out.size()))).broadcastTo(s)};
      default:
        // gradient shared equally among the elements attaining the extremum
        Tensor mask = in[0].eq(out.reshape(kept));
        Tensor cnt = mask.sum(true, normalisedAxes(s));
        return new Tensor[] {mask.mul(gk.div(cnt))};
    }
  }

  private int[] normalisedAxes(Shape s) {
    int[] a = new int[axes.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = axes[i] < 0 ? axes[i] + s.rank() : axes[i];
    }
    return a;
  }

  @Override
  public Tensor jvp(Tensor[] in, Tensor out, Tensor[] t) {
    if (t[0] == null) {
      return null;
    }
    switch (kind) {
      case SUM:
      case MEAN:
        return Tensor.apply(this, t[0]);
      default:
        Shape kept = keptShape(in[0].shape());
        Tensor mask = in[0].eq(out.reshape(kept));
        int[] ax = normalisedAxes(in[0].shape());
        return t[0].mul(mask).sum(keepDims, ax).div(mask.sum(keepDims, ax));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reduce && ((Reduce) o).kind == kind && ((Reduce) o).keepDims == keepDims
        && Arrays.equals(((Reduce) o).axes, axes);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + Arrays.hashCode(axes) + (keepDims ? 1 : 0);
  }

  @Override
  public String toString() {
    return name() + Arrays.toString(axes) + (keepDims ? "(keep)" : "");
  }
}
