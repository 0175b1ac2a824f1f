package org.nde4j.solve.adjoint;

import org.nde4j.solve.solver.reversible.ReversibleHeun;
import org.nde4j.solve.solver.sde.StochasticReversibleHeun;

/** {@link Adjoint#auto()}: chooses per problem. */
final class AutoAdjoint implements Adjoint {
  static final AutoAdjoint INSTANCE = new AutoAdjoint();
  private static final long MEMORY = 64L << 20;

  private AutoAdjoint() {}

  @Override
  public String name() {
    return "auto";
  }

  @Override
  public Recording forward(GradientSolve problem) {
    // The reversible adjoint has no event support; with an event the discrete one serves.
    if ((problem.solver() instanceof ReversibleHeun
        || problem.solver() instanceof StochasticReversibleHeun)
        && problem.terminalEvent() == null) {
      return ReversibleAdjoint.INSTANCE.forward(problem);
    }
    long states = Math.max(64, MEMORY / (8L * problem.term().size()));
    return new DiscreteAdjoint((int) Math.min(Integer.MAX_VALUE, states)).forward(problem);
  }

  @Override
  public String toString() {
    return name();
  }
}
