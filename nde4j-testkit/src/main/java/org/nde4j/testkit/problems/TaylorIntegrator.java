package org.nde4j.testkit.problems;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * Fixed-step Taylor-series integrator in {@link BigDecimal}: the reference-solution generator of
 * this package.
 *
 * <p>Each step expands the solution to order {@code K} with the automatic Taylor coefficients of a
 * {@link TaylorSystem} ({@code y_{k+1} = f_k / (k + 1)}) and sums the series at the step size by
 * Horner's rule. The local error is {@code O(h^{K+1})} with no stability restriction beyond the
 * radius of convergence of the local series; every operation is rounded to the given
 * {@link MathContext}. A result is trusted when runs with step {@code h} and {@code h/2} (or orders
 * {@code K} and {@code K + 10}) agree to far more digits than a double holds; {@link
 * ReferenceGenerator} does exactly that for every stored reference.
 *
 * <p>Cost is {@code O(K²)} multiplications per product term per step, in arbitrary precision: fine
 * for references, far too slow for anything else.
 */
public final class TaylorIntegrator {
  private final TaylorSystem system;
  private final int order;
  private final MathContext mc;

  /**
   * @param system the vector field
   * @param order  the series order {@code K ≥ 1}
   * @param mc     working precision (40 digits or more for references)
   */
  public TaylorIntegrator(TaylorSystem system, int order, MathContext mc) {
    this.system = Objects.requireNonNull(system, "system");
    if (order < 1) {
      throw new IllegalArgumentException("order must be >= 1, got " + order);
    }
    this.order = order;
    this.mc = Objects.requireNonNull(mc, "mc");
  }

  /**
   * Integrates from {@code (t0, y0)} to {@code t1} in {@code steps} equal steps of
   * {@code (t1 − t0) / steps} (computed in the working precision; {@code t1 < t0} integrates
   * backwards).
   *
   * @return the state at {@code t1}, a fresh array
   * @throws IllegalArgumentException if {@code y0} has the wrong length or {@code steps < 1}
   */
  public BigDecimal[] integrate(BigDecimal t0, BigDecimal[] y0, BigDecimal t1, int steps) {
    int n = system.dim();
    if (y0.length != n) {
      throw new IllegalArgumentException("y0 has length " + y0.length + ", system dim " + n);
    }
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1, got " + steps);
    }
    BigDecimal h = t1.subtract(t0, mc).divide(BigDecimal.valueOf(steps), mc);
    BigDecimal[][] y = new BigDecimal[n][order + 1];
    BigDecimal[][] aux = new BigDecimal[system.auxiliaries()][order + 1];
    BigDecimal[] f = new BigDecimal[n];
    BigDecimal[] state = y0.clone();
    for (int s = 0; s < steps; s++) {
      // t from t0 + s h rather than by accumulation, and the last step lands on t1 exactly
      BigDecimal t = t0.add(h.multiply(BigDecimal.valueOf(s), mc), mc);
      for (int i = 0; i < n; i++) {
        y[i][0] = state[i];
      }
      for (int k = 0; k < order; k++) {
        system.coefficient(k, t, y, aux, f, mc);
        BigDecimal kp1 = BigDecimal.valueOf(k + 1);
        for (int i = 0; i < n; i++) {
          y[i][k + 1] = f[i].divide(kp1, mc);
        }
      }
      BigDecimal step = s == steps - 1 ? t1.subtract(t, mc) : h;
      for (int i = 0; i < n; i++) {
        BigDecimal acc = y[i][order];
        for (int k = order - 1; k >= 0; k--) {
          acc = acc.multiply(step, mc).add(y[i][k], mc);
        }
        state[i] = acc;
      }
    }
    return state;
  }

  /**
   * Integrates from {@code (t0, y0)} to {@code t1} with a step chosen afresh at every step from the
   * last two series coefficients (Jorba &amp; Zou 2005, §3.2): {@code h = min_{k ∈ {K−1, K}}
   * (tolerance · max(1, ‖y_0‖∞) / ‖y_k‖∞)^{1/k}} times 0.5, clipped to land on {@code t1}. The
   * tolerance bounds the local truncation error per step relative to the state's size; use it far
   * below the working precision's round-off only if the precision leaves room.
   *
   * @return the state at {@code t1}, a fresh array
   * @throws IllegalArgumentException if {@code y0} has the wrong length or {@code tolerance} is not
   *     in (0, 1)
   * @throws IllegalStateException if more than {@code 10_000_000} steps would be needed
   */
  public BigDecimal[] integrateAdaptive(BigDecimal t0, BigDecimal[] y0, BigDecimal t1,
      double tolerance) {
    int n = system.dim();
    if (y0.length != n) {
      throw new IllegalArgumentException("y0 has length " + y0.length + ", system dim " + n);
    }
    if (!(tolerance > 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
    }
    int direction = t1.compareTo(t0);
    BigDecimal[][] y = new BigDecimal[n][order + 1];
    BigDecimal[][] aux = new BigDecimal[system.auxiliaries()][order + 1];
    BigDecimal[] f = new BigDecimal[n];
    BigDecimal[] state = y0.clone();
    BigDecimal t = t0;
    double logTol = Math.log10(tolerance);
    for (int s = 0; direction != 0 && t.compareTo(t1) != 0; s++) {
      if (s >= 10_000_000) {
        throw new IllegalStateException("more than 10^7 steps at t = " + t.doubleValue());
      }
      for (int i = 0; i < n; i++) {
        y[i][0] = state[i];
      }
      for (int k = 0; k < order; k++) {
        system.coefficient(k, t, y, aux, f, mc);
        BigDecimal kp1 = BigDecimal.valueOf(k + 1);
        for (int i = 0; i < n; i++) {
          y[i][k + 1] = f[i].divide(kp1, mc);
        }
      }
      double logScale = Math.max(0, maxLog10Abs(y, 0));
      double logH = Double.POSITIVE_INFINITY;
      for (int k = Math.max(1, order - 1); k <= order; k++) {
        double logCoeff = maxLog10Abs(y, k);
        if (logCoeff != Double.NEGATIVE_INFINITY) {
          logH = Math.min(logH, (logTol + logScale - logCoeff) / k);
        }
      }
      BigDecimal remaining = t1.subtract(t, mc).abs();
      BigDecimal h = logH == Double.POSITIVE_INFINITY ? remaining
          : new BigDecimal(0.5 * Math.pow(10, logH), mc);
      if (h.compareTo(remaining) >= 0) {
        h = remaining;
      }
      if (direction < 0) {
        h = h.negate();
      }
      for (int i = 0; i < n; i++) {
        BigDecimal acc = y[i][order];
        for (int k = order - 1; k >= 0; k--) {
          acc = acc.multiply(h, mc).add(y[i][k], mc);
        }
        state[i] = acc;
      }
      t = h.abs().compareTo(remaining) == 0 ? t1 : t.add(h, mc);
    }
    return state;
  }

  private static double maxLog10Abs(BigDecimal[][] y, int k) {
    double m = Double.NEGATIVE_INFINITY;
    for (BigDecimal[] row : y) {
      m = Math.max(m, log10Abs(row[k]));
    }
    return m;
  }

  /** {@code log10 |x|}, also for magnitudes outside the double range; −∞ for zero. */
  static double log10Abs(BigDecimal x) {
    if (x.signum() == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    BigDecimal r = x.abs().round(new MathContext(17));
    return Math.log10(r.unscaledValue().doubleValue()) - r.scale();
  }

  /** Converts doubles exactly to {@link BigDecimal}. */
  public static BigDecimal[] exact(double[] y) {
    BigDecimal[] r = new BigDecimal[y.length];
    for (int i = 0; i < y.length; i++) {
      r[i] = new BigDecimal(y[i]);
    }
    return r;
  }

  /** Rounds each component to the nearest double. */
  public static double[] toDoubles(BigDecimal[] y) {
    double[] r = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      r[i] = y[i].doubleValue();
    }
    return r;
  }
}
