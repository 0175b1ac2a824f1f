package org.nde4j.solve.solver.sde;

import org.nde4j.solve.term.SdeType;

/**
 * Milstein's method for Itô SDEs ({@link AbstractMilstein}): strong order 1 for scalar,
 * diagonal, additive and commutative general noise, weak order 1. Catalogue names {@code
 * ito_milstein} and {@code ito_milstein_derivative_free}.
 */
public final class ItoMilstein extends AbstractMilstein {
  /** The form that evaluates the diffusion's derivative. */
  public ItoMilstein() {
    super(SdeType.ITO, false);
  }

  private ItoMilstein(boolean derivativeFree) {
    super(SdeType.ITO, derivativeFree);
  }

  /** The derivative-free form (scalar, diagonal and additive noise). */
  public static ItoMilstein derivativeFree() {
    return new ItoMilstein(true);
  }
}
