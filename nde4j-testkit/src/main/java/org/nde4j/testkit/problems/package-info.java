/**
 * Initial-value test problems with trusted reference solutions, and the tools to score a solver
 * against them.
 *
 * <p>Every problem is an {@link org.nde4j.testkit.problems.OdeProblem} on plain {@code double[]}
 * arrays, so it can be handed to any solver (nde4j's own, or Hipparchus as an oracle).
 * {@link org.nde4j.testkit.problems.OdeProblems} lists them by name. Reference values are either
 * closed forms (evaluated in {@link java.math.BigDecimal} where rounding matters) or digits
 * computed once by the arbitrary-precision {@link org.nde4j.testkit.problems.TaylorIntegrator} and
 * stored in the problem class with their provenance; {@link
 * org.nde4j.testkit.problems.ReferenceGenerator} recomputes them. {@link
 * org.nde4j.testkit.problems.ConvergenceOrder} estimates an observed order from an error sweep and
 * {@link org.nde4j.testkit.problems.Accuracy} scores a solution the way the Bari test set does (scd
 * / mescd).
 */
package org.nde4j.testkit.problems;
