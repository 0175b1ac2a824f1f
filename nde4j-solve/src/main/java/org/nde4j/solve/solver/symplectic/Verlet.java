package org.nde4j.solve.solver.symplectic;

/**
 * The Störmer–Verlet (velocity Verlet) method for {@code q'' = a(t, q)}: {@code v½ = v0 + h/2
 * a(t0, q0)}, {@code q1 = q0 + h v½}, {@code v1 = v½ + h/2 a(t1, q1)}. Order 2, symmetric and
 * symplectic, one evaluation per step ({@code a(t1, q1)} starts the next step); the energy error
 * stays bounded over exponentially long times instead of drifting. Verlet, Phys. Rev. 159:98–103,
 * 1967, doi:10.1103/PhysRev.159.98; Hairer, Lubich, Wanner, <i>Geometric numerical integration
 * illustrated by the Störmer–Verlet method</i>, Acta Numerica 12:399–450, 2003,
 * doi:10.1017/S0962492902000144. Dense output: cubic Hermite, order 2.
 */
public final class Verlet extends AbstractSymplectic {
  public Verlet() {
    super("verlet", 2, new double[] {0.5, 0.5}, new double[] {1});
  }
}
