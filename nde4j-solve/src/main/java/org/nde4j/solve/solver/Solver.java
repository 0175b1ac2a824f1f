package org.nde4j.solve.solver;

import org.nde4j.solve.term.Term;

/**
 * A numerical method for differential equations: an immutable description (order, error order,
 * interpolation order) and a factory for the {@link Stepper} that owns the scratch arrays of one
 * solve. Solvers are written against {@link Term}s, so the same method integrates ODEs and the
 * deterministic form of CDEs.
 */
public interface Solver {
  /** Short name as used by the solver catalogue and the command line (e.g. {@code "tsit5"}). */
  String name();

  /** Order of convergence of the solution. */
  int order();

  /** Order of the embedded solution the error estimate comes from; 0 when there is no estimate. */
  int errorOrder();

  /** Order of the dense output between steps. */
  int interpolationOrder();

  /**
   * True for multistep methods (BDF): they keep a history across steps and start at low order
   * from a single state, so a constant-step solve from {@code y0} alone shows the order of the
   * starting steps, not {@link #order()}, and the dense output of one step from a fresh stepper is
   * of order 1. Contract tests of one-step behaviour leave them out.
   */
  default boolean isMultistep() {
    return false;
  }

  /** True when {@link Stepper#attempt} returns an error estimate (adaptive stepping works). */
  default boolean isAdaptive() {
    return errorOrder() > 0;
  }

  /**
   * The kind of term this solver integrates. {@link Term} itself (the default) means any term,
   * through its {@link Term#rate}; a partitioned method returns the subtype whose structure it
   * needs (e.g. {@link org.nde4j.solve.term.SecondOrderTerm}), and its {@link #stepper} rejects
   * other terms. Contract tests that run every catalogued solver on an arbitrary term keep the
   * solvers with {@code termType().isInstance(term)}.
   */
  default Class<? extends Term> termType() {
    return Term.class;
  }

  /**
   * A fresh stepper for {@code term}; not thread-safe.
   *
   * @throws IllegalArgumentException naming the solver if {@code term} is not a {@link #termType()}
   */
  Stepper stepper(Term term);

  /**
   * A fresh per-sample batch stepper for {@code samples} samples of {@code term}.
   *
   * @throws UnsupportedOperationException naming the solver if it has no per-sample batch mode
   */
  default BatchStepper batchStepper(org.nde4j.solve.term.BatchTerm term, int samples) {
    throw new UnsupportedOperationException("solver " + name() + " has no per-sample batch mode;"
        + " use lockstep batching (one state holding all samples)");
  }
}
