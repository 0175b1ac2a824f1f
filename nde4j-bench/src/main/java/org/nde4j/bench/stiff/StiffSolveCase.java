package org.nde4j.bench.stiff;

import java.util.Locale;
import java.util.function.Supplier;
import org.nde4j.bench.BenchCase;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.SolverCatalogue;
import org.nde4j.solve.solver.Work;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.MultiTerm;
import org.nde4j.solve.term.OdeTerm;
import org.nde4j.solve.term.Term;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/**
 * One whole solve of a W2 problem with one catalogue method, output at {@code t1} only:
 * {@code Solve.of(term, solver, t0, t1, y0).controller(PidController.of(1e-6, 1e-10))
 * .maxSteps(…).run()}. Term, solver and controller are built once in {@link #prepare()}; a call
 * builds and runs the solve, so per-solve set-up (workspaces, initial step, Jacobian evaluator) is
 * timed, as in the peer.
 *
 * <p>A solve that fails still gives a row: the error is {@code null}, the note carries the
 * diagnosis, and the time is the time it takes to fail. A method whose {@link Solver#termType()}
 * wants a {@link MultiTerm} (the IMEX KenCarp methods) gets {@code MultiTerm.of(0, f)}: a zero
 * explicit part and the whole field as the implicit part.
 */
final class StiffSolveCase implements BenchCase {
  /** Step budget of a benchmark solve (the peers need at most ~12 000 steps). */
  static final long MAX_STEPS = 1_000_000L;

  /** Tolerances of the {@code _tight} cases (rtol, atol): accuracy comparable to scipy Radau's. */
  static final double TIGHT_RTOL = 1e-8;
  static final double TIGHT_ATOL = 1e-12;

  private final StiffProblem problem;
  private final String method;
  private final Supplier<StiffReference> reference;
  private final boolean tight;
  private Term term;
  private Solver solver;
  private PidController controller;
  private double[] y0;
  private String termRemark;
  private Solution first;
  private String failure;
  private Double error;
  private String errorRemark;

  StiffSolveCase(StiffProblem problem, String method, Supplier<StiffReference> reference) {
    this(problem, method, reference, false);
  }

  /**
   * @param tight solve at rtol {@value #TIGHT_RTOL}, atol {@value #TIGHT_ATOL} instead of the
   *     workload's tolerances (case name suffix {@code _tight}), to compare with the peers at equal
   *     error
   */
  StiffSolveCase(StiffProblem problem, String method, Supplier<StiffReference> reference,
      boolean tight) {
    this.problem = problem;
    this.method = method;
    this.reference = reference;
    this.tight = tight;
  }

  @Override
  public String name() {
    return problem.prefix() + "_" + StiffMethods.caseForm(method) + (tight ? "_tight" : "");
  }

  /** The problem this case solves. */
  StiffProblem problem() {
    return problem;
  }

  @Override
  public void prepare() {
    y0 = problem.y0();
    controller = tight ? PidController.of(TIGHT_RTOL, TIGHT_ATOL)
        : PidController.of(StiffProblem.RTOL, StiffProblem.ATOL);
    try {
      solver = SolverCatalogue.byName(method);
      term = termFor(solver, problem.term());
    } catch (RuntimeException e) {
      failure = "set-up threw " + e;
    }
    if (failure == null) {
      try {
        first = solve();
        if (first.status() != Status.SUCCESS) {
          failure = "solve failed: " + first.diagnosis() + String.format(Locale.ROOT,
              " (t reached %.6g of %.6g)", first.tEnd(), problem.t1());
        }
      } catch (RuntimeException e) {
        failure = "solve threw " + e;
      }
    }
    StiffReference ref = reference.get();
    if (failure == null && ref.exists()) {
      error = StiffProblem.maxAbs(first.yEnd(), ref.y());
    }
    errorRemark = "error vs " + ref.describe();
  }

  /** The term as {@code solver} wants it (see the class comment), with a remark or null. */
  private Term termFor(Solver s, OdeTerm f) {
    if (s.termType().isInstance(f)) {
      termRemark = null;
      return f;
    }
    if (s.termType().isAssignableFrom(MultiTerm.class)) {
      termRemark = "IMEX method on MultiTerm(explicit 0, implicit f)";
      OdeTerm zero = OdeTerm.of(in -> new Tensor[] {in[1].mul(0.0)}, Shape.of(problem.dim()));
      return MultiTerm.of(zero, f);
    }
    throw new IllegalArgumentException(s.name() + " needs a " + s.termType().getSimpleName()
        + ", W2 is a plain ODE");
  }

  private Solution solve() {
    return Solve.of(term, solver, problem.t0(), problem.t1(), y0).controller(controller)
        .maxSteps(MAX_STEPS).run();
  }

  @Override
  public double call() {
    if (term == null) {
      return Double.NaN;
    }
    try {
      return solve().yEnd()[0];
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  /** The final state of the first solve (copy), or {@code null} if it threw. */
  double[] yEnd() {
    return first == null ? null : first.yEnd();
  }

  /** True when the first solve reached {@code t1}. */
  boolean succeeded() {
    return failure == null;
  }

  @Override
  public Double error() {
    return error;
  }

  @Override
  public Integer nfe() {
    return first == null ? null : (int) first.stats().nfe();
  }

  @Override
  public Integer steps() {
    return first == null ? null : (int) first.stats().accepted();
  }

  @Override
  public String note() {
    StringBuilder sb = new StringBuilder();
    if (failure != null) {
      sb.append("FAILED: ").append(failure).append("; time = time to fail; ");
    }
    if (termRemark != null) {
      sb.append(termRemark).append("; ");
    }
    if (first != null) {
      Work w = first.stats().work();
      sb.append(String.format(Locale.ROOT, "jacobians %d, factorizations %d, linear solves %d, "
          + "newton iterations %d, newton failures %d, rejected steps %d; ", w.jacobians(),
          w.factorizations(), w.linearSolves(), w.newtonIterations(), w.newtonFailures(),
          first.stats().rejected()));
    }
    sb.append("Jacobian by autodiff; ").append(errorRemark);
    return sb.toString();
  }
}
