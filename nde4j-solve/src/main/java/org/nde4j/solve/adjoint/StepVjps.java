package org.nde4j.solve.adjoint;

import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.implicit.AbstractEsdirk;
import org.nde4j.solve.solver.reversible.ReversibleHeun;
import org.nde4j.solve.solver.rk.AbstractExplicitRk;
import org.nde4j.solve.solver.sde.AdditiveRungeKutta;
import org.nde4j.solve.solver.sde.StochasticReversibleHeun;
import org.nde4j.solve.solver.sde.StochasticRungeKutta;
import org.nde4j.solve.term.DifferentiableTerm;

/** The {@link StepVjp} of a solver, for the discrete adjoint. */
final class StepVjps {
  /** The solvers {@link #of} differentiates, for messages. */
  static final String SUPPORTED = "the explicit Runge–Kutta methods (tsit5, dopri5, dop853,"
      + " vern7, …), the ESDIRK methods (implicit_euler, trapezoid, trbdf2, kvaerno3/4/5, and"
      + " kencarp3/4/5 as plain ESDIRKs on a single term) and reversible_heun";

  private StepVjps() {}

  /** True if {@link #of} supports {@code solver}. */
  static boolean supports(Solver solver) {
    return solver instanceof AbstractExplicitRk || solver instanceof AbstractEsdirk
        || solver instanceof ReversibleHeun;
  }

  /**
   * @throws IllegalArgumentException naming the solver and what to use instead if it is not
   *     supported
   */
  static StepVjp of(String adjoint, Solver solver, DifferentiableTerm.Evaluator f, int n, int p) {
    if (solver instanceof AbstractExplicitRk rk) {
      return new RkStepVjp(rk.tableau(), f, n, p);
    }
    if (solver instanceof AbstractEsdirk dirk) {
      // A DifferentiableTerm is a single term, which the ESDIRK engine steps with the implicit
      // tableau alone (an additive method's explicit part needs a MultiTerm).
      return new DirkStepVjp(dirk.name(), dirk.tableau(), f, n, p);
    }
    if (solver instanceof ReversibleHeun) {
      return new ReversibleHeunStepVjp(f, n, p);
    }
    throw new IllegalArgumentException(adjoint + " adjoint: solver " + solver.name() + " has no"
        + " step VJP; the discrete adjoint differentiates " + SUPPORTED);
  }

  /** The SDE solvers {@link #sde} differentiates, for messages. */
  static final String SDE_SUPPORTED = "the stochastic Runge–Kutta methods (euler_maruyama,"
      + " euler_heun, stochastic_heun, stochastic_midpoint, spark), the additive-noise methods"
      + " (sra1, shark, sea) and stochastic_reversible_heun";

  /**
   * The step VJP of an SDE solver on a differentiable SDE term.
   *
   * @throws IllegalArgumentException naming the solver and the supported ones otherwise
   */
  static StepVjp sde(String adjoint, Solver solver, SdeFields sde) {
    if (solver instanceof StochasticRungeKutta srk) {
      return new SrkStepVjp(srk.tableau(), sde);
    }
    if (solver instanceof StochasticReversibleHeun) {
      return new ReversibleHeunSdeStepVjp(sde);
    }
    if (solver instanceof AdditiveRungeKutta additive) {
      return new AdditiveSrkStepVjp(additive.tableau(), sde);
    }
    throw new IllegalArgumentException(adjoint + " adjoint: SDE solver " + solver.name() + " has"
        + " no step VJP; the discrete adjoint differentiates " + SDE_SUPPORTED);
  }

  /**
   * The step VJP of an algebraically reversible solver, for the reversible adjoint.
   *
   * @throws IllegalArgumentException naming the solver and the alternatives if it is not
   *     reversible
   */
  static ReversibleStepVjp reversible(String adjoint, Solver solver,
      DifferentiableTerm.Evaluator f, int n, int p) {
    if (solver instanceof ReversibleHeun) {
      return new ReversibleHeunStepVjp(f, n, p);
    }
    throw new IllegalArgumentException(adjoint + " adjoint: solver " + solver.name() + " is not"
        + " algebraically reversible; use reversible_heun (ReversibleHeun) with this adjoint, or"
        + " keep " + solver.name() + " and use Adjoint.discrete() or Adjoint.checkpointed(budget)"
        + " (exact, memory per step or within a budget) or a continuous (backsolve) adjoint");
  }
}
