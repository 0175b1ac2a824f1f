package org.nde4j.solve.adjoint;

import org.nde4j.solve.stepsize.ErrorNorm;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.stepsize.StepSizeController;
import org.nde4j.solve.term.DifferentiableTerm;

/** {@link Adjoint#forwardMode()} and {@link Adjoint#forwardMode(boolean)}. */
final class ForwardSensitivity implements Adjoint {
  private final boolean controlSensitivities;

  ForwardSensitivity(boolean controlSensitivities) {
    this.controlSensitivities = controlSensitivities;
  }

  @Override
  public String name() {
    return controlSensitivities ? "forwardMode" : "forwardMode(state error only)";
  }

  @Override
  public Recording forward(GradientSolve p) {
    DifferentiableTerm term = p.term();
    int n = term.size();
    double[] theta = p.theta();
    SensitivityTerm augmented = new SensitivityTerm(term, theta);
    TerminalEvent event = p.terminalEvent();
    DenseOutputEvent hit = event == null ? null : new DenseOutputEvent(event, n);
    ForwardLoop.Result r = ForwardLoop.run(p, augmented,
        SensitivityTerm.initial(p.y0(), term.numParams()), controller(p.controller(), n,
            augmented.size()), firstStep(p, theta), (k, t, tNext, y, yNext) -> { }, hit);
    return new ForwardRecording(p, theta, term.evaluator(), r, augmented.jvpEvaluations(), hit,
        event);
  }

  /**
   * The first step: the problem's, or with state-only error control the one the controller picks
   * for the plain solve (its heuristic would otherwise look at the sensitivities too), so that the
   * steps are the plain solve's.
   */
  private double firstStep(GradientSolve p, double[] theta) {
    if (controlSensitivities || !Double.isNaN(p.dt0()) || !p.controller().isAdaptive()) {
      return p.dt0();
    }
    StepSizeController c = p.controller();
    return Math.abs(c.start(p.term().bind(theta), p.solver(), p.t0(), p.t1(), p.y0(),
        Double.NaN).firstEnd() - p.t0());
  }

  /**
   * The problem's controller with the error norm this mode asks for; controllers other than PID
   * are used as they are (fixed steps need no norm).
   */
  private StepSizeController controller(StepSizeController c, int n, int size) {
    if (!(c instanceof PidController pid)) {
      return c;
    }
    if (controlSensitivities) {
      return pid.withNorm(new BlockMaxNorm(pid.rtol(), pid.atol(), n));
    }
    boolean[] state = new boolean[size];
    java.util.Arrays.fill(state, 0, n, true);
    return pid.withNorm(ErrorNorm.seminorm(pid.rtol(), pid.atol(), state));
  }

  @Override
  public String toString() {
    return name();
  }
}
