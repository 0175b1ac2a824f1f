package org.nde4j.solve.solver.symplectic;

import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.term.SecondOrderTerm;
import org.nde4j.solve.term.Term;

/**
 * A symplectic splitting method for {@code q'' = a(t, q)} ({@link SecondOrderTerm}) given as
 * data: the coefficients of a kick–drift–…–kick composition
 *
 * <pre>
 *   v += k_0 h a(τ, q);  q += c_1 h v;  τ = t0 + (c_1) h;  v += k_1 h a(τ, q);  q += c_2 h v;  …
 *   v += k_m h a(τ, q)
 * </pre>
 *
 * <p>with {@code Σ c_j = Σ k_j = 1}. The time {@code τ} moves with the positions, as the
 * composition of the exact flows of {@code T(v) + e} (drift, where {@code e} is conjugate to the
 * time) and {@code V(τ, q)} (kick) in the extended phase space prescribes, so the order holds for
 * time-dependent forces too (Hairer, Lubich, Wanner, <i>Geometric Numerical Integration</i>, 2nd
 * ed., Springer 2006, §II.4–II.5, §VI.3, doi:10.1007/3-540-30666-8). When {@code k_m ≠ 0} the
 * last acceleration is the first of the next step (one fewer evaluation per step).
 *
 * <p>Fixed step only (no error estimate: {@code errorOrder() = 0}; symplecticity is lost under
 * variable steps anyway). Dense output: cubic Hermite on {@code (y0, y1)} and the slopes {@code
 * (v, a(t, q))} at both ends, order {@code min(3, order)}; an end slope not already computed is
 * evaluated once when the step is first interpolated and reused by the next step. Needs a {@link
 * SecondOrderTerm}: {@link #stepper} rejects any other term.
 */
public abstract class AbstractSymplectic implements Solver {
  private final String name;
  private final int order;
  private final double[] kicks;
  private final double[] drifts;

  /**
   * @param kicks {@code k_0 … k_m}, {@code k_0 ≠ 0}, summing to 1
   * @param drifts {@code c_1 … c_m}, summing to 1
   * @throws IllegalArgumentException if the coefficients do not fit together
   */
  protected AbstractSymplectic(String name, int order, double[] kicks, double[] drifts) {
    if (kicks.length != drifts.length + 1 || drifts.length == 0) {
      throw new IllegalArgumentException(name + ": needs one more kick than drifts (≥ 1), got "
          + kicks.length + " kicks and " + drifts.length + " drifts");
    }
    if (kicks[0] == 0 || Math.abs(sum(kicks) - 1) > 1e-14 || Math.abs(sum(drifts) - 1) > 1e-14) {
      throw new IllegalArgumentException(name + ": kicks and drifts must each sum to 1 and the"
          + " first kick must not be 0");
    }
    this.name = name;
    this.order = order;
    this.kicks = kicks.clone();
    this.drifts = drifts.clone();
  }

  private static double sum(double[] w) {
    double s = 0;
    for (double v : w) {
      s += v;
    }
    return s;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int order() {
    return order;
  }

  @Override
  public final int errorOrder() {
    return 0;
  }

  @Override
  public final int interpolationOrder() {
    return Math.min(3, order);
  }

  @Override
  public final Class<? extends Term> termType() {
    return SecondOrderTerm.class;
  }

  /** Evaluations of {@code a} per step once the first is carried over. */
  public final int evaluationsPerStep() {
    int count = 0;
    for (int i = 0; i < kicks.length; i++) {
      count += kicks[i] != 0 ? 1 : 0;
    }
    return kicks[kicks.length - 1] != 0 ? count - 1 : count;
  }

  /**
   * @throws IllegalArgumentException naming this solver if {@code term} is not a {@link
   *     SecondOrderTerm}
   */
  @Override
  public final Stepper stepper(Term term) {
    if (!(term instanceof SecondOrderTerm second)) {
      throw new IllegalArgumentException(name + ": a symplectic solver needs a SecondOrderTerm"
          + " (state (q, v) with q'' = a(t, q)), got " + term.getClass().getSimpleName()
          + "; use a general solver such as rk4 or tsit5 for other terms");
    }
    return new PartitionedStepper(second, kicks, drifts);
  }

  @Override
  public String toString() {
    return name;
  }
}
