package org.nde4j.solve.term;

import java.util.Objects;
import org.nde4j.compile.Function;
import org.nde4j.compile.Plan;
import org.nde4j.compile.PlanRunner;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * The term {@code f(t, y) dX(t)} driven by a control {@link Path} {@code X} with {@code d}
 * channels: the building block of controlled differential equations (Kidger et al., <i>Neural
 * Controlled Differential Equations for Irregular Time Series</i>, NeurIPS 2020). The vector field
 * is an {@code n × d} matrix; deterministic solvers integrate {@code dy/dt = f(t, y) · dX/dt(t)},
 * which keeps their full order on a smooth (e.g. cubic-spline) path.
 */
public final class ControlTerm implements Term {
  private final int size;
  private final ControlField field;
  private final Path path;
  private final double[] matrix;
  private final double[] dx;

  private ControlTerm(int size, ControlField field, Path path) {
    this.size = size;
    this.field = field;
    this.path = path;
    this.matrix = new double[size * path.dim()];
    this.dx = new double[path.dim()];
  }

  /**
   * A control term on states of {@code size} doubles from a plain-array matrix field.
   *
   * @throws IllegalArgumentException if {@code size < 1}
   */
  public static ControlTerm of(int size, ControlField field, Path path) {
    if (size < 1) {
      throw new IllegalArgumentException("ControlTerm: state size must be ≥ 1, got " + size);
    }
    return new ControlTerm(size, Objects.requireNonNull(field, "field"),
        Objects.requireNonNull(path, "path"));
  }

  /**
   * A control term from a tensor function {@code f(t, y, args...)} returning shape
   * {@code yShape ++ [d]} (d = {@code path.dim()}), traced and compiled once.
   *
   * @throws ShapeException if the traced output has another shape
   */
  public static ControlTerm of(TensorFn f, Shape yShape, Path path, Tensor... args) {
    Shape[] shapes = new Shape[2 + args.length];
    shapes[0] = Shape.scalar();
    shapes[1] = yShape;
    for (int i = 0; i < args.length; i++) {
      shapes[2 + i] = args[i].shape();
    }
    Plan plan = Function.of(f).plan(shapes);
    int[] dims = java.util.Arrays.copyOf(yShape.dims(), yShape.rank() + 1);
    dims[yShape.rank()] = path.dim();
    Shape expected = Shape.of(dims);
    if (plan.numOutputs() != 1 || !plan.outputShape(0).equals(expected)) {
      throw new ShapeException("ControlTerm: the vector field must return one tensor of shape "
          + expected + " (state shape + path channels), got "
          + (plan.numOutputs() == 1 ? plan.outputShape(0) : plan.numOutputs() + " outputs"));
    }
    PlanRunner runner = plan.runner();
    double[][] in = new double[2 + args.length][];
    double[] time = new double[1];
    in[0] = time;
    for (int i = 0; i < args.length; i++) {
      in[2 + i] = args[i].toArray();
    }
    double[][] out = new double[1][];
    ControlField field = (t, y, m) -> {
      time[0] = t;
      in[1] = y;
      out[0] = m;
      runner.run(in, out);
    };
    return of(yShape.size(), field, path);
  }

  /** The control path. */
  public Path path() {
    return path;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void rate(double t, double[] y, double[] dy) {
    field.evaluate(t, y, matrix);
    path.derivative(t, dx);
    int d = dx.length;
    for (int i = 0; i < size; i++) {
      double s = 0;
      int row = i * d;
      for (int j = 0; j < d; j++) {
        s += matrix[row + j] * dx[j];
      }
      dy[i] = s;
    }
  }
}
