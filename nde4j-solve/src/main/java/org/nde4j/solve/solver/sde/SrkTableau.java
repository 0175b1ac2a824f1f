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
 * later coefficient uses is not evaluated.
 */
final class SrkTableau {
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

  int stages() {
    return c.length;
  }

  boolean usesArea() {
    return bH != null;
  }

  boolean hasError() {
    return e != null;
  }
}
