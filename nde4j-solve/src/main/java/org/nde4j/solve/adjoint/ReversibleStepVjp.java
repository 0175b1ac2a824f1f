package org.nde4j.solve.adjoint;

/**
 * The {@link StepVjp} of an algebraically reversible solver, whose state is {@code (y, ŷ)} and
 * whose stepper ({@link org.nde4j.solve.solver.reversible.ReversibleStepper}) carries {@code ŷ}
 * and the slope {@code f(t, ŷ)}. Besides the VJP from the start state it offers one from both end
 * states of a step, as the reversible adjoint has them after reconstructing the start with {@link
 * org.nde4j.solve.solver.reversible.ReversibleStepper#backwardStep}, so that the step need not be
 * recomputed.
 */
interface ReversibleStepVjp extends StepVjp {
  /**
   * As {@link #vjp}, given the step's start {@code (y0, ŷ0, f0 = f(t, ŷ0))} and end {@code (y1,
   * ŷ1, f1 = f(t + h, ŷ1))}; {@code lambda} is the cotangent of the solver state {@code (y, ŷ)}
   * ({@code 2n} doubles).
   */
  void vjpBetween(double t, double h, double[] y0, double[] yHat0, double[] f0, double[] y1,
      double[] yHat1, double[] f1, double[] theta, double[] lambda, double[] thetaBar);
}
