package org.nde4j.testkit.problems;

import java.util.Optional;

/**
 * An initial-value problem {@code y' = f(t, y)}, {@code y(t0) = y0} on {@code [t0, t1]}, with a
 * reference solution at {@code t1}.
 *
 * <p>Plain arrays, no solver types: the same problem drives nde4j's solvers and the Hipparchus
 * oracle. Implementations are immutable and safe to share between threads.
 */
public interface OdeProblem {

  /** A short stable identifier, unique in {@link OdeProblems#all()} (e.g. {@code "detest-a3"}). */
  String name();

  /** Where the problem comes from: authors, title, venue, year (and page where it matters). */
  String citation();

  /** Number of state components {@code n}. */
  int dim();

  /** Initial time. */
  double t0();

  /** Final time; {@link #reference()} is the solution there. */
  double t1();

  /** The initial state, length {@link #dim()}; a fresh copy on every call. */
  double[] y0();

  /**
   * Writes {@code f(t, y)} into {@code dy}. Allocation-free; {@code y} and {@code dy} have length
   * {@link #dim()} and must not alias.
   */
  void rhs(double t, double[] y, double[] dy);

  /**
   * The exact solution at {@code t} where a closed form exists (valid on {@code [t0, t1]} at
   * least), else empty. A fresh array.
   */
  Optional<double[]> exact(double t);

  /**
   * The reference solution at {@link #t1()}: the closed form where there is one, else stored digits
   * whose provenance the implementing class documents. A fresh array.
   */
  double[] reference();

  /**
   * Quantities conserved along exact solutions (energy, angular momentum, Casimirs...), in an order
   * the implementing class documents; empty when the problem has none.
   */
  default double[] invariants(double[] y) {
    return new double[0];
  }
}
