package org.nde4j.solve.brownian;

/**
 * Which iterated integrals a {@link BrownianMotion} returns with its increments.
 *
 * <ul>
 *   <li>{@link #NONE}: the increment {@code W_{s,t} = W(t) − W(s)} only (Euler–Maruyama, Heun,
 *       Milstein with commutative noise, reversible Heun).
 *   <li>{@link #SPACE_TIME}: also the space-time Lévy area
 *       {@code H_{s,t} = (1/h) ∫_s^t (W(r) − W(s)) dr − W_{s,t}/2}, {@code h = t − s}, per
 *       channel: Gaussian with variance {@code h/12}, independent of {@code W_{s,t}} (J. Foster,
 *       T. Lyons, H. Oberhauser, <i>An optimal polynomial approximation of Brownian motion</i>,
 *       SIAM J. Numer. Anal. 58(3), 2020). Needed by SRA1, ShARK, SEA and SPaRK.
 * </ul>
 */
public enum LevyArea {
  /** Increments only. */
  NONE,
  /** Increments and the space-time Lévy area {@code H}. */
  SPACE_TIME
}
