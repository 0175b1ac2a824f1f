package org.nde4j.solve.solver.reversible;

import org.nde4j.solve.solver.Stepper;

/**
 * A {@link Stepper} of an algebraically reversible method: besides the state {@code y} it carries
 * an auxiliary state {@code ŷ} and the slope {@code f(t, ŷ)} from step to step, and it can undo a
 * step exactly (up to round-off) from its end, without storing the trajectory. This is what a
 * reversible adjoint uses to recover the forward states in {@code O(1)} memory (Kidger, Foster,
 * Li, Lyons, <i>Efficient and Accurate Gradients for Neural SDEs</i>, NeurIPS 2021,
 * arXiv:2105.13493, §3).
 *
 * <p>The auxiliary state belongs to the point where the next step starts: it is set to {@code y}
 * by the first {@link #attempt} after construction or {@link #restart()}, and advanced by {@link
 * #accept()}. Rejected attempts leave it unchanged.
 */
public interface ReversibleStepper extends Stepper {
  /** Number of doubles in {@code y} (and in {@code ŷ} and the slope). */
  int size();

  /**
   * Whether an auxiliary state is carried: false before the first attempt and after {@link
   * #restart()}, when the next attempt starts from {@code ŷ = y}.
   */
  boolean hasAuxiliary();

  /**
   * Copies the carried auxiliary state {@code ŷ} and slope {@code f(t, ŷ)} at the start of the
   * next step.
   *
   * @throws IllegalStateException if {@link #hasAuxiliary()} is false
   */
  void auxiliary(double[] yHat, double[] f);

  /**
   * Sets the carried auxiliary state, e.g. to continue forwards from a state recovered by {@link
   * #backwardStep}; the next attempt must then start from the matching {@code y}.
   *
   * @param f {@code f(t, ŷ)} at the time the next step starts (not re-evaluated)
   */
  void setAuxiliary(double[] yHat, double[] f);

  /**
   * Undoes one step: from the state {@code (y1, ŷ1)} and slope {@code f1 = f(t1, ŷ1)} at {@code
   * t1}, reconstructs {@code (y0, ŷ0)} and {@code f0 = f(t1 − h, ŷ0)} at {@code t0 = t1 − h}, where
   * {@code h} is the (signed) step the forward solve took. One evaluation of the vector field; no
   * allocation. The outputs may be the input arrays (in-place reconstruction). Does not touch the
   * carried state of the forward solve.
   */
  void backwardStep(double t1, double h, double[] y1, double[] yHat1, double[] f1, double[] y0,
      double[] yHat0, double[] f0);
}
