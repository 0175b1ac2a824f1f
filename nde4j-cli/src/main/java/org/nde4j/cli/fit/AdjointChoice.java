package org.nde4j.cli.fit;

import java.util.Locale;
import org.nde4j.solve.adjoint.Adjoint;

/**
 * The gradient methods {@code nde4j fit --adjoint} offers, by their command-line names
 * (docs/gradients.md describes each).
 */
public enum AdjointChoice {
  /** {@link Adjoint#auto()}: reversible for a reversible solver, else discrete within 64 MiB. */
  AUTO,
  /** {@link Adjoint#discrete()}: every step stored, the exact gradient of the solve. */
  DIRECT,
  /** {@link Adjoint#checkpointed(int)} with {@value #CHECKPOINTS} stored states. */
  CHECKPOINT,
  /** {@link Adjoint#backsolve()}: the continuous adjoint solved backwards. */
  BACKSOLVE,
  /** {@link Adjoint#interpolating()}: the continuous adjoint on the dense forward solution. */
  INTERPOLATING,
  /** {@link Adjoint#reversible()}: for reversible solvers ({@code reversible_heun}). */
  REVERSIBLE;

  /** The memory budget of {@link #CHECKPOINT}, in stored states. */
  public static final int CHECKPOINTS = 64;

  /** The adjoint this choice names. */
  public Adjoint adjoint() {
    return switch (this) {
      case AUTO -> Adjoint.auto();
      case DIRECT -> Adjoint.discrete();
      case CHECKPOINT -> Adjoint.checkpointed(CHECKPOINTS);
      case BACKSOLVE -> Adjoint.backsolve();
      case INTERPOLATING -> Adjoint.interpolating();
      case REVERSIBLE -> Adjoint.reversible();
    };
  }

  /** The command-line name, lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The choice called {@code name} (case-insensitive).
   *
   * @throws IllegalArgumentException listing the names if there is none
   */
  public static AdjointChoice parse(String name) {
    for (AdjointChoice a : values()) {
      if (a.label().equalsIgnoreCase(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown adjoint '" + name
        + "' (known: auto direct checkpoint backsolve interpolating reversible)");
  }
}
