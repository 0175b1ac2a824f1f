package org.nde4j.solve.adjoint;

import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.rk.AbstractExplicitRk;
import org.nde4j.solve.term.DifferentiableTerm;

/** The {@link StepVjp} of a solver, for the discrete adjoint. */
final class StepVjps {
  private StepVjps() {}

  /** True if {@link #of} supports {@code solver}. */
  static boolean supports(Solver solver) {
    return solver instanceof AbstractExplicitRk;
  }

  /**
   * @throws IllegalArgumentException naming the solver and what to use instead if it is not
   *     supported
   */
  static StepVjp of(String adjoint, Solver solver, DifferentiableTerm.Evaluator f, int n, int p) {
    if (solver instanceof AbstractExplicitRk rk) {
      return new RkStepVjp(rk.tableau(), f, n, p);
    }
    throw new IllegalArgumentException(adjoint + " adjoint: solver " + solver.name() + " has no"
        + " step VJP; the discrete adjoint differentiates the explicit Runge–Kutta methods (tsit5,"
        + " dopri5, dop853, vern7, …)");
  }
}
