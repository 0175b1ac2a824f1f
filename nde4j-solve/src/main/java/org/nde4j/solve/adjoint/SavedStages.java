package org.nde4j.solve.adjoint;

import java.util.ArrayList;
import java.util.List;
import org.nde4j.solve.solver.StageAccess;
import org.nde4j.solve.solver.Stepper;

/**
 * The residuals of every accepted step's stages, kept by the full-storage discrete adjoint of an
 * explicit Runge–Kutta method so that the backward pass runs only the stage VJPs from them (no
 * stage of the forward solve is evaluated again). Per step it holds, for each stage the reverse
 * sweep needs, one set of {@link org.nde4j.solve.term.DifferentiableTerm.Evaluator#residuals(int)
 * residual arrays}.
 */
final class SavedStages {
  private final RkStepVjp step;
  private final SavingTerm term;
  private final List<double[][][]> steps = new ArrayList<>();

  SavedStages(RkStepVjp step, SavingTerm term) {
    this.step = step;
    this.term = term;
  }

  /**
   * Keeps the residuals of the accepted step {@code k} (called before the stepper is told of the
   * acceptance); keeps nothing for the step if the stepper does not expose its stages or a stage's
   * evaluation was not kept (its VJP then recomputes the stages).
   */
  void capture(int k, Stepper stepper) {
    double[][][] kept = null;
    if (stepper instanceof StageAccess stages && stages.stages() == step.stages()) {
      kept = new double[step.stages()][][];
      for (int i = 0; i < kept.length && kept != null; i++) {
        if (step.needed(i)) {
          kept[i] = term.keep(stages.stage(i));
          if (kept[i] == null) {
            kept = null;
          }
        }
      }
    }
    while (steps.size() < k) {
      steps.add(null);
    }
    steps.add(kept);
  }

  /**
   * Runs the VJP of step {@code k} from its kept residuals.
   *
   * @return false if nothing was kept for step {@code k} (the caller recomputes)
   */
  boolean vjp(int k, double t, double h, double[] theta, double[] lambda, double[] thetaBar) {
    double[][][] kept = k < steps.size() ? steps.get(k) : null;
    if (kept == null) {
      return false;
    }
    step.vjp(t, h, theta, kept, lambda, thetaBar);
    return true;
  }
}
