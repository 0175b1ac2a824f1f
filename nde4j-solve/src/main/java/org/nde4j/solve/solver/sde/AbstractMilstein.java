package org.nde4j.solve.solver.sde;

import java.util.EnumSet;
import java.util.Locale;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.term.NoiseType;
import org.nde4j.solve.term.SdeTerm;
import org.nde4j.solve.term.SdeType;

/**
 * Milstein's method (G. N. Milstein, <i>Approximate integration of stochastic differential
 * equations</i>, Theory Probab. Appl. 19(3), 1975; Kloeden &amp; Platen, <i>Numerical Solution of
 * SDEs</i>, 1992, §10.3–10.4) for the SDE type a subclass fixes: Euler's step plus the
 * iterated-integral term built from the diffusion's derivative (see {@code MilsteinStepper}).
 * Strong order 1 for scalar, diagonal, additive and commutative general noise (0.5 for
 * non-commutative general noise, whose Lévy areas it leaves out); weak order 1.
 *
 * <p>The default form needs the diffusion's derivative: a term built from a tensor diffusion
 * (forward-mode autodiff) or given {@code diffusionDerivative(...)}, and refuses other terms. The
 * derivative-free form replaces it by differences of the diffusion at support points, for scalar,
 * diagonal and additive noise.
 */
public abstract class AbstractMilstein extends AbstractSdeSolver {
  private final SdeType type;
  private final boolean derivativeFree;

  AbstractMilstein(SdeType type, boolean derivativeFree) {
    super(type.name().toLowerCase(Locale.ROOT)
        + (derivativeFree ? "_milstein_derivative_free" : "_milstein"),
        EnumSet.of(type), LevyArea.NONE,
        derivativeFree ? new NoiseOrders(Double.NaN, 1.0, 1.0) : new NoiseOrders(0.5, 1.0, 1.0),
        new NoiseOrders(derivativeFree ? Double.NaN : 1, 1, 1), 0);
    this.type = type;
    this.derivativeFree = derivativeFree;
  }

  /** Whether this is the derivative-free form. */
  public final boolean isDerivativeFree() {
    return derivativeFree;
  }

  @Override
  protected final String extraRefusal(SdeTerm term) {
    if (derivativeFree && term.noise() == NoiseType.GENERAL) {
      return "its derivative-free form handles scalar, diagonal and additive noise only";
    }
    if (!derivativeFree && term.noise() != NoiseType.ADDITIVE && !term.hasDiffusionDerivative()) {
      return "it needs the diffusion's derivative: build the term from a tensor diffusion"
          + " (autodiff) or give diffusionDerivative(...), or use the derivative-free form";
    }
    return null;
  }

  @Override
  protected final Stepper newStepper(SdeTerm term) {
    return new MilsteinStepper(term, type, derivativeFree);
  }
}
