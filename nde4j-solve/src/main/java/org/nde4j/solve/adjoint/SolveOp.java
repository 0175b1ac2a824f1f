package org.nde4j.solve.adjoint;

import java.util.Objects;
import org.nde4j.autodiff.CustomOp;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.stepsize.StepSizeController;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/**
 * A solve as one differentiable op on tensors (DESIGN.md §1.3): {@code Y = solve(y0, θ)} with
 * {@code Y} of shape {@code [m, y0's shape…]} for {@code m} save times. On the eager tape it is one
 * node whose VJP is the chosen {@link Adjoint}'s backward pass; in a traced function it is one
 * graph node (a custom op). Gradients flow to {@code y0} and {@code θ}; the times are fixed here
 * (use {@link GradientSolve} for gradients with respect to {@code t0}, {@code t1} and save times).
 *
 * <pre>{@code
 * SolveOp solve = SolveOp.of(term, new Tsit5(), 0, 1).saveAt(ts).adjoint(Adjoint.checkpointed(64));
 * Tensor loss = solve.apply(y0, theta).sub(data).abs().mean();
 * loss.backward();                                   // theta.grad(), y0.grad()
 * }</pre>
 *
 * <p>Each application runs one forward solve and keeps its {@link Recording} until the op's
 * backward pass has run. A solve that does not succeed throws {@link IllegalStateException} with
 * its status (an op has no other way to fail). Not thread-safe across concurrent applications of
 * one result.
 */
public final class SolveOp {
  private final DifferentiableTerm term;
  private final Solver solver;
  private final double t0;
  private final double t1;
  private double[] ts;
  private StepSizeController controller;
  private Adjoint adjoint = Adjoint.auto();
  private long maxSteps = 100_000;
  private double dt0 = Double.NaN;
  private SaveMode saveMode = SaveMode.STEP_ENDS;

  private SolveOp(DifferentiableTerm term, Solver solver, double t0, double t1) {
    this.term = term;
    this.solver = solver;
    this.t0 = t0;
    this.t1 = t1;
    this.ts = new double[] {t1};
  }

  /** A solve of {@code term} with {@code solver} from {@code t0} to {@code t1}. */
  public static SolveOp of(DifferentiableTerm term, Solver solver, double t0, double t1) {
    return new SolveOp(Objects.requireNonNull(term, "term"), Objects.requireNonNull(solver,
        "solver"), t0, t1);
  }

  /** Save times, as {@link GradientSolve#saveAt}. */
  public SolveOp saveAt(double... times) {
    this.ts = times.clone();
    return this;
  }

  public SolveOp controller(StepSizeController c) {
    this.controller = Objects.requireNonNull(c, "controller");
    return this;
  }

  public SolveOp adjoint(Adjoint a) {
    this.adjoint = Objects.requireNonNull(a, "adjoint");
    return this;
  }

  public SolveOp maxSteps(long n) {
    this.maxSteps = n;
    return this;
  }

  public SolveOp dt0(double dt) {
    this.dt0 = dt;
    return this;
  }

  /** How the saved states are produced, as {@link GradientSolve#saveMode(SaveMode)}. */
  public SolveOp saveMode(SaveMode mode) {
    this.saveMode = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /**
   * {@code Y = solve(y0, θ)}.
   *
   * @throws ShapeException if {@code y0} does not have the term's size or {@code θ} is not a
   *     vector of the term's number of parameters
   * @throws IllegalArgumentException for bad settings (as {@link GradientSolve})
   */
  public Tensor apply(Tensor y0, Tensor theta) {
    int n = term.size();
    int p = term.numParams();
    if (y0.shape().size() != n) {
      throw new ShapeException("solve op: y0 of shape " + y0.shape() + " has "
          + y0.shape().size() + " values but the term's state has " + n);
    }
    if (!theta.shape().equals(Shape.of(p))) {
      throw new ShapeException("solve op: θ must have shape " + Shape.of(p) + ", got "
          + theta.shape());
    }
    int m = ts.length;
    int[] dims = new int[y0.shape().rank() + 1];
    dims[0] = m;
    for (int i = 0; i < y0.shape().rank(); i++) {
      dims[i + 1] = y0.shape().dim(i);
    }
    Shape out = Shape.of(dims);
    Recording[] record = new Recording[1];
    CustomOp backward = CustomOp.builder("solve_vjp")
        .shape(in -> Shape.of(n + p))
        .forward((in, shapes, o) -> {
          double[][] ybar = new double[m][n];
          for (int i = 0; i < m; i++) {
            System.arraycopy(in[0], i * n, ybar[i], 0, n);
          }
          Gradients g = record[0].backward(ybar);
          System.arraycopy(g.y0(), 0, o, 0, n);
          System.arraycopy(g.theta(), 0, o, n, p);
        })
        .build();
    CustomOp forward = CustomOp.builder("solve")
        .shape(in -> out)
        .forward((in, shapes, o) -> {
          GradientSolve problem = GradientSolve.of(term, solver, t0, t1, in[0], in[1])
              .saveAt(ts).adjoint(adjoint).maxSteps(maxSteps).dt0(dt0).saveMode(saveMode);
          if (controller != null) {
            problem.controller(controller);
          }
          Recording r = problem.forward();
          if (r.status() != Status.SUCCESS) {
            throw new IllegalStateException("solve op: the solve with " + solver.name()
                + " ended with " + r.status() + " (" + r.stats() + ")");
          }
          record[0] = r;
          double[][] ys = r.ys();
          for (int i = 0; i < m; i++) {
            System.arraycopy(ys[i], 0, o, i * n, n);
          }
        })
        .vjp((in, result, g) -> {
          Tensor both = backward.apply(g);
          return new Tensor[] {both.slice(0, 0, n).reshape(in[0].shape()),
              both.slice(0, n, n + p)};
        })
        .build();
    return forward.apply(y0, theta);
  }
}
