package org.nde4j.solve.solver.sde;

import java.util.EnumSet;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.term.NoiseType;
import org.nde4j.solve.term.SdeTerm;
import org.nde4j.solve.term.SdeType;

/**
 * Milstein's method for Itô SDEs (G. N. Milstein, <i>Approximate integration of stochastic
 * differential equations</i>, Theory Probab. Appl. 19(3), 1975; Kloeden &amp; Platen,
 * <i>Numerical Solution of SDEs</i>, 1992, §10.3–10.4): Euler's step plus the iterated-integral
 * term built from the diffusion's derivative (see {@code MilsteinStepper}). Strong order 1 for
 * scalar, diagonal, additive and commutative general noise (0.5 for non-commutative general
 * noise, whose Lévy areas it leaves out); weak order 1.
 *
 * <p>The default form needs the diffusion's derivative: a term built from a tensor diffusion
 * (forward-mode autodiff) or given {@code diffusionDerivative(...)}. {@link #derivativeFree()}
 * replaces it by a difference of the diffusion at a support point (Kloeden &amp; Platen §11.1),
 * for scalar, diagonal and additive noise.
 */
public final class ItoMilstein extends AbstractSdeSolver {
  private final boolean derivativeFree;

  /** The form that evaluates the diffusion's derivative. */
  public ItoMilstein() {
    this(false);
  }

  private ItoMilstein(boolean derivativeFree) {
    super(derivativeFree ? "ito_milstein_derivative_free" : "ito_milstein",
        EnumSet.of(SdeType.ITO), LevyArea.NONE,
        derivativeFree ? new NoiseOrders(Double.NaN, 1.0, 1.0) : new NoiseOrders(0.5, 1.0, 1.0),
        new NoiseOrders(derivativeFree ? Double.NaN : 1, 1, 1), 0);
    this.derivativeFree = derivativeFree;
  }

  /** The derivative-free form (scalar, diagonal and additive noise). */
  public static ItoMilstein derivativeFree() {
    return new ItoMilstein(true);
  }

  @Override
  protected String extraRefusal(SdeTerm term) {
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
  protected Stepper newStepper(SdeTerm term) {
    return new MilsteinStepper(term, SdeType.ITO, derivativeFree);
  }
}
