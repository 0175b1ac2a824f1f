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
final class SavedStages implements KeptStages {
  private final RkStepVjp step;
  private final SavingTerm term;
  private final List<double[][][]> steps = new ArrayList<>();
  private final java.util.Set<Double> saveTimes = new java.util.HashSet<>();
  private final java.util.Map<Integer, double[]> endRates = new java.util.HashMap<>();
  private double[] startRate;
  /** Whether every stage is kept (saves read from the dense output give any stage a cotangent). */
  private final boolean allStages;

  /**
   * @param saveTimes the save times, at whose step ends the field's value is kept
   * @param allStages keep every stage's residuals, not only those the step's own VJP needs (for
   *     saves read from the dense output; a first-same-as-last stage shares its residuals with the
   *     next step's first stage, so FSAL methods keep nothing more)
   */
  SavedStages(RkStepVjp step, SavingTerm term, double[] saveTimes, boolean allStages) {
    this.step = step;
    this.term = term;
    this.allStages = allStages;
    for (double s : saveTimes) {
      this.saveTimes.add(s);
    }
  }

  /**
   * Keeps the residuals of the accepted step {@code k} (called before the stepper is told of the
   * acceptance); keeps nothing for the step if the stepper does not expose its stages or a stage's
   * evaluation was not kept (its VJP then recomputes the stages).
   */
  @Override
  public void capture(int k, double tNext, Stepper stepper) {
    double[][][] kept = null;
    if (stepper instanceof StageAccess stages && stages.stages() == step.stages()) {
      // the field at the start and (first-same-as-last methods) at step ends on save times,
      // for the time gradients
      if (k == 0) {
        startRate = stages.stage(0).clone();
      }
      if (step.lastStageIsEndRate() && saveTimes.contains(tNext)) {
        endRates.put(k + 1, stages.stage(step.stages() - 1).clone());
      }
      kept = new double[step.stages()][][];
      for (int i = 0; i < kept.length && kept != null; i++) {
        if (allStages || step.needed(i)) {
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
   * Hands every residual set of this record (and of its term) to {@code pool}; the record is
   * empty afterwards.
   */
  @Override
  public void recycleInto(java.util.ArrayDeque<double[][]> pool,
      java.util.ArrayDeque<double[][]> diffusionPool) {
    term.recycle(pool);
    steps.clear();
  }

  /** {@code f(t0, y0)} as the forward solve evaluated it (its first stage), or null. */
  double[] startRate() {
    return startRate;
  }

  /**
   * {@code f} at the end of the first {@code k} steps as the forward solve evaluated it (the last
   * stage of step {@code k − 1}), or null if it was not kept (not a save time, or not a
   * first-same-as-last method).
   */
  double[] endRate(int k) {
    return endRates.get(k);
  }

  /**
   * Runs the VJP of step {@code k} from its kept residuals, with {@code extra} (nullable) added to
   * the stages' cotangents ({@link RkStepVjp#vjp(double, double, double[], double[], double[],
   * double[], double[][])}).
   *
   * @return false if nothing was kept for step {@code k} or for a stage {@code extra} reaches (the
   *     caller recomputes)
   */
  @Override
  public boolean vjp(int k, double t, double h, double[] theta, double[] lambda,
      double[] thetaBar, double[][] extra) {
    double[][][] kept = k < steps.size() ? steps.get(k) : null;
    if (kept == null || extra != null && !allStages) {
      return false;
    }
    step.vjp(t, h, theta, kept, lambda, thetaBar, extra);
    return true;
  }
}
