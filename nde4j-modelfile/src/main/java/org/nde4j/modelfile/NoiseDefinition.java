package org.nde4j.modelfile;

import java.util.List;
import org.nde4j.expr.Expr;

/**
 * The {@code noise:} section of a model file, which makes the model a stochastic differential
 * equation {@code dy = f(t, y) dt + g(t, y) dW}.
 *
 * <ul>
 *   <li>{@link Kind#DIAGONAL}: one expression per state ({@code noise: {S: sigma*S}}), state
 *       {@code i} driven by its own Brownian channel; states left out have no noise.
 *   <li>{@link Kind#ADDITIVE}: as diagonal, but no expression depends on a state (detected), so
 *       the solvers for additive noise (SRA1, ShARK, SEA) apply.
 *   <li>{@link Kind#GENERAL}: a matrix, one row of {@code m} expressions per state
 *       ({@code noise: {x: [s1*x, 0], y: [0, s2*y]}}), driven by {@code m} Brownian channels.
 * </ul>
 *
 * @param kind the noise structure
 * @param channels number of Brownian channels {@code m}
 * @param entries the diffusion, row-major: {@code n} entries (diagonal, additive) or {@code n·m}
 *     (general)
 * @param stratonovich true for {@code sde_type: stratonovich}, false for Itô (the default)
 */
public record NoiseDefinition(Kind kind, int channels, List<Expr> entries, boolean stratonovich) {
  /** The structure of the diffusion. */
  public enum Kind {
    /** One independent channel per state, {@code g} elementwise. */
    DIAGONAL,
    /** Diagonal and independent of the state. */
    ADDITIVE,
    /** A full {@code n × m} matrix. */
    GENERAL
  }

  /** Validates and copies. */
  public NoiseDefinition {
    entries = List.copyOf(entries);
  }
}
