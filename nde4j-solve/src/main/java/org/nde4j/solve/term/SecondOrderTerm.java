package org.nde4j.solve.term;

import java.util.Objects;

/**
 * A second-order system {@code q'' = a(t, q)} with {@code d} positions, as the first-order system
 * {@code q' = v, v' = a(t, q)} on the state {@code y = (q, v)} of {@code 2d} values (positions
 * first, then velocities). Equivalently, the separable Hamiltonian {@code H = |p|²/2 + V(t, q)}
 * with {@code a = −∇V}, or any partitioned system whose force does not depend on the velocity.
 *
 * <p>Symplectic (partitioned) solvers such as {@link
 * org.nde4j.solve.solver.symplectic.Verlet} need this structure and call {@link #acceleration}
 * directly; every other solver sees the term through {@link #rate} like any other term.
 */
public final class SecondOrderTerm implements Term {
  private final int positions;
  private final Acceleration field;
  private final double[] q;
  private final double[] a;

  private SecondOrderTerm(int positions, Acceleration field) {
    this.positions = positions;
    this.field = field;
    this.q = new double[positions];
    this.a = new double[positions];
  }

  /**
   * A term for {@code q'' = a(t, q)} with {@code positions} positions.
   *
   * @throws IllegalArgumentException if {@code positions < 1}
   */
  public static SecondOrderTerm of(int positions, Acceleration field) {
    if (positions < 1) {
      throw new IllegalArgumentException("SecondOrderTerm: needs ≥ 1 position, got " + positions);
    }
    return new SecondOrderTerm(positions, Objects.requireNonNull(field, "field"));
  }

  /** Number of positions {@code d}; the state has {@code 2d} values. */
  public int positions() {
    return positions;
  }

  /** Writes {@code a(t, q)}; {@code q} and {@code a} have {@link #positions()} values. */
  public void acceleration(double t, double[] q, double[] a) {
    field.evaluate(t, q, a);
  }

  @Override
  public int size() {
    return 2 * positions;
  }

  /** {@code dy = (v, a(t, q))} for {@code y = (q, v)}. */
  @Override
  public void rate(double t, double[] y, double[] dy) {
    int d = positions;
    System.arraycopy(y, 0, q, 0, d);
    field.evaluate(t, q, a);
    System.arraycopy(y, d, dy, 0, d);
    System.arraycopy(a, 0, dy, d, d);
  }
}
