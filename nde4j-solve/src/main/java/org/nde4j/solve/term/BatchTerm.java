package org.nde4j.solve.term;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import org.nde4j.compile.Function;
import org.nde4j.compile.Plan;
import org.nde4j.compile.PlanRunner;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * The vector field of a batch of independent ODEs solved <em>per sample</em> (each sample with its
 * own time, step size and accept/reject): evaluates {@code dy/dt} for a packed subset of the
 * samples at once. {@code samples[r]} is the batch index of packed row {@code r}; row {@code r}
 * of {@code y} and {@code dy} is {@code y[r·n … r·n + n)}, at time {@code t[r]}.
 */
public interface BatchTerm {
  /** Doubles per sample. */
  int size();

  /** Writes {@code dy} for the first {@code rows} packed rows; must not allocate in steady state. */
  void rate(double[] t, double[] y, double[] dy, int[] samples, int rows);

  /**
   * A batch term from one plain-array vector field per sample (e.g. with per-sample parameters);
   * {@code fields.apply(i)} is called once per sample, up front.
   */
  static BatchTerm perSample(int size, int batch, IntFunction<VectorField> fields) {
    if (size < 1 || batch < 1) {
      throw new IllegalArgumentException("BatchTerm: size and batch must be ≥ 1, got " + size
          + " and " + batch);
    }
    VectorField[] f = new VectorField[batch];
    for (int i = 0; i < batch; i++) {
      f[i] = Objects.requireNonNull(fields.apply(i), "field of sample " + i);
    }
    double[] yr = new double[size];
    double[] dr = new double[size];
    return new BatchTerm() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public void rate(double[] t, double[] y, double[] dy, int[] samples, int rows) {
        for (int r = 0; r < rows; r++) {
          System.arraycopy(y, r * size, yr, 0, size);
          f[samples[r]].evaluate(t[r], yr, dr);
          System.arraycopy(dr, 0, dy, r * size, size);
        }
      }
    };
  }

  /**
   * A batch term from a tensor function {@code f(t, y, args...)} with {@code t} of shape
   * {@code [m]}, {@code y} of shape {@code [m, size]} and each per-sample argument of shape
   * {@code [m, …]} (the rows of {@code perSampleArgs} belonging to the packed samples), returning
   * {@code [m, size]}. The function is traced and compiled once per row count {@code m} seen.
   *
   * @throws ShapeException if an argument's first axis is not the batch size
   */
  static BatchTerm compiled(TensorFn f, int size, int batch, Tensor... perSampleArgs) {
    for (int i = 0; i < perSampleArgs.length; i++) {
      Shape s = perSampleArgs[i].shape();
      if (s.rank() < 1 || s.dims()[0] != batch) {
        throw new ShapeException("BatchTerm: per-sample argument " + i + " has shape " + s
            + "; its first axis must be the batch size " + batch);
      }
    }
    return new CompiledBatchTerm(Function.of(f), size, perSampleArgs);
  }

  /** The compiled form of {@link #compiled}. */
  final class CompiledBatchTerm implements BatchTerm {
    private final Function fn;
    private final int size;
    private final double[][] args;
    private final int[] argRow;
    private final Shape[] argTail;
    private final Map<Integer, Runner> byRows = new HashMap<>();

    private CompiledBatchTerm(Function fn, int size, Tensor[] perSampleArgs) {
      this.fn = fn;
      this.size = size;
      this.args = new double[perSampleArgs.length][];
      this.argRow = new int[perSampleArgs.length];
      this.argTail = new Shape[perSampleArgs.length];
      for (int i = 0; i < args.length; i++) {
        args[i] = perSampleArgs[i].toArray();
        int[] dims = perSampleArgs[i].shape().dims();
        argTail[i] = Shape.of(java.util.Arrays.copyOfRange(dims, 1, dims.length));
        argRow[i] = argTail[i].size();
      }
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public void rate(double[] t, double[] y, double[] dy, int[] samples, int rows) {
      Runner r = byRows.computeIfAbsent(rows, this::compile);
      System.arraycopy(t, 0, r.in[0], 0, rows);
      System.arraycopy(y, 0, r.in[1], 0, rows * size);
      for (int i = 0; i < args.length; i++) {
        int w = argRow[i];
        double[] packed = r.in[2 + i];
        for (int k = 0; k < rows; k++) {
          System.arraycopy(args[i], samples[k] * w, packed, k * w, w);
        }
      }
      r.runner.run(r.in, r.out);
      System.arraycopy(r.out[0], 0, dy, 0, rows * size);
    }

    private Runner compile(int rows) {
      Shape[] shapes = new Shape[2 + args.length];
      shapes[0] = Shape.of(rows);
      shapes[1] = Shape.of(rows, size);
      for (int i = 0; i < args.length; i++) {
        int[] tail = argTail[i].dims();
        int[] dims = new int[tail.length + 1];
        dims[0] = rows;
        System.arraycopy(tail, 0, dims, 1, tail.length);
        shapes[2 + i] = Shape.of(dims);
      }
      Plan plan = fn.plan(shapes);
      if (plan.numOutputs() != 1 || !plan.outputShape(0).equals(shapes[1])) {
        throw new ShapeException("BatchTerm: the vector field must return one tensor of shape "
            + shapes[1] + ", got " + (plan.numOutputs() == 1 ? plan.outputShape(0)
            : plan.numOutputs() + " outputs"));
      }
      double[][] in = new double[shapes.length][];
      for (int i = 0; i < in.length; i++) {
        in[i] = new double[shapes[i].size()];
      }
      return new Runner(plan.runner(), in, new double[][] {new double[rows * size]});
    }

    private record Runner(PlanRunner runner, double[][] in, double[][] out) {}
  }
}
