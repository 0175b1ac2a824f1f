package org.nde4j.testkit.problems;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The right-hand side of {@code y' = f(t, y)} in Taylor-coefficient form, for
 * {@link TaylorIntegrator}: automatic Taylor coefficients of polynomial and rational vector fields
 * by the classical recurrences (Cauchy products, quotient recurrence; Moore, <i>Interval
 * Analysis</i>, 1966; Jorba &amp; Zou, Experiment. Math. 14(1):99–117, 2005).
 *
 * <p>Around the current point the solution is {@code y_i(t + τ) = Σ_j y[i][j] τ^j}. The integrator
 * calls {@link #coefficient} for {@code k = 0, 1, 2, …} in order; at call {@code k} the
 * coefficients {@code y[i][0..k]} are known and the implementation writes the {@code k}-th Taylor
 * coefficient of {@code f_i(t + τ, y(t + τ))} into {@code f[i]}. Intermediate series (for example
 * {@code y1²} or a quotient) live in {@code aux[a][0..k]}: the implementation fills {@code
 * aux[a][k]} at call {@code k} and may read lower orders. Implementations hold no state and are
 * thread-safe.
 */
public interface TaylorSystem {

  /** Number of state components. */
  int dim();

  /** Number of auxiliary series the recurrences need (rows of {@code aux}). */
  default int auxiliaries() {
    return 0;
  }

  /**
   * Writes the {@code k}-th Taylor coefficient of {@code f(t + τ, y(t + τ))} into {@code f}.
   *
   * @param k   the order, called for 0, 1, 2, … in turn within one expansion
   * @param t   the expansion point (the time series is {@code t + τ})
   * @param y   {@code y[i][j]}: coefficients known for {@code j ≤ k}
   * @param aux auxiliary series, to be filled at index {@code k}
   * @param f   output, length {@link #dim()}
   * @param mc  the working precision
   */
  void coefficient(int k, BigDecimal t, BigDecimal[][] y, BigDecimal[][] aux, BigDecimal[] f,
      MathContext mc);

  /** {@code Σ_{j=0..k} a[j] b[k−j]}: the k-th coefficient of a product of two series. */
  static BigDecimal cauchy(BigDecimal[] a, BigDecimal[] b, int k, MathContext mc) {
    BigDecimal s = BigDecimal.ZERO;
    for (int j = 0; j <= k; j++) {
      s = s.add(a[j].multiply(b[k - j]), mc);
    }
    return s;
  }
}
