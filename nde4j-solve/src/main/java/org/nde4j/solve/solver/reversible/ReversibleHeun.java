package org.nde4j.solve.solver.reversible;

import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.term.Term;

/**
 * The reversible Heun method of Kidger, Foster, Li, Lyons, <i>Efficient and Accurate Gradients
 * for Neural SDEs</i>, NeurIPS 2021 (arXiv:2105.13493), Algorithm 1, in its ODE form. The state
 * is the pair {@code (y, ŷ)}, with {@code ŷ} an auxiliary copy started at {@code ŷ0 = y0}; a step
 * of size {@code h} from {@code t0} to {@code t1 = t0 + h} is
 *
 * <pre>
 *   ŷ1 = 2 y0 − ŷ0 + h f(t0, ŷ0)
 *   y1 = y0 + h/2 (f(t0, ŷ0) + f(t1, ŷ1))
 * </pre>
 *
 * <p>and {@code f(t1, ŷ1)} is carried to the next step, so each step costs one evaluation. The
 * map {@code (y0, ŷ0) → (y1, ŷ1)} is inverted in closed form by {@code ŷ0 = 2 y1 − ŷ1 − h f(t1,
 * ŷ1)}, {@code y0 = y1 − h/2 (f(t0, ŷ0) + f(t1, ŷ1))} ({@link
 * ReversibleStepper#backwardStep}).
 *
 * <p><b>Order 2.</b> {@code d = ŷ − y} obeys {@code d1 = −d0 − h/2 (f(t1, ŷ1) − f(t0, ŷ0))}, so
 * it alternates in sign and stays {@code O(h²)}; {@code y} then takes trapezoidal steps with
 * slopes perturbed by {@code O(h²)}. <b>Error estimate</b> (order 1, as Diffrax's {@code
 * ReversibleHeun}): the difference to the explicit Euler step {@code y0 + h f(t0, ŷ0)} that the
 * same slopes give, {@code h/2 (f(t1, ŷ1) − f(t0, ŷ0))}: Heun's trapezoidal/Euler pair with the
 * carried slopes. <b>Dense output</b>: cubic Hermite on {@code (y0, y1, f(t0, ŷ0), f(t1, ŷ1))},
 * the carried slopes, so no extra evaluation; as the slopes are taken at {@code ŷ = y + O(h²)}
 * the interpolant's local error is {@code O(h³)}: interpolation order 2.
 *
 * <p><b>Stability.</b> On {@code y' = λy} the step matrix has determinant −1, so its eigenvalues
 * {@code z ± √(z² + 1)} ({@code z = hλ}) both lie on the unit circle only for {@code z ∈ [−i,
 * i]}; on dissipative problems the parasitic (alternating) mode grows like {@code e^{|Re λ| t}}
 * from its {@code O(h²)} start (paper, §3.3 and Appendix). Meant for neural-SDE/ODE training with
 * the reversible adjoint, not for stiff or long dissipative solves.
 */
public final class ReversibleHeun implements Solver {
  @Override
  public String name() {
    return "reversible_heun";
  }

  @Override
  public int order() {
    return 2;
  }

  @Override
  public int errorOrder() {
    return 1;
  }

  @Override
  public int interpolationOrder() {
    return 2;
  }

  @Override
  public ReversibleStepper stepper(Term term) {
    return new ReversibleHeunStepper(term);
  }

  @Override
  public String toString() {
    return name();
  }
}
