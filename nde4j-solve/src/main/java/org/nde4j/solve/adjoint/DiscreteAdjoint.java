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
    times.add(p.t0());
    TerminalEvent event = p.terminalEvent();
    StepMapEvent hit = event == null ? null : new StepMapEvent(event, step, theta, term.size());
    ForwardLoop.Result r = ForwardLoop.run(p, term.bind(theta), p.y0(), p.controller(), p.dt0(),
        (k, t, tNext, y, yNext) -> {
          times.add(tNext);
          store.offer(k, y);
        }, hit);
    DiscreteRecording rec = new DiscreteRecording(p, theta, f, step, store, times.toArray(), r,
        budget);
    return hit == null ? rec : new DiscreteEventRecording(rec, hit, event, step, f, theta);
  }

  @Override
  public String toString() {
    return name();
  }
}
