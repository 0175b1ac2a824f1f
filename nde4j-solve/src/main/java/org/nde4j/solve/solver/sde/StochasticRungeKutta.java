package org.nde4j.solve.solver.sde;

/**
 * An SDE solver that is an explicit stochastic Runge–Kutta method for general noise given by an
 * {@link SrkTableau} (Euler–Maruyama, Euler–Heun, Heun, midpoint, SPaRK): what the discrete
 * adjoint needs to differentiate its steps.
 */
public interface StochasticRungeKutta extends SdeSolver {
  /** The method's coefficients. */
  SrkTableau tableau();
}
