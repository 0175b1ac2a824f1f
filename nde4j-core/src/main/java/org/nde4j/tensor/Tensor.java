package org.nde4j.tensor;

import java.util.Arrays;
import org.nde4j.autodiff.Backprop;
import org.nde4j.autodiff.GradMode;
import org.nde4j.autodiff.TapeNode;
import org.nde4j.random.Key;
import org.nde4j.tensor.op.Binary;
import org.nde4j.tensor.op.BinaryFn;
import org.nde4j.tensor.op.BroadcastTo;
import org.nde4j.tensor.op.Concat;
import org.nde4j.tensor.op.Gather;
import org.nde4j.tensor.op.MatMul;
import org.nde4j.tensor.op.Reduce;
import org.nde4j.tensor.op.Reshape;
import org.nde4j.tensor.op.Slice;
import org.nde4j.tensor.op.Transpose;
import org.nde4j.tensor.op.Unary;
import org.nde4j.tensor.op.UnaryFn;
import org.nde4j.tensor.op.Where;

/**
 * An n-dimensional float64 tensor, row-major, with NumPy broadcasting.
 *
 * <p>A tensor is either <em>concrete</em> (it holds its elements) or <em>symbolic</em> (a node of
 * a graph being traced, see {@code org.nde4j.compile.Graph}). Every op works on both: on concrete
 * tensors it computes at once; on symbolic ones it records a node. Elements are never mutated
 * after construction.
 *
 * <p>Eager autodiff: mark leaves with {@link #requiresGrad(boolean)}; every op on a tensor that
 * requires a gradient is recorded on the tape; {@link #backward()} accumulates gradients into
 * the leaves' {@link #grad()}, and {@code org.nde4j.autodiff.Autodiff} gives functional {@code
 * grad}, {@code vjp} and {@code jvp}. With {@code createGraph} the backward pass is itself
 * recorded, so it can be differentiated again.
 *
 * <p>Errors: shape mismatches throw {@link ShapeException} naming the op and the shapes.
 */
public final class Tensor {
  private final Shape shape;
  private final double[] data;
  private final Tracer tracer;
  private final int node;
  private boolean requiresGrad;
  private TapeNode gradFn;
  private Tensor grad;

  private Tensor(Shape shape, double[] data, Tracer tracer, int node) {
    this.shape = shape;
    this.data = data;
    this.tracer = tracer;
    this.node = node;
  }

  // ---------------------------------------------------------------- construction

  /**
   * A concrete tensor that takes ownership of {@code data} (no copy): the caller must not modify
   * the array afterwards.
   *
   * @throws ShapeException if {@code data.length != shape.size()}
   */
  public static Tensor wrap(double[] data, Shape shape) {
    if (data.length != shape.size()) {
      throw new ShapeException("tensor: " + data.length + " values do not fill shape " + shape
          + " (" + shape.size() + " elements)");
    }
    return new Tensor(shape, data, null, -1);
  }

  /** A concrete tensor holding a copy of {@code data} with the given extents. */
  public static Tensor of(double[] data, int... dims) {
    return wrap(data.clone(), Shape.of(dims));
  }

  /** A rank-1 tensor of the given values. */
  public static Tensor vector(double... values) {
    return wrap(values.clone(), Shape.of(values.length));
  }

  /** A rank-2 tensor from rows of equal length. */
  public static Tensor matrix(double[][] rows) {
    int m = rows.length;
    int n = m == 0 ? 0 : rows[0].length;
    double[] d = new double[m * n];
    for (int i = 0; i < m; i++) {
      if (rows[i].length != n) {
        throw new ShapeException("matrix: row " + i + " has " + rows[i].length
            + " values, row 0 has " + n);
      }
      System.arraycopy(rows[i], 0, d, i * n, n);
    }
    return wrap(d, Shape.of(m, n));
  }

  /** A rank-0 tensor. */
  public static Tensor scalar(double v) {
    return new Tensor(Shape.scalar(), new double[] {v}, null, -1);
  }

  /** A symbolic tensor: node {@code node} of {@code tracer}. For tracer implementations. */
  public static Tensor symbolic(Tracer tracer, int node, Shape shape) {
    return new Tensor(shape, null, tracer, node);
  }

  public static Tensor zeros(int... dims) {
    return zeros(Shape.of(dims));
  }

  public static Tensor zeros(Shape shape) {
    return new Tensor(shape, new double[shape.size()], null, -1);
  }

  public static Tensor ones(int... dims) {
    return full(1.0, Shape.of(dims));
  }

  public static Tensor full(double value, int... dims) {
    return full(value, Shape.of(dims));
  }

  public static Tensor full(double value, Shape shape) {
    double[] d = new double[shape.size()];
    Arrays.fill(d, value);
    return new Tensor(shape, d, null, -1);
  }

  /** The n×n identity. */
  public static Tensor eye(int n) {
    double[] d = new double[n * n];
    for (int i = 0; i < n; i++) {
      d[i * n + i] = 1.0;
    }
    return wrap(d, Shape.of(n, n));
  }

  /** {@code start, start+step, …} strictly before {@code stop} (NumPy's arange). */
  public static Tensor arange(double start, double stop, double step) {
    if (step == 0 || !Double.isFinite(step) || !Double.isFinite(start) || !Double.isFinite(stop)) {
      throw new IllegalArgumentException("arange: step must be finite and non-zero and the "
          + "bounds finite (start=" + start + ", stop=" + stop + ", step=" + step + ")");
    }
    int n = (int) Math.max(0, Math.ceil((stop - start) / step));
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = start + i * step;
    }
    return wrap(d, Shape.of(n));
  }

  /** {@code n} evenly spaced values from {@code a} to {@code b} inclusive. */
  public static Tensor linspace(double a, double b, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("linspace: n must be >= 0, got " + n);
    }
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = n == 1 ? a : a + (b - a) * i / (n - 1);
    }
    if (n > 1) {
      d[n - 1] = b;
    }
    return wrap(d, Shape.of(n));
  }

  /** Standard normal draws determined by {@code key} (element i depends only on key and i). */
  public static Tensor normal(Key key, int... dims) {
    Shape s = Shape.of(dims);
    double[] d = new double[s.size()];
    key.normal(d, 0, d.length);
    return wrap(d, s);
  }

  /** Uniform draws in [0, 1) determined by {@code key}. */
  public static Tensor uniform(Key key, int... dims) {
    Shape s = Shape.of(dims);
    double[] d = new double[s.size()];
    key.uniform(d, 0, d.length);
    return wrap(d, s);
  }

  // ---------------------------------------------------------------- accessors

  public Shape shape() {
    return shape;
  }

  public int rank() {
    return shape.rank();
  }

  public int size() {
    return shape.size();
  }

  /** True if this tensor is a node of a graph being traced rather than a holder of values. */
  public boolean isSymbolic() {
    return tracer != null;
  }

  /** The tracer of a symbolic tensor, else {@code null}. */
  public Tracer tracer() {
    return tracer;
  }

  /** The node index of a symbolic tensor in its tracer, else -1. */
  public int node() {
    return node;
  }

  /** A copy of the elements, row-major. */
  public double[] toArray() {
    return concrete("toArray").clone();
  }

  /** Copies the elements into {@code dst} starting at {@code off}. */
  public void copyTo(double[] dst, int off) {
    double[] d = concrete("copyTo");
    System.arraycopy(d, 0, dst, off, d.length);
  }

  /** The single element of a one-element tensor. */
  public double item() {
    double[] d = concrete("item");
    if (d.length != 1) {
      throw new ShapeException("item: tensor of shape " + shape + " has " + d.length
          + " elements, not 1");
    }
    return d[0];
  }

  /** The element at the given index (one index per axis). */
  public double get(int... index) {
    double[] d = concrete("get");
    if (index.length != shape.rank()) {
      throw new ShapeException("get: " + index.length + " indices for shape " + shape);
    }
    int[] st = shape.strides();
    int off = 0;
    for (int i = 0; i < index.length; i++) {
      int ix = index[i];
      if (ix < 0 || ix >= shape.dim(i)) {
        throw new ShapeException("get: index " + ix + " out of range for axis " + i
            + " of shape " + shape);
      }
      off += ix * st[i];
    }
    return d[off];
  }

  private double[] concrete(String what) {
    if (data == null) {
      throw new IllegalStateException(what + ": tensor is symbolic (it is being traced); its "
          + "values exist only when the compiled plan runs");
    }
    return data;
  }

  /** Internal: the backing array of a concrete tensor (do not modify). */
  public double[] dataRef() {
    return data;
  }

  // ---------------------------------------------------------------- autodiff state

  /**
   * Marks this tensor as a leaf that requires a gradient (or clears the mark). Returns this.
   *
   * @throws IllegalStateException when called on a non-leaf (the result of a recorded op)
   */
  public Tensor requiresGrad(boolean on) {
    if (gradFn != null && gradFn.op().differentiable()) {
      throw new IllegalStateException("requiresGrad: tensor of shape " + shape
          + " is the result of op '" + gradFn.op().name() + "', not a leaf; use detach() first");
    }
    this.requiresGrad = on;
    return this;
  }

  public boolean requiresGrad() {
    return requiresGrad;
  }

  /** The tape node that produced this tensor, or {@code null} for a leaf. */
  public TapeNode gradFn() {
    return gradFn;
  }

  /** The gradient accumulated by {@link #backward()} on a leaf, or {@code null}. */
  public Tensor grad() {
    return grad;
  }

  /** Clears the accumulated gradient. */
  public void zeroGrad() {
    grad = null;
  }

  /** Internal: accumulates into {@link #grad()}. */
  public void accumulateGrad(Tensor g) {
    grad = grad == null ? g : grad.add(g);
  }

  /** The same values, cut off from the tape (no gradient flows through). */
  public Tensor detach() {
    return new Tensor(shape, data, tracer, node);
  }

  /** {@code backward(ones)} for a one-element tensor. */
  public void backward() {
    if (size() != 1) {
      throw new ShapeException("backward: implicit seed needs a one-element tensor, got shape "
          + shape + "; pass a cotangent of that shape");
    }
    backward(full(1.0, shape), false);
  }

  /**
   * Reverse-mode sweep from this tensor with cotangent {@code seed}, accumulating into the
   * {@link #grad()} of every leaf that requires a gradient. With {@code createGraph} the sweep is
   * recorded so the gradients can be differentiated again.
   *
   * @throws NotDifferentiableException if this tensor came from a piecewise-constant op
   * @throws IllegalStateException if nothing upstream requires a gradient
   */
  public void backward(Tensor seed, boolean createGraph) {
    Backprop.backward(this, seed, createGraph);
  }

  // ---------------------------------------------------------------- dispatch

  /**
   * Applies {@code op} to {@code in}: computes at once on concrete operands, records a graph node
   * if any operand is symbolic, and records a tape node when an operand requires a gradient and
   * gradient recording is on.
   *
   * @throws ShapeException if the op rejects the operand shapes
   */
  public static Tensor apply(Op op, Tensor... in) {
    Shape[] shapes = new Shape[in.length];
    Tracer tr = null;
    boolean needsGrad = false;
    for (int i = 0; i < in.length; i++) {
      Tensor t = in[i];
      shapes[i] = t.shape;
      needsGrad |= t.requiresGrad;
      if (t.tracer != null) {
        if (tr != null && tr != t.tracer) {
          throw new IllegalStateException(op.name() + ": operands belong to two different traces");
        }
        tr = t.tracer;
      }
    }
    Shape out = op.outputShape(shapes);
    Tensor r;
    if (tr != null) {
      r = tr.record(op, in, out);
    } else if (op.aliasesInput()) {
      r = new Tensor(out, in[0].data, null, -1);
    } else {
      double[][] d = new double[in.length][];
      for (int i = 0; i < in.length; i++) {
        d[i] = in[i].data;
      }
      double[] o = new double[out.size()];
      op.kernel(shapes, out).run(d, o);
      r = new Tensor(out, o, null, -1);
    }
    if (needsGrad && GradMode.isEnabled()) {
      r.gradFn = new TapeNode(op, in, r);
      r.requiresGrad = op.differentiable();
    }
    return r;
  }

  // ---------------------------------------------------------------- elementwise binary

  public Tensor add(Tensor o) {
    return apply(Binary.of(BinaryFn.ADD), this, o);
  }

  public Tensor add(double v) {
    return add(scalar(v));
  }

  public Tensor sub(Tensor o) {
    return apply(Binary.of(BinaryFn.SUB), this, o);
  }

  public Tensor sub(double v) {
    return sub(scalar(v));
  }

  /** {@code v - this}. */
  public Tensor rsub(double v) {
    return scalar(v).sub(this);
  }

  public Tensor mul(Tensor o) {
    return apply(Binary.of(BinaryFn.MUL), this, o);
  }

  public Tensor mul(double v) {
    return mul(scalar(v));
  }

  public Tensor div(Tensor o) {
    return apply(Binary.of(BinaryFn.DIV), this, o);
  }

  public Tensor div(double v) {
    return div(scalar(v));
  }

  /** {@code v / this}. */
  public Tensor rdiv(double v) {
    return scalar(v).div(this);
  }

  /** Elementwise power; the base must be positive where the exponent is not an integer. */
  public Tensor pow(Tensor o) {
    return apply(Binary.of(BinaryFn.POW), this, o);
  }

  /**
   * Elementwise power by a constant. The exponents 2 and 3 are multiplications ({@code square()},
   * {@code square().mul(this)}: at most 1.5 ulp from the exact power, the same special values as
   * {@code Math.pow}, and a fraction of its cost — a neural ODE's {@code y³} input transform runs
   * in every evaluation), as PyTorch's {@code pow} does for small integer exponents; any other
   * exponent is {@link #pow(Tensor)} of a scalar.
   */
  public Tensor pow(double v) {
    if (v == 2.0) {
      return square();
    }
    if (v == 3.0) {
      return square().mul(this);
    }
    return pow(scalar(v));
  }

  /** Elementwise maximum (gradient to the larger operand; ties go to {@code this}). */
  public Tensor maximum(Tensor o) {
    return apply(Binary.of(BinaryFn.MAX), this, o);
  }

  /** Elementwise minimum (gradient to the smaller operand; ties go to {@code this}). */
  public Tensor minimum(Tensor o) {
    return apply(Binary.of(BinaryFn.MIN), this, o);
  }

  // comparisons: 1.0 where true, 0.0 where false; not differentiable
  public Tensor lt(Tensor o) {
    return apply(Binary.of(BinaryFn.LT), this, o);
  }

  public Tensor le(Tensor o) {
    return apply(Binary.of(BinaryFn.LE), this, o);
  }

  public Tensor gt(Tensor o) {
    return apply(Binary.of(BinaryFn.GT), this, o);
  }

  public Tensor ge(Tensor o) {
    return apply(Binary.of(BinaryFn.GE), this, o);
  }

  public Tensor eq(Tensor o) {
    return apply(Binary.of(BinaryFn.EQ), this, o);
  }

  public Tensor ne(Tensor o) {
    return apply(Binary.of(BinaryFn.NE), this, o);
  }

  public Tensor gt(double v) {
    return gt(scalar(v));
  }

  public Tensor lt(double v) {
    return lt(scalar(v));
  }

  /** {@code cond != 0 ? a : b} elementwise with broadcasting; no gradient flows to {@code cond}. */
  public static Tensor where(Tensor cond, Tensor a, Tensor b) {
    return apply(Where.INSTANCE, cond, a, b);
  }

  // ---------------------------------------------------------------- elementwise unary

  public Tensor neg() {
    return apply(Unary.of(UnaryFn.NEG), this);
  }

  public Tensor exp() {
    return apply(Unary.of(UnaryFn.EXP), this);
  }

  public Tensor log() {
    return apply(Unary.of(UnaryFn.LOG), this);
  }

  public Tensor log1p() {
    return apply(Unary.of(UnaryFn.LOG1P), this);
  }

  public Tensor expm1() {
    return apply(Unary.of(UnaryFn.EXPM1), this);
  }

  public Tensor sqrt() {
    return apply(Unary.of(UnaryFn.SQRT), this);
  }

  public Tensor sin() {
    return apply(Unary.of(UnaryFn.SIN), this);
  }

  public Tensor cos() {
    return apply(Unary.of(UnaryFn.COS), this);
  }

  public Tensor tan() {
    return apply(Unary.of(UnaryFn.TAN), this);
  }

  public Tensor tanh() {
    return apply(Unary.of(UnaryFn.TANH), this);
  }

  public Tensor sigmoid() {
    return apply(Unary.of(UnaryFn.SIGMOID), this);
  }

  public Tensor softplus() {
    return apply(Unary.of(UnaryFn.SOFTPLUS), this);
  }

  public Tensor relu() {
    return apply(Unary.of(UnaryFn.RELU), this);
  }

  /** GELU, tanh approximation (Hendrycks &amp; Gimpel 2016, arXiv:1606.08415, eq. 2). */
  public Tensor gelu() {
    return apply(Unary.of(UnaryFn.GELU), this);
  }

  public Tensor abs() {
    return apply(Unary.of(UnaryFn.ABS), this);
  }

  public Tensor square() {
    return apply(Unary.of(UnaryFn.SQUARE), this);
  }

  /** -1, 0 or 1; not differentiable. */
  public Tensor sign() {
    return apply(Unary.of(UnaryFn.SIGN), this);
  }

  /** Applies a unary function by enum value. */
  public Tensor map(UnaryFn fn) {
    return apply(Unary.of(fn), this);
  }

  // ---------------------------------------------------------------- linear algebra

  /**
   * Matrix product over the last two axes with broadcast batch axes: {@code [..., m, k] @ [...,
   * k, n] -> [..., m, n]}.
   *
   * @throws ShapeException naming both shapes if ranks are below 2 or inner extents differ
   */
  public Tensor matmul(Tensor o) {
    return apply(MatMul.of(false, false), this, o);
  }

  /** {@code op(this) @ op(o)} where {@code op} transposes the last two axes when its flag is set. */
  public Tensor matmul(Tensor o, boolean transposeThis, boolean transposeOther) {
    return apply(MatMul.of(transposeThis, transposeOther), this, o);
  }

  // ---------------------------------------------------------------- reductions

  /** Sum of all elements (rank 0). */
  public Tensor sum() {
    return apply(Reduce.sum(allAxes(), false), this);
  }

  /** Sum over the given axes (negative axes count from the end). */
  public Tensor sum(boolean keepDims, int... axes) {
    return apply(Reduce.sum(axes, keepDims), this);
  }

  public Tensor sum(int... axes) {
    return sum(false, axes);
  }

  public Tensor mean() {
    return apply(Reduce.mean(allAxes(), false), this);
  }

  public Tensor mean(int... axes) {
    return apply(Reduce.mean(axes, false), this);
  }

  public Tensor mean(boolean keepDims, int... axes) {
    return apply(Reduce.mean(axes, keepDims), this);
  }

  /** Maximum over axes; the gradient is shared equally among tied maxima. */
  public Tensor max(int... axes) {
    return apply(Reduce.max(axes.length == 0 ? allAxes() : axes, false), this);
  }

  public Tensor max(boolean keepDims, int... axes) {
    return apply(Reduce.max(axes, keepDims), this);
  }

  public Tensor min(int... axes) {
    return apply(Reduce.min(axes.length == 0 ? allAxes() : axes, false), this);
  }

  public Tensor min(boolean keepDims, int... axes) {
    return apply(Reduce.min(axes, keepDims), this);
  }

  private int[] allAxes() {
    int[] a = new int[rank()];
    for (int i = 0; i < a.length; i++) {
      a[i] = i;
    }
    return a;
  }

  /**
   * Sums broadcast axes away so the result has shape {@code target} (the adjoint of
   * broadcasting).
   *
   * @throws ShapeException if {@code target} does not broadcast to this shape
   */
  public Tensor sumTo(Shape target) {
    if (shape.equals(target)) {
      return this;
    }
    if (!target.broadcastsTo(shape)) {
      throw new ShapeException("sumTo: shape " + target + " does not broadcast to " + shape);
    }
    int lead = rank() - target.rank();
    int[] axes = new int[rank()];
    int n = 0;
    for (int i = 0; i < rank(); i++) {
      if (i < lead || (target.dim(i - lead) == 1 && shape.dim(i) != 1)) {
        axes[n++] = i;
      }
    }
    Tensor s = n == 0 ? this : sum(false, Arrays.copyOf(axes, n));
    return s.shape.equals(target) ? s : s.reshape(target);
  }

  // ---------------------------------------------------------------- shape ops

  /** Same elements, new extents; one extent may be -1 (inferred). */
  public Tensor reshape(int... dims) {
    return reshape(Reshape.infer(shape, dims));
  }

  public Tensor reshape(Shape s) {
    if (s.equals(shape)) {
      return this;
    }
    return apply(new Reshape(s), this);
  }

  /** Broadcasts to {@code target} (NumPy rules). */
  public Tensor broadcastTo(Shape target) {
    if (shape.equals(target)) {
      return this;
    }
    return apply(new BroadcastTo(target), this);
  }

  /** Swaps the last two axes. */
  public Tensor transpose() {
    if (rank() < 2) {
      throw new ShapeException("transpose: needs rank >= 2, got shape " + shape);
    }
    int[] p = allAxes();
    p[rank() - 1] = rank() - 2;
    p[rank() - 2] = rank() - 1;
    return permute(p);
  }

  /** Reorders axes: output axis i is input axis {@code perm[i]}. */
  public Tensor permute(int... perm) {
    return apply(Transpose.of(perm, rank()), this);
  }

  /** Inserts an axis of extent 1 at {@code axis}. */
  public Tensor unsqueeze(int axis) {
    return reshape(shape.insert(axis, 1));
  }

  /** Concatenates along an existing axis. */
  public static Tensor concat(int axis, Tensor... parts) {
    if (parts.length == 0) {
      throw new ShapeException("concat: no operands");
    }
    if (parts.length == 1) {
      return parts[0];
    }
    return apply(new Concat(parts[0].shape.axis(axis)), parts);
  }

  /** Stacks equal-shaped tensors along a new axis. */
  public static Tensor stack(int axis, Tensor... parts) {
    if (parts.length == 0) {
      throw new ShapeException("stack: no operands");
    }
    Shape s0 = parts[0].shape;
    Tensor[] u = new Tensor[parts.length];
    int a = axis < 0 ? axis + s0.rank() + 1 : axis;
    for (int i = 0; i < parts.length; i++) {
      if (!parts[i].shape.equals(s0)) {
        throw new ShapeException("stack: operand " + i + " has shape " + parts[i].shape
            + ", operand 0 has " + s0);
      }
      u[i] = parts[i].reshape(s0.insert(a, 1));
    }
    return parts.length == 1 ? u[0] : apply(new Concat(a), u);
  }

  /** Elements {@code begin, begin+step, …} before {@code end} along {@code axis}. */
  public Tensor slice(int axis, int begin, int end, int step) {
    return apply(Slice.along(shape, axis, begin, end, step), this);
  }

  public Tensor slice(int axis, int begin, int end) {
    return slice(axis, begin, end, 1);
  }

  /** Element {@code i} along {@code axis}, with that axis removed. */
  public Tensor index(int axis, int i) {
    int a = shape.axis(axis);
    int ii = i < 0 ? i + shape.dim(a) : i;
    return slice(a, ii, ii + 1, 1).reshape(shape.drop(a));
  }

  /** Gathers the given indices along {@code axis} (indices may repeat). */
  public Tensor gather(int axis, int... indices) {
    return apply(new Gather(shape.axis(axis), indices, shape.dim(axis)), this);
  }

  @Override
  public String toString() {
    if (data == null) {
      return "Tensor(symbolic node " + node + ", shape " + shape + ")";
    }
    StringBuilder sb = new StringBuilder("Tensor(shape ").append(shape).append(", ");
    int n = Math.min(data.length, 16);
    sb.append('[');
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(data[i]);
    }
    if (data.length > n) {
      sb.append(", …");
    }
    return sb.append("])").toString();
  }
}
