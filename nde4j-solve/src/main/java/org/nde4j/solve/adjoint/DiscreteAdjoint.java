package org.nde4j.solve.adjoint;

import org.nde4j.solve.solver.Stepper;
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
    Checkpoints store = new Checkpoints(step.stateSize(), forwardCap);
    StepTimes times = new StepTimes();
    times.add(p.t0());
    double[] state = new double[step.stateSize()];
    TerminalEvent event = p.terminalEvent();
    StepMapEvent hit = event == null ? null : new StepMapEvent(event, step, theta, term.size());
    ForwardLoop.Result r = ForwardLoop.run(p, term.bind(theta), p.y0(), p.controller(), p.dt0(),
        new ForwardLoop.Listener() {
          private Stepper stepper;

          @Override
          public void started(Stepper s) {
            stepper = s;
          }

          @Override
          public void accepted(int k, double t, double tNext, double[] y, double[] yNext) {
            times.add(tNext);
            step.capture(stepper, y, state);
            store.offer(k, state);
          }
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
