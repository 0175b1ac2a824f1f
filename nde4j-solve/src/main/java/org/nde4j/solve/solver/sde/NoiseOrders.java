package org.nde4j.solve.solver.sde;

import org.nde4j.solve.term.NoiseType;
import org.nde4j.solve.term.SdeTerm;

/**
 * A convergence order (strong or weak) of an SDE solver per noise class, as in the columns of
 * Diffrax's SDE solver table: general (non-commutative) noise, commutative noise (scalar, diagonal,
 * or general declared commutative), additive noise. {@code NaN} marks a class the solver does not
 * apply to.
 */
public record NoiseOrders(double general, double commutative, double additive) {
  /** The order for {@code term}'s noise class. */
  public double of(SdeTerm term) {
    if (term.noise() == NoiseType.ADDITIVE) {
      return additive;
    }
    return term.isCommutative() ? commutative : general;
  }

  /** Whether the solver applies to {@code term}'s noise class. */
  public boolean applies(SdeTerm term) {
    return !Double.isNaN(of(term));
  }
}
