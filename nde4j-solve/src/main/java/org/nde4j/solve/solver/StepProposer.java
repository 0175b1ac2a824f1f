package org.nde4j.solve.solver;

/**
 * A {@link Stepper} that chooses its own next step size, as variable-order multistep methods must:
 * their step and order are selected together from error estimates of several orders, which a
 * controller seeing one error number cannot do. An adaptive controller that finds its stepper to
 * be a proposer (through {@link org.nde4j.solve.stepsize.StepControl#attach}) still decides
 * acceptance ({@code error ≤ 1}) and still applies its bounds ({@code dtmax}, forced times, the
 * end of the span), but takes the step size from {@link #proposedStep()} instead of its own
 * formula.
 */
public interface StepProposer {
  /**
   * The signed step size the method wants next, valid after {@link Stepper#attempt}: from the
   * attempted step's end if it is accepted, from its start (a shorter retry) if it is rejected;
   * NaN when the method has no proposal (the controller's own rule applies).
   */
  double proposedStep();
}
