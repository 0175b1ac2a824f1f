package org.nde4j.tensor.op;

import java.util.Arrays;
import org.nde4j.tensor.Kernel;
import org.nde4j.tensor.Op;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/** Permutes axes: output axis i is input axis {@code perm[i]}. */
public final class Transpose implements Op {
  private final int[] perm;

  private Transpose(int[] perm) {
    this.perm = perm;
  }

  /**
   * @throws ShapeException if {@code perm} is not a permutation of {@code 0..rank-1}
   */
  public static Transpose of(int[] perm, int rank) {
    if (perm.length != rank) {
      throw new ShapeException("permute: " + Arrays.toString(perm) + " has " + perm.length
          + " entries for rank " + rank);
    }
    boolean[] seen = new boolean[rank];
    int[] p = new int[rank];
    for (int i = 0; i < rank; i++) {
      int a = perm[i] < 0 ? perm[i] + rank : perm[i];
      if (a < 0 || a >= rank || seen[a]) {
        throw new ShapeException("permute: " + Arrays.toString(perm)
            + " is not a permutation of the axes of a rank-" + rank + " tensor");
      }
      seen[a] = true;
      p[i] = a;
    }
    return new Transpose(p);
  }

  @Override
  public String name() {
    return "permute";
  }

  @Override
  public Shape outputShape(Shape... in) {
    Arity.check(this, in, 1);
    if (in[0].rank() != perm.length) {
      throw new ShapeException("permute: " + Arrays.toString(perm) + " does not fit shape "
          + in[0]);
    }
    int[] d = new int[perm.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = in[0].dim(perm[i]);
    }
    return Shape.of(d);
  }

  @Override
  public Kernel kernel(Shape[] in, Shape out) {
    int r = perm.length;
    int[] inSt = in[0].strides();
    int[] st = new int[r];
    for (int i = 0; i < r; i++) {
      st[i] = inSt[perm[i]];
    }
    int[] dims = out.dims();
    int n = out.size();
    if (r == 2) {
      int rows = dims[0];
      int cols = dims[1];
      int s0 = st[0];
      int s1 = st[1];
      return (x, o) -> {
        double[] a = x[0];
        for (int i = 0; i < rows; i++) {
          for (int j = 0; j < cols; j++) {
            o[i * cols + j] = a[i * s0 + j * s1];
          }
        }
      };
    }
    int[] idx = new int[r];
    return (x, o) -> {
      double[] a = x[0];
      Arrays.fill(idx, 0);
      int src = 0;
      for (int i = 0; i < n; i++) {
        o[i] = a[src];
        for (int d = r - 1; d >= 0; d--) {
          src += st[d];
          if (++idx[d] < dims[d]) {
            break;
          }
          src -= st[d] * dims[d];
          idx[d] = 0;
        }
      }
    };
  }

  private int[] inverse() {
    int[] inv = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      inv[perm[i]] = i;
    }
    return inv;
  }

  @Override
  public Tensor[] vjp(Tensor[] in, Tensor out, Tensor g) {
    return new Tensor[] {g.permute(inverse())};
  }

  @Override
  public Tensor jvp(Tensor[] in, Tensor out, Tensor[] t) {
    return t[0] == null ? null : t[0].permute(perm);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Transpose && Arrays.equals(((Transpose) o).perm, perm);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(perm) + 13;
  }

  @Override
  public String toString() {
    return "permute" + Arrays.toString(perm);
  }
}
