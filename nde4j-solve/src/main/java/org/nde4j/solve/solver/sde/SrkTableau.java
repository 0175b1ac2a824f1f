package org.nde4j.solve.solver.sde;

/**
 * The coefficients of an explicit stochastic Runge–Kutta method for general noise, in the form of
 * Diffrax's {@code StochasticButcherTableau} (Foster, dos Reis, Strange 2023, §2): with {@code W}
 * the step's Brownian increment, {@code H} its space-time Lévy area, {@code f_i = f(t + c_i h,
 * z_i)} and {@code G_i = g(t + c_i h, z_i)},
 *
 * <pre>
 *   z_j     = y0 + h Σ_{i&lt;j} a_ji f_i + Σ_{i&lt;j} G_i (aW_ji W + aH_ji H)
 *   y1      = y0 + h Σ_j b_j f_j + Σ_j G_j (bW_j W + bH_j H)
 *   error   =      h Σ_j e_j f_j + Σ_j G_j (eW_j W + eH_j H)
 * </pre>
 *
 * <p>Lower-triangular rows are given without their zero diagonal; {@code aH}, {@code bH} null
 * means no Lévy area, {@code e} null no error estimate. A stage whose drift (or diffusion) no
 * later coefficient uses is not evaluated. Read by the discrete adjoint's step VJP ({@code
 * org.nde4j.solve.adjoint}) through the accessors; not constructible outside this package.
 */
public final class SrkTableau {
  final double[] c;
  final double[][] a;
  final double[][] aW;
  final double[][] aH;
  final double[] b;
  final double[] bW;
  final double[] bH;
  final double[] e;
  final double[] eW;
  final double[] eH;
  final boolean[] needF;
  final boolean[] needG;

  SrkTableau(double[] c, double[][] a, double[][] aW, double[][] aH, double[] b, double[] bW,
      double[] bH, double[] e, double[] eW, double[] eH) {
    this.c = c;
    this.a = a;
    this.aW = aW;
    this.aH = aH;
    this.b = b;
    this.bW = bW;
    this.bH = bH;
    this.e = e;
    this.eW = eW;
    this.eH = eH;
    int s = c.length;
    this.needF = new boolean[s];
    this.needG = new boolean[s];
    for (int j = 0; j < s; j++) {
      needF[j] = b[j] != 0 || (e != null && e[j] != 0);
      needG[j] = bW[j] != 0 || (bH != null && bH[j] != 0) || (eW != null && eW[j] != 0)
          || (eH != null && eH[j] != 0);
      for (int k = j + 1; k < s; k++) {
        needF[j] |= a[k][j] != 0;
        needG[j] |= aW[k][j] != 0 || (aH != null && aH[k][j] != 0);
      }
    }
  }

  /** Number of stages. */
  public int stages() {
    return c.length;
  }

  /** Whether the method uses the space-time Lévy area {@code H}. */
  public boolean usesArea() {
    return bH != null;
  }

  boolean hasError() {
    return e != null;
  }

  /** Node {@code c_j}. */
  public double c(int j) {
    return c[j];
  }

  /** Drift coefficient {@code a_ji} ({@code i < j}). */
  public double a(int j, int i) {
    return a[j][i];
  }

  /** Increment coefficient {@code aW_ji} ({@code i < j}). */
  public double aW(int j, int i) {
    return aW[j][i];
  }

  /** Lévy-area coefficient {@code aH_ji} ({@code i < j}); 0 without Lévy area. */
  public double aH(int j, int i) {
    return aH == null ? 0 : aH[j][i];
  }

  /** Drift weight {@code b_j}. */
  public double b(int j) {
    return b[j];
  }

  /** Increment weight {@code bW_j}. */
  public double bW(int j) {
    return bW[j];
  }

  /** Lévy-area weight {@code bH_j}; 0 without Lévy area. */
  public double bH(int j) {
    return bH == null ? 0 : bH[j];
  }

  /** Whether stage {@code j}'s drift is evaluated (a weight or a later stage reads it). */
  public boolean needsDrift(int j) {
    return needF[j];
  }

  /** Whether stage {@code j}'s diffusion is evaluated. */
  public boolean needsDiffusion(int j) {
    return needG[j];
  }
}
