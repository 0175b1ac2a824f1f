package org.nde4j.solve.adjoint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.nde4j.solve.solver.SdeStageAccess;
import org.nde4j.solve.solver.Stepper;

/**
 * The drift and diffusion residuals of every accepted step's stages, kept by the full-storage
 * discrete adjoint of a stochastic Runge–Kutta method ({@link SrkStepVjp}), so that the backward
 * pass runs only the stage VJPs from them: no drift or diffusion of the forward solve is evaluated
 * again (the noise is read back from the {@link RecordedBrownian}). Per step it holds one set of
 * residual arrays for each stage's drift and diffusion evaluation. The SDE counterpart of {@link
 * SavedStages}; memory grows with the number of steps as the stored states do.
 */
final class SavedSdeStages implements KeptStages {
  private final SrkStepVjp step;
  private final SavingTerm drift;
  private final SavingTerm diffusion;
  /** Per accepted step: {drift residuals per stage, diffusion residuals per stage}, or null. */
  private final List<double[][][][]> steps = new ArrayList<>();

  SavedSdeStages(SrkStepVjp step, SavingTerm drift, SavingTerm diffusion) {
    this.step = step;
    this.drift = drift;
    this.diffusion = diffusion;
  }

  @Override
  public void capture(int k, double tNext, Stepper stepper) {
    double[][][][] kept = null;
    if (stepper instanceof SdeStageAccess stages && stages.stages() == step.stages()) {
      int s = step.stages();
      kept = new double[][][][] {new double[s][][], new double[s][][]};
      for (int j = 0; j < s && kept != null; j++) {
        if (step.needsDrift(j)) {
          kept[0][j] = keep(drift, stages.driftStage(j));
          kept = kept[0][j] == null ? null : kept;
        }
        if (kept != null && step.needsDiffusion(j)) {
          kept[1][j] = keep(diffusion, stages.diffusionStage(j));
          kept = kept[1][j] == null ? null : kept;
        }
      }
    }
    while (steps.size() < k) {
      steps.add(null);
    }
    steps.add(kept);
  }

  private static double[][] keep(SavingTerm term, double[] stage) {
    return stage == null ? null : term.keep(stage);
  }

  @Override
  public void recycleInto(ArrayDeque<double[][]> pool, ArrayDeque<double[][]> diffusionPool) {
    drift.recycle(pool);
    diffusion.recycle(diffusionPool);
    steps.clear();
  }

  @Override
  public boolean vjp(int k, double t, double h, double[] theta, double[] lambda,
      double[] thetaBar, double[][] extra) {
    double[][][][] kept = k < steps.size() ? steps.get(k) : null;
    if (kept == null || extra != null) {
      return false;
    }
    step.vjp(t, h, theta, kept[0], kept[1], lambda, thetaBar);
    return true;
  }
}
