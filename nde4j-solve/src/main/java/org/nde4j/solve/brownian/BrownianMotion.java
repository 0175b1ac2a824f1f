package org.nde4j.solve.brownian;

import org.nde4j.solve.term.Path;

/**
 * A {@code d}-channel standard Brownian motion {@code W} on {@code [t0, t1]} with {@code W(t0) = 0},
 * deterministic given its {@link org.nde4j.random.Key}: the same query returns the same values
 * however often it is made, so forward solves, backward (adjoint) solves and rejected adaptive steps
 * all see one path. Channels are independent; a caller that wants a batch of paths or a matrix of
 * noises uses one channel per entry (row-major).
 *
 * <p>As a {@link Path} it evaluates {@code W(t)} and increments; it has no derivative (SDE solvers
 * use increments). Queries write into caller arrays of length {@link #dim()}.
 *
 * <p>Implementations: {@link VirtualBrownianTree} (values are a function of the key and the query
 * times alone, within a tolerance), {@link BrownianInterval} (exact, with a cache for sequential and
 * reverse sweeps).
 */
public interface BrownianMotion extends Path {

  /** The iterated integrals this motion can return (fixed at construction). */
  LevyArea levyArea();

  /**
   * {@code w = W(t) − W(s)}; for {@code s > t} this is {@code −(W(s) − W(t))}.
   *
   * @throws IllegalArgumentException if {@code s} or {@code t} lies outside {@code [t0, t1]} or is
   *     not finite, or {@code w.length != dim()}
   */
  void increment(double s, double t, double[] w);

  /**
   * The increment {@code w = W(t) − W(s)} and the space-time Lévy area {@code area = H_{s,t}} of
   * {@code [s, t]} ({@link LevyArea#SPACE_TIME}).
   *
   * @throws IllegalStateException if this motion was built without {@link LevyArea#SPACE_TIME}
   * @throws IllegalArgumentException if {@code s > t}, a time lies outside {@code [t0, t1]}, or an
   *     array's length is not {@code dim()}
   */
  void spaceTimeIncrement(double s, double t, double[] w, double[] area);

  /** {@code out = W(tb) − W(ta)} in one query ({@code scratch} is not used). */
  @Override
  default void increment(double ta, double tb, double[] out, double[] scratch) {
    increment(ta, tb, out);
  }

  /** {@code out = W(t)}, i.e. the increment from {@link #t0()}. */
  @Override
  default void evaluate(double t, double[] out) {
    increment(t0(), t, out);
  }

  /** Brownian motion is nowhere differentiable: always throws. */
  @Override
  default void derivative(double t, double[] out) {
    throw new UnsupportedOperationException("Brownian motion has no derivative: SDE solvers use "
        + "its increments (increment(s, t, w)); a control term for a CDE needs a smooth path "
        + "such as an interpolated data series");
  }
}
