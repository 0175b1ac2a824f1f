package org.nde4j.solve.solver.sde;

/**
 * An SDE solver that is an additive-noise stochastic Runge–Kutta method given by an {@link
 * AdditiveTableau} (SRA1, ShARK, SEA): what the discrete adjoint needs to differentiate its
 * steps.
 */
public interface AdditiveRungeKutta extends SdeSolver {
  /** The method's coefficients. */
  AdditiveTableau tableau();
}
