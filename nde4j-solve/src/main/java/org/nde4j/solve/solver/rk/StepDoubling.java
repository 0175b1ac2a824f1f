package org.nde4j.solve.solver.rk;

import org.nde4j.solve.solver.DoublingStepper;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.term.SdeTerm;
import org.nde4j.solve.term.Term;

/**
 * Gives any one-step method an error estimate by step doubling (Richardson; Hairer, Nørsett,
 * Wanner, <i>Solving ODEs I</i>, §II.4): each step is taken once with {@code h} and twice with
 * {@code h/2}; the two-half-step result is kept and {@code (y_{h/2} − y_h) / (2^p − 1)} estimates
 * its local error (as Richardson's correction {@code exact − y_{h/2}}, i.e. with the opposite sign;
 * the estimate is not added to the result, so there is no local extrapolation). Costs about
 * three steps of the inner method per step; the error order equals the method's order. Dense output comes from the two half steps ({@link DoublingStepper}).
 * SDE solvers are wrapped by {@code solver.sde.SdeStepDoubling} instead.
 */
public final class StepDoubling implements Solver {
  private final Solver inner;

  /**
   * Wraps {@code inner}.
   *
   * @throws IllegalArgumentException if {@code inner} is an SDE solver (the solve loop would
   *     refuse the wrapper on an SDE term); wrap those with {@code SdeStepDoubling}
   */
  public StepDoubling(Solver inner) {
    if (SdeTerm.class.isAssignableFrom(inner.termType())) {
      throw new IllegalArgumentException("StepDoubling: solver " + inner.name() + " integrates"
          + " SDEs; wrap it with org.nde4j.solve.solver.sde.SdeStepDoubling, which is an SDE"
          + " solver, to step it adaptively");
    }
    this.inner = inner;
  }

  @Override
  public String name() {
    return inner.name() + "+doubling";
  }

  @Override
  public int order() {
    return inner.order();
  }

  @Override
  public int errorOrder() {
    return inner.order();
  }

  @Override
  public int interpolationOrder() {
    return inner.interpolationOrder();
  }

  @Override
  public Stepper stepper(Term term) {
    return new DoublingStepper(inner.stepper(term), inner.stepper(term), inner.stepper(term),
        term.size(), 1.0 / (Math.pow(2, inner.order()) - 1));
  }
}
