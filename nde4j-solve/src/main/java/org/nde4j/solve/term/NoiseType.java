package org.nde4j.solve.term;

/**
 * The structure of an SDE's diffusion {@code g} in {@code dy = f(t, y) dt + g(t, y) dW}, with
 * {@code n} states and {@code m} Brownian channels. The structure fixes how {@code g} is stored
 * (the layout a {@link DiffusionField} writes) and which solvers apply (see {@code docs/sde.md}).
 *
 * <ul>
 *   <li>{@link #SCALAR}: one channel ({@code m = 1}); {@code g} is a vector of {@code n} values.
 *   <li>{@link #DIAGONAL}: one channel per state ({@code m = n}); {@code g} holds the {@code n}
 *       diagonal entries, and {@code g_i(t, y)} depends on {@code y} only through {@code y_i}
 *       (what Milstein's one-derivative formula assumes; otherwise declare {@link #GENERAL}).
 *   <li>{@link #ADDITIVE}: {@code g(t)} does not depend on {@code y}; stored as an {@code n × m}
 *       matrix, or as {@code n} diagonal values ({@code m = n}) when built so.
 *   <li>{@link #GENERAL}: an {@code n × m} matrix, row-major; commutative or not (a flag of the
 *       term).
 * </ul>
 */
public enum NoiseType {
  /** One Brownian channel, {@code g} an {@code n}-vector. */
  SCALAR,
  /** One channel per state, {@code g} the {@code n} diagonal entries. */
  DIAGONAL,
  /** {@code g} independent of the state (matrix or diagonal). */
  ADDITIVE,
  /** Any {@code n × m} matrix. */
  GENERAL;

  /** Lower-case name for messages ({@code "diagonal"}). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
