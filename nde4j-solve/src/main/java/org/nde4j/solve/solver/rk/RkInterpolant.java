package org.nde4j.solve.solver.rk;

/**
 * Dense output of a Runge–Kutta step as continuous weights: {@code y(t0 + θh) = y0 + h Σ_i
 * b_i(θ) k_i}, where the sum runs over the method's stages and, for interpolants that need them
 * (DOP853, Verner), extra stages evaluated once per step on demand. Each {@code b_i(θ)} is a
 * polynomial without constant term, stored as the coefficients of {@code θ, θ², …}.
 *
 * <p>{@link #hermite(ButcherTableau)} builds the cubic Hermite fallback from the step's end points
 * and slopes (one extra evaluation unless the method is FSAL).
 */
public final class RkInterpolant {
  private final int order;
  private final double[] cExtra;
  private final double[][] aExtra;
  private final double[][] weights;

  /**
   * @param order the interpolation order
   * @param cExtra nodes of the extra stages (may be empty)
   * @param aExtra row {@code j} holds {@code s + j} coefficients over the main stages and the
   *     earlier extra stages
   * @param weights {@code weights[i][p]} is the coefficient of {@code θ^(p+1)} in {@code b_i(θ)},
   *     one row per stage (main then extra)
   * @throws IllegalArgumentException if the sizes do not fit together or a row of {@code aExtra}
   *     does not sum to its node
   */
  public RkInterpolant(int order, double[] cExtra, double[][] aExtra, double[][] weights) {
    if (aExtra.length != cExtra.length) {
      throw new IllegalArgumentException("RkInterpolant: one row of aExtra per extra node needed,"
          + " got " + aExtra.length + " rows for " + cExtra.length + " nodes");
    }
    int s = weights.length - cExtra.length;
    for (int j = 0; j < aExtra.length; j++) {
      if (aExtra[j].length != s + j) {
        throw new IllegalArgumentException("RkInterpolant: extra row " + j + " must have " + (s + j)
            + " entries, got " + aExtra[j].length);
      }
      double sum = 0;
      for (double v : aExtra[j]) {
        sum += v;
      }
      if (Math.abs(sum - cExtra[j]) > 1e-13 * Math.max(1, Math.abs(cExtra[j]))) {
        throw new IllegalArgumentException("RkInterpolant: extra row " + j + " sums to " + sum
            + " but its node is " + cExtra[j]);
      }
    }
    this.order = order;
    this.cExtra = cExtra.clone();
    this.aExtra = new double[aExtra.length][];
    for (int j = 0; j < aExtra.length; j++) {
      this.aExtra[j] = aExtra[j].clone();
    }
    this.weights = new double[weights.length][];
    for (int i = 0; i < weights.length; i++) {
      this.weights[i] = weights[i].clone();
    }
  }

  /**
   * The cubic Hermite interpolant through {@code y0, y1} with slopes {@code f(t0, y0) = k_1} and
   * {@code f(t1, y1)} (the last stage of an FSAL method, otherwise one extra stage with {@code a =
   * b}). Third order.
   */
  public static RkInterpolant hermite(ButcherTableau t) {
    int s = t.stages();
    boolean fsal = t.isFsal();
    int total = fsal ? s : s + 1;
    double[][] w = new double[total][];
    for (int i = 0; i < total; i++) {
      double bi = i < s ? t.b(i) : 0;
      // y(θ) = y0 + h01(θ)·hΣb_i k_i + h10(θ)·h f0 + h11(θ)·h f1, with the Hermite basis
      // h01 = 3θ² − 2θ³, h10 = θ − 2θ² + θ³, h11 = −θ² + θ³.
      double[] p = {0, 3 * bi, -2 * bi};
      if (i == 0) {
        p[0] += 1;
        p[1] -= 2;
        p[2] += 1;
      }
      if (i == total - 1) {
        p[1] -= 1;
        p[2] += 1;
      }
      w[i] = p;
    }
    double[] cExtra = fsal ? new double[0] : new double[] {1};
    double[][] aExtra = fsal ? new double[0][] : new double[][] {t.b()};
    return new RkInterpolant(3, cExtra, aExtra, w);
  }

  /** Order of accuracy of the dense output. */
  public int order() {
    return order;
  }

  /**
   * Number of extra stages the interpolant evaluates once per step on demand (0 when it reads the
   * method's stages alone).
   */
  public int extraStages() {
    return cExtra.length;
  }

  double cExtra(int j) {
    return cExtra[j];
  }

  double[] aExtraRow(int j) {
    return aExtra[j];
  }

  /**
   * Writes {@code b_i(θ)} for every stage (main then extra) into {@code out}, {@link
   * #totalStages()} values: {@code y(t0 + θh) = y0 + h Σ_i b_i(θ) k_i}.
   */
  public void weights(double theta, double[] out) {
    for (int i = 0; i < weights.length; i++) {
      double[] p = weights[i];
      double acc = 0;
      for (int k = p.length - 1; k >= 0; k--) {
        acc = (acc + p[k]) * theta;
      }
      out[i] = acc;
    }
  }

  /**
   * Writes the derivatives {@code b_i'(θ)} for every stage (main then extra) into {@code out}:
   * {@code dy/dt (t0 + θh) = Σ_i b_i'(θ) k_i}.
   */
  public void weightDerivatives(double theta, double[] out) {
    for (int i = 0; i < weights.length; i++) {
      double[] p = weights[i];
      double acc = 0;
      for (int k = p.length - 1; k >= 0; k--) {
        acc = acc * theta + (k + 1) * p[k];
      }
      out[i] = acc;
    }
  }

  /** Number of stages the weights cover: the method's, then the extra ones. */
  public int totalStages() {
    return weights.length;
  }
}
