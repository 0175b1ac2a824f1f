package org.nde4j.solve.adjoint;

import org.nde4j.solve.integrate.Stats;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.term.DifferentiableTerm;

/**
 * The discrete adjoint's record of a solve with a terminal event: the cotangents of the event's
 * outputs become, by the implicit-function theorem ({@link TerminalEvent#cotangent}), a cotangent
 * of the partial step's result; its step VJP seeds {@code λ} at the last full step, and the
 * discrete adjoint carries on from there.
 */
final class DiscreteEventRecording implements EventRecording {
  private final DiscreteRecording steps;
  private final StepMapEvent hit;
  private final TerminalEvent event;
  private final StepVjp step;
  private final DifferentiableTerm.Evaluator f;
  private final double[] theta;

  DiscreteEventRecording(DiscreteRecording steps, StepMapEvent hit, TerminalEvent event,
      StepVjp step, DifferentiableTerm.Evaluator f, double[] theta) {
    this.steps = steps;
    this.hit = hit;
    this.event = event;
    this.step = step;
    this.f = f;
    this.theta = theta;
  }

  @Override
  public double[][] ys() {
    return steps.ys();
  }

  @Override
  public Status status() {
    return steps.status();
  }

  @Override
  public Stats stats() {
    return steps.stats();
  }

  @Override
  public long peakStoredStates() {
    return steps.peakStoredStates();
  }

  @Override
  public double eventTime() {
    return hit.tStar();
  }

  @Override
  public double[] eventState() {
    return hit.yMinus();
  }

  @Override
  public double[] eventStateAfterReset() {
    return hit.yPlus();
  }

  @Override
  public Gradients backward(double[][] ybar, double eventTimeBar, double[] eventStateBar,
      double[] resetStateBar) {
    if (status() != Status.EVENT) {
      TerminalEvent.requireNoCotangents(status(), eventTimeBar, eventStateBar, resetStateBar);
      return steps.backward(ybar);
    }
    return steps.backward(ybar, (tStart, yStart, lambda, thetaBar) -> {
      double tStar = hit.tStar();
      double[] yMinus = hit.zMinus();
      double[] rate = new double[yMinus.length];
      f.rate(tStar, yMinus, theta, rate);
      event.cotangent(tStar, yMinus, rate, hit.reset(), eventTimeBar, eventStateBar,
          resetStateBar, lambda);
      step.vjp(tStart, tStar - tStart, yStart, theta, lambda, thetaBar);
    });
  }
}
