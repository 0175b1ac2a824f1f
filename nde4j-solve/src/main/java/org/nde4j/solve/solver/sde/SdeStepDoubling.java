package org.nde4j.solve.solver.sde;

import org.nde4j.solve.solver.DoublingStepper;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.term.SdeTerm;

/**
 * Adaptive stepping for an SDE solver without an embedded error estimate, by step doubling on one
 * Brownian path: each attempt takes the step once with {@code h} and twice with {@code h/2} — the
 * half steps query the increments (and Lévy areas) of {@code [t, t + h/2]} and {@code [t + h/2,
 * t + h]}, which the Brownian motion makes consistent with the full step's {@code [t, t + h]} —
 * keeps the two-half-step result and takes {@code y_{h/2} − y_h} as its error estimate
 * ({@link DoublingStepper}). The difference is not scaled by a Richardson factor: for an SDE it is
 * dominated by the random terms that the full step lacks (the iterated integrals over the two
 * halves, e.g. {@code W_1 W_2} for Euler–Maruyama), not by a smooth constant times a power of
 * {@code h}, and it bounds the error of the full step, so the estimate errs on the safe side.
 *
 * <p>Use it with a {@code PidController} and a Brownian motion that answers any interval
 * ({@code VirtualBrownianTree} with {@code tol} below the smallest step, or {@code
 * BrownianInterval}): a rejected step re-queries the same path, so the solution for a given key
 * does not depend on the rejections, and {@code BrownianGrid} refuses the half steps off its grid.
 * About three inner steps per step. The type, Lévy area, orders and refusals are the inner
 * solver's, and a method of strong order below 1 for the term's noise is refused ({@link
 * #extraRefusal}: Euler–Maruyama on multiplicative noise would converge to a wrong solution);
 * the error order given to the controller is the inner solver's {@link #order()}. Not in the
 * catalogue: the name is the inner name with {@code +doubling}.
 */
public final class SdeStepDoubling extends AbstractSdeSolver {
  private final SdeSolver inner;

  /** Wraps {@code inner}. */
  public SdeStepDoubling(SdeSolver inner) {
    super(inner.name() + "+doubling", inner.sdeTypes(), inner.levyArea(), inner.strongOrders(),
        inner.weakOrders(), inner.order());
    this.inner = inner;
  }

  /** The wrapped solver. */
  public SdeSolver inner() {
    return inner;
  }

  @Override
  public int order() {
    return inner.order();
  }

  /**
   * The inner solver's refusal, and a method of strong order below 1 for the term's noise class
   * (Euler–Maruyama on multiplicative noise; any method on general noise without Lévy areas):
   * steps chosen after looking at the Brownian path make such a method converge to a wrong
   * solution. Its local error holds iterated integrals of size {@code O(h)} with mean zero, such
   * as Euler–Maruyama's {@code ½ g'g (W² − h)}; the decision to accept a step depends on them, so
   * their mean over the accepted steps is not zero and the biases add up over the {@code 1/h}
   * steps (J. G. Gaines, T. J. Lyons, <i>Variable step size control in the numerical solution of
   * stochastic differential equations</i>, SIAM J. Appl. Math. 57(5), 1997; J. Foster, A.
   * Jelinčič, <i>On the convergence of adaptive approximations for stochastic differential
   * equations</i>, arXiv:2311.14201, 2023).
   */
  @Override
  protected String extraRefusal(SdeTerm term) {
    String why = inner.refusal(term);
    if (why != null) {
      return why;
    }
    double order = inner.strongOrders().of(term);
    if (order < 1) {
      return "its strong order for this noise is " + order + " (below 1): with steps chosen by"
          + " looking at the Brownian path it converges to a wrong solution (Gaines & Lyons 1997;"
          + " Foster & Jelinčič 2023); wrap a method of strong order ≥ 1 for this noise (e.g."
          + " ito_milstein or sriw1 for Itô, euler_heun for Stratonovich commutative noise), or"
          + " use constant steps";
    }
    return null;
  }

  @Override
  protected Stepper newStepper(SdeTerm term) {
    return new DoublingStepper(inner.stepper(term), inner.stepper(term), inner.stepper(term),
        term.size(), 1);
  }
}
