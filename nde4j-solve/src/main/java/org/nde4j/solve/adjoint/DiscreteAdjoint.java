package org.nde4j.solve.adjoint;

import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.solve.term.Term;

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
    boolean fullStorage = budget == Integer.MAX_VALUE;
    Spares spares = new Spares();
    if (p.recycled() instanceof DiscreteRecording old && old.term() == term) {
      old.recycleInto(spares);
    }
    // With full storage the forward solve keeps the noise it drew, for the backward pass to read
    // back (a checkpointed solve queries it again, within its memory budget).
    RecordedBrownian noise = p.sdeTerm() != null && fullStorage
        ? new RecordedBrownian(p.brownian(), spares.noise) : null;
    SdeFields sde = p.sdeTerm() == null ? null
        : new SdeFields(p.sdeTerm(), noise != null ? noise : p.brownian());
    DifferentiableTerm.Evaluator f = sde != null ? sde.counted() : term.evaluator();
    StepVjp step = sde != null ? StepVjps.sde(name(), p.solver(), sde)
        : StepVjps.of(name(), p.solver(), f, term.size(), term.numParams());
    double[] theta = p.theta();
    int forwardCap = fullStorage ? budget : (budget + 1) / 2;
    Checkpoints store = new Checkpoints(step.stateSize(), forwardCap, spares.states);
    StepTimes times = new StepTimes();
    times.add(p.t0());
    double[] state = new double[step.stateSize()];
    TerminalEvent event = p.terminalEvent();
    StepMapEvent hit = event == null ? null : new StepMapEvent(event, step, theta, term.size());
    // Full storage of an explicit (stochastic) Runge–Kutta method keeps the stages' residuals
    // (checkpointing recomputes the stages of the segment being reversed).
    KeptStages saved;
    Term forwardTerm;
    if (fullStorage && step instanceof RkStepVjp rk) {
      SavingTerm saving = new SavingTerm(f, theta, term.size(), spares.stages);
      saved = new SavedStages(rk, saving, p.ts(), p.interpolatesSaves());
      forwardTerm = saving;
    } else if (fullStorage && step instanceof SrkStepVjp srk) {
      SavingTerm drift = new SavingTerm(sde.drift, theta, term.size(), spares.stages);
      SavingTerm diffusion = new SavingTerm(sde.diffusion, theta, term.size(),
          spares.diffusionStages);
      saved = new SavedSdeStages(srk, drift, diffusion);
      forwardTerm = p.sdeTerm().bind(theta, noise, drift::rate, diffusion::rate);
    } else {
      saved = null;
      forwardTerm = noise != null ? p.sdeTerm().bind(theta, noise) : p.bound(theta);
    }
    ForwardLoop.Result r = ForwardLoop.run(p, forwardTerm, p.y0(),
        p.controller(), p.dt0(),
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
            if (saved != null) {
              saved.capture(k, tNext, stepper);
            }
          }
        }, hit);
    DiscreteRecording rec = new DiscreteRecording(p, theta, f, step, store, times.toArray(), r,
        budget, saved, noise);
    return hit == null ? rec : new DiscreteEventRecording(rec, hit, event, step, f, theta);
  }

  @Override
  public String toString() {
    return name();
  }
}
