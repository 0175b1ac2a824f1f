/**
 * Brownian motion as a re-queryable {@link org.nde4j.solve.term.Path}: {@link
 * org.nde4j.solve.brownian.VirtualBrownianTree} (values a function of key and time, within a
 * tolerance) and {@link org.nde4j.solve.brownian.BrownianInterval} (exact, cached), both with
 * optional space-time Lévy areas ({@link org.nde4j.solve.brownian.LevyArea}). docs/sde.md explains
 * which to use.
 */
package org.nde4j.solve.brownian;
