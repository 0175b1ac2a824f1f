package org.nde4j.solve.adjoint;

import org.nde4j.solve.integrate.Stepping;

/**
 * The terminal event for forward sensitivities, located on the dense output of the augmented
 * solve (as {@code Solve} locates plain events); the augmented state there carries the
 * derivatives of the interpolated state at fixed time.
 */
final class DenseOutputEvent extends EventSearch {
  DenseOutputEvent(TerminalEvent event, int n) {
    super(event, n);
  }

  @Override
  double gAlongStep(double t, double[] z, double tau, Stepping stepping) {
    return g(tau, stepping.interpolate(tau));
  }

  @Override
  double[] stateAt(double t, double tNext, double[] z, double[] zNext, double tau,
      Stepping stepping) {
    return tau == tNext ? zNext.clone() : stepping.interpolate(tau);
  }
}
