package org.nde4j.solve.solver.sde;

import org.nde4j.solve.term.SdeType;

/**
 * Milstein's method for Stratonovich SDEs ({@link AbstractMilstein}): strong order 1 for scalar,
 * diagonal, additive and commutative general noise, weak order 1. Catalogue names {@code
 * stratonovich_milstein} and {@code stratonovich_milstein_derivative_free}.
 */
public final class StratonovichMilstein extends AbstractMilstein {
  /** The form that evaluates the diffusion's derivative. */
  public StratonovichMilstein() {
    super(SdeType.STRATONOVICH, false);
  }

  private StratonovichMilstein(boolean derivativeFree) {
    super(SdeType.STRATONOVICH, derivativeFree);
  }

  /** The derivative-free form (scalar, diagonal and additive noise). */
  public static StratonovichMilstein derivativeFree() {
    return new StratonovichMilstein(true);
  }
}
