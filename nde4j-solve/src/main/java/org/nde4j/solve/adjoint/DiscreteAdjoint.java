package org.nde4j.solve.adjoint;

import org.nde4j.solve.term.DifferentiableTerm;

/** {@link Adjoint#discrete()} and {@link Adjoint#checkpointed(int)}. */
final class DiscreteAdjoint implements Adjoint {
  private final int budget;

  DiscreteAdjoint(int budget) {
    this.budget = budget;
  }

  @Override
  public String name() {
    return budget == Integer.MAX_VALUE ? "discrete" : "checkpointed(" + budget + ")";
  }

  @Override
  public Recording forward(GradientSolve p) {
    DifferentiableTerm term = p.term();
    DifferentiableTerm.Evaluator f = term.evaluator();
    StepVjp step = StepVjps.of(name(), p.solver(), f, term.size(), term.numParams());
    double[] theta = p.theta();
    int forwardCap = budget == Integer.MAX_VALUE ? budget : (budget + 1) / 2;
    Checkpoints store = new Checkpoints(term.size(), forwardCap);
    StepTimes times = new StepTimes();
    ForwardLoop.Result r = ForwardLoop.run(p, term.bind(theta), (k, t, tNext, y, yNext) -> {
      if (k == 0) {
        times.add(t);
      }
      times.add(tNext);
      store.offer(k, y);
    });
    return new DiscreteRecording(p, theta, f, step, store, times.toArray(), r, budget);
  }

  @Override
  public String toString() {
    return name();
  }
}
