package org.nde4j.solve.term;

import java.util.Objects;
import org.nde4j.compile.Function;
import org.nde4j.compile.Plan;
import org.nde4j.compile.PlanRunner;
import org.nde4j.compile.Transforms;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * The term {@code f(t, y) dt} of an ordinary differential equation {@code dy/dt = f(t, y)}.
 *
 * <p>Either a plain-array {@link VectorField} ({@link #of(int, VectorField)}), or a tensor function
 * ({@link #of(TensorFn, Shape, Tensor...)}) that is traced once and compiled into an
 * allocation-free plan; the solver then calls the compiled program directly, so a traced vector
 * field costs about what a hand-written one does.
 */
public final class OdeTerm implements Term {
  private final int size;
  private final VectorField field;
  private final java.util.function.Supplier<Jacobian> jacobian;

  private OdeTerm(int size, VectorField field, java.util.function.Supplier<Jacobian> jacobian) {
    this.size = size;
    this.field = field;
    this.jacobian = jacobian;
  }

  /**
   * A term from a plain-array vector field on states of {@code size} doubles.
   *
   * @throws IllegalArgumentException if {@code size < 1}
   */
  public static OdeTerm of(int size, VectorField field) {
    if (size < 1) {
      throw new IllegalArgumentException("OdeTerm: state size must be ≥ 1, got " + size);
    }
    Objects.requireNonNull(field, "field");
    return new OdeTerm(size, field, null);
  }

  /**
   * A term from a plain-array vector field and its hand-written Jacobian, for stiff solvers:
   * finite differences lose digits on badly scaled problems (components of size 1e-13 beside
   * ones of size 1, as in Robertson's kinetics), an analytic Jacobian does not.
   *
   * @throws IllegalArgumentException if {@code size < 1}
   */
  public static OdeTerm of(int size, VectorField field, JacobianField jacobian) {
    OdeTerm plain = of(size, field);
    Objects.requireNonNull(jacobian, "jacobian");
    return new OdeTerm(size, plain.field, () -> new Jacobian() {
      private long evaluations;

      @Override
      public void evaluate(double t, double[] y, double[] out) {
        evaluations++;
        jacobian.evaluate(t, y, out);
      }

      @Override
      public long rateEvaluations() {
        return 0;
      }

      @Override
      public long evaluations() {
        return evaluations;
      }
    });
  }

  /**
   * A term from a tensor function {@code f(t, y, args...) → dy}, traced on {@code t} of shape
   * {@code []}, {@code y} of shape {@code yShape} and the given argument tensors (held constant for
   * the solve), then compiled. The function must return one tensor of shape {@code yShape}.
   *
   * @throws org.nde4j.tensor.ShapeException if the traced output does not have shape {@code yShape}
   */
  public static OdeTerm of(TensorFn f, Shape yShape, Tensor... args) {
    Shape[] shapes = new Shape[2 + args.length];
    shapes[0] = Shape.scalar();
    shapes[1] = yShape;
    for (int i = 0; i < args.length; i++) {
      shapes[2 + i] = args[i].shape();
    }
    Function fn = Function.of(f);
    Plan plan = fn.plan(shapes);
    if (plan.numOutputs() != 1 || !plan.outputShape(0).equals(yShape)) {
      throw new org.nde4j.tensor.ShapeException("OdeTerm: the vector field must return one tensor"
          + " of the state's shape " + yShape + ", got " + describeOutputs(plan));
    }
    java.util.function.Supplier<Jacobian> jac = () -> {
      Plan jp = Transforms.jacobian(fn.trace(shapes), 0, 1).compile();
      return new CompiledJacobian(jp.runner(), args, yShape.size());
    };
    return new OdeTerm(yShape.size(), new Compiled(plan.runner(), args), jac);
  }

  private static String describeOutputs(Plan plan) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < plan.numOutputs(); i++) {
      s.append(i == 0 ? "" : ", ").append(plan.outputShape(i));
    }
    return plan.numOutputs() + " output(s) " + s;
  }

  /** The vector field this term evaluates. */
  public VectorField field() {
    return field;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void rate(double t, double[] y, double[] dy) {
    field.evaluate(t, y, dy);
  }

  /**
   * The hand-written Jacobian when one was given, autodiff (a compiled Jacobian graph) for
   * tensor-function terms, else finite differences.
   */
  @Override
  public Jacobian jacobian() {
    return jacobian != null ? jacobian.get() : new FiniteDifferenceJacobian(this);
  }

  /** The compiled Jacobian plan of a tensor-function term. */
  private static final class CompiledJacobian implements Jacobian {
    private final PlanRunner runner;
    private final double[] time = new double[1];
    private final double[][] in;
    private final double[][] out = new double[1][];
    private long evaluations;

    CompiledJacobian(PlanRunner runner, Tensor[] args, int n) {
      this.runner = runner;
      this.in = new double[2 + args.length][];
      in[0] = time;
      for (int i = 0; i < args.length; i++) {
        in[2 + i] = args[i].toArray();
      }
    }

    @Override
    public void evaluate(double t, double[] y, double[] j) {
      evaluations++;
      time[0] = t;
      in[1] = y;
      out[0] = j;
      runner.run(in, out);
    }

    @Override
    public long rateEvaluations() {
      return 0;
    }

    @Override
    public long evaluations() {
      return evaluations;
    }
  }

  /** A compiled plan seen as a plain-array vector field; owns its argument arrays (one thread). */
  private static final class Compiled implements VectorField {
    private final PlanRunner runner;
    private final double[] time = new double[1];
    private final double[][] in;
    private final double[][] out = new double[1][];

    Compiled(PlanRunner runner, Tensor[] args) {
      this.runner = runner;
      this.in = new double[2 + args.length][];
      in[0] = time;
      for (int i = 0; i < args.length; i++) {
        in[2 + i] = args[i].toArray();
      }
    }

    @Override
    public void evaluate(double t, double[] y, double[] dy) {
      time[0] = t;
      in[1] = y;
      out[0] = dy;
      runner.run(in, out);
    }
  }
}
