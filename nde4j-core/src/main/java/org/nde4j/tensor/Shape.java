package org.nde4j.tensor;

import java.util.Arrays;

/**
 * An immutable tensor shape: the extent of each axis, row-major (the last axis is contiguous).
 * A rank-0 shape ({@code Shape.of()}) describes a scalar with one element.
 */
public final class Shape {
  private static final Shape SCALAR = new Shape(new int[0]);

  private final int[] dims;
  private final int size;

  private Shape(int[] dims) {
    this.dims = dims;
    long n = 1;
    for (int d : dims) {
      n *= d;
    }
    if (n > Integer.MAX_VALUE) {
      throw new ShapeException("shape " + Arrays.toString(dims) + " has more than 2^31-1 elements");
    }
    this.size = (int) n;
  }

  /**
   * The shape with the given extents.
   *
   * @throws ShapeException if an extent is negative
   */
  public static Shape of(int... dims) {
    if (dims.length == 0) {
      return SCALAR;
    }
    for (int d : dims) {
      if (d < 0) {
        throw new ShapeException("negative extent in shape " + Arrays.toString(dims));
      }
    }
    return new Shape(dims.clone());
  }

  /** The rank-0 shape of a scalar. */
  public static Shape scalar() {
    return SCALAR;
  }

  public int rank() {
    return dims.length;
  }

  /** The extent of axis {@code axis}; negative axes count from the end. */
  public int dim(int axis) {
    return dims[axis(axis)];
  }

  /** Number of elements (1 for a scalar). */
  public int size() {
    return size;
  }

  /** A copy of the extents. */
  public int[] dims() {
    return dims.clone();
  }

  /**
   * Normalises a possibly negative axis index.
   *
   * @throws ShapeException if the axis is out of range for this rank
   */
  public int axis(int axis) {
    int a = axis < 0 ? axis + dims.length : axis;
    if (a < 0 || a >= dims.length) {
      throw new ShapeException("axis " + axis + " out of range for shape " + this);
    }
    return a;
  }

  /** Row-major strides in elements. */
  public int[] strides() {
    int[] s = new int[dims.length];
    int acc = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= dims[i];
    }
    return s;
  }

  /** The shape with axis {@code axis} removed. */
  public Shape drop(int axis) {
    int a = axis(axis);
    int[] d = new int[dims.length - 1];
    for (int i = 0, j = 0; i < dims.length; i++) {
      if (i != a) {
        d[j++] = dims[i];
      }
    }
    return new Shape(d);
  }

  /** The shape with a new axis of extent {@code n} inserted at position {@code axis} (0..rank). */
  public Shape insert(int axis, int n) {
    int a = axis < 0 ? axis + dims.length + 1 : axis;
    if (a < 0 || a > dims.length) {
      throw new ShapeException("insert position " + axis + " out of range for shape " + this);
    }
    int[] d = new int[dims.length + 1];
    for (int i = 0, j = 0; i < d.length; i++) {
      d[i] = i == a ? n : dims[j++];
    }
    return new Shape(d);
  }

  /** This shape with axis {@code axis} set to extent {@code n}. */
  public Shape with(int axis, int n) {
    int[] d = dims.clone();
    d[axis(axis)] = n;
    return new Shape(d);
  }

  /**
   * The broadcast of two shapes (NumPy rules: align trailing axes; extents must match or be 1).
   *
   * @param op the op name used in the error message
   * @throws ShapeException naming the op and both shapes when they do not broadcast
   */
  public static Shape broadcast(String op, Shape a, Shape b) {
    if (a.equals(b)) {
      return a;
    }
    int r = Math.max(a.rank(), b.rank());
    int[] d = new int[r];
    for (int i = 0; i < r; i++) {
      int da = i < r - a.rank() ? 1 : a.dims[i - (r - a.rank())];
      int db = i < r - b.rank() ? 1 : b.dims[i - (r - b.rank())];
      if (da != db && da != 1 && db != 1) {
        throw new ShapeException(op + ": shapes " + a + " and " + b + " are not broadcastable");
      }
      d[i] = da == 1 ? db : da;
    }
    return new Shape(d);
  }

  /** Whether this shape broadcasts to {@code target} without changing {@code target}. */
  public boolean broadcastsTo(Shape target) {
    if (rank() > target.rank()) {
      return false;
    }
    int off = target.rank() - rank();
    for (int i = 0; i < rank(); i++) {
      if (dims[i] != 1 && dims[i] != target.dims[i + off]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Strides of this shape when read broadcast to {@code target}: 0 on broadcast axes, the row-major
   * stride elsewhere; the result has {@code target.rank()} entries.
   */
  public int[] broadcastStrides(Shape target) {
    int[] own = strides();
    int[] s = new int[target.rank()];
    int off = target.rank() - rank();
    for (int i = 0; i < rank(); i++) {
      s[i + off] = dims[i] == 1 ? 0 : own[i];
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape && Arrays.equals(dims, ((Shape) o).dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  @Override
  public String toString() {
    return Arrays.toString(dims);
  }
}
