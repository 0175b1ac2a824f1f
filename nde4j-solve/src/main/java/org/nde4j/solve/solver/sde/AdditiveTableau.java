package org.nde4j.solve.solver.sde;

/**
 * The coefficients of an explicit stochastic Runge–Kutta method for additive noise {@code dy =
 * f(t, y) dt + g(t) dW}, in the form of Diffrax's additive-noise SRKs (Foster, dos Reis, Strange,
 * arXiv:2210.17543, §5–6): with {@code W} the step's increment, {@code H} its space-time Lévy
 * area, {@code g0 = g(t)}, {@code g1 = g(t + h)} and {@code f_i = f(t + c_i h, z_i)},
 *
 * <pre>
 *   z_j   = y0 + h Σ_{i&lt;j} a_ji f_i + g0 (aW_j W + aH_j H)
 *   y1    = y0 + h Σ_j b_j f_j + g0 (bW W + bH H) + (g1 − g0)(½ W − H)
 *   error =      h Σ_j e_j f_j
 * </pre>
 *
 * <p>The last term of {@code y1} integrates a time-dependent diffusion to the order of the
 * method: {@code ∫ g dW ≈ g0 W + g'(t) ∫ (s − t) dW} and {@code ∫ (s − t) dW = h (½ W − H)}.
 */
public final class AdditiveTableau {
  final double[] c;
  final double[][] a;
  final double[] aW;
  final double[] aH;
  final double[] b;
  final double bW;
  final double bH;
  final double[] e;

  AdditiveTableau(double[] c, double[][] a, double[] aW, double[] aH, double[] b, double bW,
      double bH, double[] e) {
    this.c = c;
    this.a = a;
    this.aW = aW;
    this.aH = aH;
    this.b = b;
    this.bW = bW;
    this.bH = bH;
    this.e = e;
  }

  /** Number of stages (drift evaluations). */
  public int stages() {
    return c.length;
  }

  /** Node {@code c_j}. */
  public double c(int j) {
    return c[j];
  }

  /** Drift coefficient {@code a_ji} ({@code i < j}). */
  public double a(int j, int i) {
    return a[j][i];
  }

  /** Increment coefficient {@code aW_j} of stage {@code j}. */
  public double aW(int j) {
    return aW[j];
  }

  /** Lévy-area coefficient {@code aH_j} of stage {@code j}. */
  public double aH(int j) {
    return aH[j];
  }

  /** Drift weight {@code b_j}. */
  public double b(int j) {
    return b[j];
  }

  /** Increment weight {@code bW}. */
  public double bW() {
    return bW;
  }

  /** Lévy-area weight {@code bH}. */
  public double bH() {
    return bH;
  }
}
