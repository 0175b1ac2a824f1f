package org.nde4j.solve.solver.bdf;

import java.util.Objects;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.term.Term;

/**
 * Variable-order (1–5), variable-step backward differentiation formulas for stiff problems, in the
 * quasi-constant-step ("fixed leading coefficient") form of Shampine &amp; Reichelt's {@code ode15s}
 * (L. F. Shampine, M. W. Reichelt, <i>The MATLAB ODE Suite</i>, SIAM J. Sci. Comput.
 * 18(1):1–22, 1997, doi:10.1137/S1064827594276424, §2), as SciPy's {@code BDF} also implements it:
 * the history is a table of backward differences {@code ∇^j y_n} of one step size {@code h}; when
 * {@code h} changes the table is re-interpolated to the new spacing, so the formula keeps its
 * constant-step coefficients. Orders {@code k = 1…5}:
 *
 * <pre>
 *   Σ_{m=1..k} (1/m) ∇^m y_{n+1} − κ_k γ_k (y_{n+1} − y⁽⁰⁾_{n+1}) = h f(t_{n+1}, y_{n+1}),
 *   γ_k = Σ_{j=1..k} 1/j,   predictor y⁽⁰⁾_{n+1} = Σ_{m=0..k} ∇^m y_n,
 * </pre>
 *
 * solved for the correction {@code d = y_{n+1} − y⁽⁰⁾_{n+1}} by a simplified Newton iteration with
 * the matrix {@code I − (h/α_k) J}, {@code α_k = (1 − κ_k) γ_k}. The local error estimate is
 * {@code (κ_k γ_k + 1/(k+1)) d} (the next-order difference {@code ∇^{k+1} y_{n+1} = d}).
 * {@code κ = 0} gives the classical BDFs ({@code new Bdf()}); {@link #ndf()} gives the numerical
 * differentiation formulas (R. W. Klopfenstein, RCA Review 32:447–462, 1971; κ as chosen by
 * Shampine &amp; Reichelt, Table 1: −0.1850, −1/9, −0.0823, −0.0415, 0), which allow about 20 %
 * (order 4: 10 %) larger steps for the same accuracy at a small loss of stability angle.
 *
 * <p><b>Step and order selection</b> (the stepper is a {@link
 * org.nde4j.solve.solver.StepProposer}: an adaptive {@link
 * org.nde4j.solve.stepsize.PidController} takes its step sizes from it and keeps only the accept
 * test {@code error ≤ 1}, its bounds and forced times). After {@code k + 1} steps of one size the
 * estimates for orders {@code k − 1}, {@code k}, {@code k + 1} (from {@code ∇^k}, {@code ∇^{k+1}},
 * {@code ∇^{k+2}}) give step factors {@code err_q^{−1/(q+1)}}; the order with the largest factor
 * is taken; the step shrinks by that factor when it is below 1 and grows only by doubling, when
 * the factor is at least 2 (the rule of DASSL: K. E. Brenan, S. L. Campbell, L. R. Petzold,
 * <i>Numerical Solution of Initial-Value Problems in Differential-Algebraic Equations</i>, SIAM
 * 1996, §5.2.4 — bounded step ratios keep the variable-step formulas stable and their estimates
 * honest: with growth up to 10 the global error on Van der Pol was twice as large). A rejected step shrinks by {@code max(0.2, 0.9 err^{−1/(k+1)})}
 * at the same order; a failed Newton iteration (after one refreshed Jacobian) halves it and returns
 * {@code +∞} to the loop. Between changes the step stays constant, so the iteration matrix is
 * refactored only every {@code k + 1} steps or so, and the Jacobian is re-evaluated only when the
 * iteration with the old one does not converge (Shampine &amp; Reichelt §2.3; SciPy). The first
 * step is of order 1 with the controller's first step size (Hairer's starting step, or
 * {@code dt0}); {@code restart()} (events, jumps) drops the history and starts again at order 1.
 * Rejected steps leave the history untouched (it is updated on {@code accept()}).
 *
 * <p>Dense output: the degree-{@code k} interpolating polynomial through {@code y_{n+1}, …,
 * y_{n+1−k}} (Newton's backward form), free. With a constant-step controller ({@code norm ==
 * null}) there is no estimate: the order rises by one after every {@code k + 1} steps up to {@link
 * #withMaxOrder}; Newton then iterates to rtol = atol = 1e-10.
 *
 * <p>Immutable; {@link #stepper} returns the mutable per-solve state.
 */
public final class Bdf implements Solver {
  /** Highest order of the family (BDF6 and up are not zero-stable enough to be useful). */
  public static final int MAX_ORDER = 5;
  private static final double[] NDF_KAPPA = {0, -0.1850, -1.0 / 9, -0.0823, -0.0415, 0};
  private static final double[] BDF_KAPPA = new double[MAX_ORDER + 1];

  private final boolean ndf;
  private final int maxOrder;
  private final double newtonTolerance;

  private Bdf(boolean ndf, int maxOrder, double newtonTolerance) {
    this.ndf = ndf;
    this.maxOrder = maxOrder;
    this.newtonTolerance = newtonTolerance;
  }

  /** Classical BDF, orders 1–5. */
  public Bdf() {
    this(false, MAX_ORDER, 0.03);
  }

  /** The numerical differentiation formulas (NDF) of {@code ode15s}, orders 1–5. */
  public static Bdf ndf() {
    return new Bdf(true, MAX_ORDER, 0.03);
  }

  /**
   * The same family with orders capped at {@code k} ({@code k = 2} keeps A-stability).
   *
   * @throws IllegalArgumentException unless {@code 1 ≤ k ≤ 5}
   */
  public Bdf withMaxOrder(int k) {
    if (k < 1 || k > MAX_ORDER) {
      throw new IllegalArgumentException(name() + ": max order must be in 1…" + MAX_ORDER
          + ", got " + k);
    }
    return new Bdf(ndf, k, newtonTolerance);
  }

  /**
   * Stopping tolerance κ of the Newton iteration as a fraction of the integration tolerance
   * (Hairer &amp; Wanner's {@code η‖Δ‖ ≤ κ}; default 0.03, SciPy's and {@code ode15s}'s loosest).
   *
   * @throws IllegalArgumentException unless {@code 0 < κ ≤ 1}
   */
  public Bdf withNewtonTolerance(double kappa) {
    if (!(kappa > 0 && kappa <= 1)) {
      throw new IllegalArgumentException(name() + ": Newton tolerance must be in (0, 1], got "
          + kappa);
    }
    return new Bdf(ndf, maxOrder, kappa);
  }

  /** True for the NDF variant. */
  public boolean isNdf() {
    return ndf;
  }

  @Override
  public String name() {
    return ndf ? "ndf" : "bdf";
  }

  /** The highest order used. */
  @Override
  public int order() {
    return maxOrder;
  }

  /**
   * The estimate at order {@code k} is of the local error of the order-{@code k} formula itself
   * ({@code O(h^{k+1})}), so the error order is the order.
   */
  @Override
  public int errorOrder() {
    return maxOrder;
  }

  /** The interpolating polynomial of the current order, up to {@link #order()}. */
  @Override
  public int interpolationOrder() {
    return maxOrder;
  }

  @Override
  public boolean isMultistep() {
    return true;
  }

  @Override
  public Stepper stepper(Term term) {
    Objects.requireNonNull(term, "term");
    return new BdfStepper(term, ndf ? NDF_KAPPA : BDF_KAPPA, maxOrder, newtonTolerance);
  }

  @Override
  public String toString() {
    return name() + "(maxOrder=" + maxOrder + ")";
  }
}
