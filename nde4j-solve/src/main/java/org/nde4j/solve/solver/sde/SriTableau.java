package org.nde4j.solve.solver.sde;

/**
 * The coefficients of an explicit stochastic Runge–Kutta method of Rößler's SRI class for Itô SDEs
 * with scalar or diagonal noise (A. Rößler, <i>Runge–Kutta methods for the strong approximation
 * of solutions of stochastic differential equations</i>, SIAM J. Numer. Anal. 48(3):922–952,
 * 2010, doi:10.1137/09076636X, §5). Per noise channel, with {@code I_(1)} the step's increment,
 * {@code I_(1,1)}, {@code I_(1,0)}, {@code I_(1,1,1)} its iterated Itô integrals,
 * {@code f_i = f(t + c0_i h, H0_i)} and {@code g_i = g(t + c1_i h, H1_i)}:
 *
 * <pre>
 *   H0_i = y0 + h Σ_{j&lt;i} A0_ij f_j + Σ_{j&lt;i} B0_ij g_j I_(1,0)/h
 *   H1_i = y0 + h Σ_{j&lt;i} A1_ij f_j + Σ_{j&lt;i} B1_ij g_j √h
 *   y1   = y0 + h Σ_i α_i f_i
 *            + Σ_i g_i (β1_i I_(1) + β2_i I_(1,1)/√h + β3_i I_(1,0)/h + β4_i I_(1,1,1)/h)
 * </pre>
 *
 * <p>Lower-triangular rows are given without their zero diagonal. A stage whose drift (or
 * diffusion) no weight and no later stage reads is not evaluated.
 */
final class SriTableau {
  final double[] c0;
  final double[] c1;
  final double[][] a0;
  final double[][] a1;
  final double[][] b0;
  final double[][] b1;
  final double[] alpha;
  final double[] beta1;
  final double[] beta2;
  final double[] beta3;
  final double[] beta4;
  final boolean[] needF;
  final boolean[] needG;

  SriTableau(double[] c0, double[] c1, double[][] a0, double[][] a1, double[][] b0,
      double[][] b1, double[] alpha, double[] beta1, double[] beta2, double[] beta3,
      double[] beta4) {
    this.c0 = c0;
    this.c1 = c1;
    this.a0 = a0;
    this.a1 = a1;
    this.b0 = b0;
    this.b1 = b1;
    this.alpha = alpha;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.beta3 = beta3;
    this.beta4 = beta4;
    int s = c0.length;
    this.needF = new boolean[s];
    this.needG = new boolean[s];
    for (int j = 0; j < s; j++) {
      needF[j] = alpha[j] != 0;
      needG[j] = beta1[j] != 0 || beta2[j] != 0 || beta3[j] != 0 || beta4[j] != 0;
      for (int k = j + 1; k < s; k++) {
        needF[j] |= a0[k][j] != 0 || a1[k][j] != 0;
        needG[j] |= b0[k][j] != 0 || b1[k][j] != 0;
      }
    }
  }

  int stages() {
    return c0.length;
  }
}
