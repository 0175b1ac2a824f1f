package org.nde4j.solve.solver.symplectic;

/**
 * The semi-implicit (symplectic) Euler method for {@code q'' = a(t, q)}: {@code v1 = v0 + h a(t0,
 * q0)}, {@code q1 = q0 + h v1}. Order 1, one evaluation per step, symplectic. Hairer, Lubich,
 * Wanner, <i>Geometric Numerical Integration</i>, 2nd ed., Springer 2006, §I.1.2 and Theorem
 * VI.3.3, doi:10.1007/3-540-30666-8. Dense output: cubic Hermite, order 1 (capped by the method).
 */
public final class SemiImplicitEuler extends AbstractSymplectic {
  public SemiImplicitEuler() {
    super("semi_implicit_euler", 1, new double[] {1, 0}, new double[] {1});
  }
}
