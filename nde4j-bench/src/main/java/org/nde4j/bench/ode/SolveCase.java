package org.nde4j.bench.ode;

import java.util.function.Supplier;
import org.nde4j.bench.BenchCase;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.SolverCatalogue;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.OdeTerm;

/**
 * One whole nde4j solve of a W1 problem, output at {@code t1} only: {@code Solve.of(term, solver,
 * t0, t1, y0).controller(PidController.of(tol, tol)).run()}. The term (compiled when traced),
 * solver and controller are built once in {@link #prepare()}; a call builds the solve and runs it,
 * so the per-solve set-up (workspaces, initial step selection) is timed, as in the peer.
 */
final class SolveCase implements BenchCase {
  private final String name;
  private final Workload workload;
  private final String solverName;
  private final Supplier<OdeTerm> termFactory;
  private final String remark;
  private OdeTerm term;
  private Solver solver;
  private PidController controller;
  private double[] y0;
  private Solution first;
  private double error;

  /**
   * @param suffix appended to the case name after the solver name (e.g. {@code "_traced"}), or
   *     empty
   * @param termFactory builds the term once, in {@link #prepare()}
   * @param remark added to the note, or {@code null}
   */
  SolveCase(Workload workload, String solverName, String suffix, Supplier<OdeTerm> termFactory,
      String remark) {
    this.name = workload.prefix + "_" + solverName + suffix;
    this.workload = workload;
    this.solverName = solverName;
    this.termFactory = termFactory;
    this.remark = remark;
  }

  /** The solve of {@code workload}'s plain-array vector field with catalogue solver {@code solver}. */
  static SolveCase plain(Workload workload, String solver) {
    return new SolveCase(workload, solver, "", workload::term, null);
  }

  @Override
  public String name() {
    return name;
  }

  /** The workload this case solves. */
  Workload workload() {
    return workload;
  }

  /** The catalogue name of the solver. */
  String solverName() {
    return solverName;
  }

  @Override
  public void prepare() {
    term = termFactory.get();
    solver = SolverCatalogue.byName(solverName);
    controller = PidController.of(workload.tol, workload.tol);
    y0 = workload.y0();
    first = solve();
    if (first.status() != Status.SUCCESS) {
      throw new IllegalStateException(name + ": solve failed: " + first.diagnosis());
    }
    error = workload.error(first.yEnd());
  }

  private Solution solve() {
    return Solve.of(term, solver, workload.t0, workload.t1, y0).controller(controller).run();
  }

  @Override
  public double call() {
    return solve().yEnd()[0];
  }

  /** The final state of the first solve (copy). */
  double[] yEnd() {
    return first.yEnd();
  }

  @Override
  public Double error() {
    return error;
  }

  @Override
  public Integer nfe() {
    return (int) first.stats().nfe();
  }

  @Override
  public Integer steps() {
    return (int) first.stats().accepted();
  }

  @Override
  public String note() {
    String s = first.stats().rejected() + " rejected; " + workload.errorNote();
    return remark == null ? s : remark + "; " + s;
  }
}
