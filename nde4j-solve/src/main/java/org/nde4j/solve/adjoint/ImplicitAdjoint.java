package org.nde4j.solve.adjoint;

import org.nde4j.solve.term.DifferentiableTerm;

/** {@link Adjoint#implicit()}. */
final class ImplicitAdjoint implements Adjoint {
  static final ImplicitAdjoint INSTANCE = new ImplicitAdjoint();

  private ImplicitAdjoint() {}

  @Override
  public String name() {
    return "implicit";
  }

  @Override
  public Recording forward(GradientSolve p) {
    if (p.steadyState() == null) {
      throw new IllegalArgumentException("implicit adjoint: the problem has no steady-state"
          + " condition, so its output is y(t1), not an equilibrium; set"
          + " GradientSolve.untilSteadyState(rtol, atol) to integrate to equilibrium, or"
          + " differentiate y(t1) with Adjoint.discrete(), Adjoint.checkpointed(budget),"
          + " Adjoint.auto() or (for reversible_heun) Adjoint.reversible()");
    }
    DifferentiableTerm term = p.term();
    double[] theta = p.theta();
    double[] tEnd = {p.t0()};
    ForwardLoop.Result r = ForwardLoop.run(p, term.bind(theta),
        (k, t, tNext, y, yNext) -> tEnd[0] = tNext);
    return new ImplicitRecording(p, theta, term.evaluator(), tEnd[0], r);
  }

  @Override
  public String toString() {
    return name();
  }
}
