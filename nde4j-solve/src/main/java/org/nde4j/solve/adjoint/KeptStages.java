package org.nde4j.solve.adjoint;

import java.util.ArrayDeque;
import org.nde4j.solve.solver.Stepper;

/**
 * Stage residuals the full-storage discrete adjoint keeps from its forward solve, so that its
 * backward pass runs the stage VJPs without evaluating the stages again: {@link SavedStages}
 * (explicit Runge–Kutta, ODEs) and {@link SavedSdeStages} (stochastic Runge–Kutta).
 */
interface KeptStages {
  /**
   * Keeps the residuals of the accepted step {@code k} ending at {@code tNext} (called before the
   * stepper is told of the acceptance); keeps nothing for the step if the stepper does not expose
   * its stages or a stage's evaluation was not kept (its VJP then recomputes the stages).
   */
  void capture(int k, double tNext, Stepper stepper);

  /**
   * Runs the VJP of step {@code k} from its kept residuals, with {@code extra} (nullable) added to
   * the stages' cotangents.
   *
   * @return false if nothing usable was kept for step {@code k} (the caller recomputes)
   */
  boolean vjp(int k, double t, double h, double[] theta, double[] lambda, double[] thetaBar,
      double[][] extra);

  /**
   * Hands every residual set to the pools for a later solve of the same term (an SDE's
   * diffusion's to {@code diffusionPool}); nothing is kept afterwards.
   */
  void recycleInto(ArrayDeque<double[][]> pool, ArrayDeque<double[][]> diffusionPool);
}
