package org.nde4j.testkit.problems;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The matrix exponential in {@link BigDecimal}, for reference solutions of linear problems.
 *
 * <p>Scaling and squaring with a truncated Taylor series (Moler &amp; Van Loan, <i>Nineteen dubious
 * ways to compute the exponential of a matrix, twenty-five years later</i>, SIAM Review
 * 45(1):3–49, 2003, doi:10.1137/S00361445024180, method 3 + §3): with {@code s} chosen so that
 * {@code ‖A‖∞ / 2^s ≤ 1/16}, {@code exp(A) = (Σ_k (A/2^s)^k / k!)^{2^s}}, the series summed until a
 * term's norm is below {@code 10^{−(p+20)}}, everything in {@code p + 20} digits, then rounded to
 * {@code p}. Scaling by {@code 2^{−s}} is exact in decimal. The squarings amplify round-off by at
 * most about {@code 2^s}, which the 20 guard digits absorb for any matrix a test would use. Cost
 * {@code O(n³ (m + s))} arbitrary-precision operations: meant for n ≲ 50.
 */
public final class MatrixExponential {
  private static final int GUARD = 20;

  private MatrixExponential() {}

  /**
   * {@code exp(a)} to {@code mc.getPrecision()} significant digits (relative to the norm).
   *
   * @param a a square matrix, not modified
   * @throws IllegalArgumentException if {@code a} is not square
   */
  public static BigDecimal[][] exp(BigDecimal[][] a, MathContext mc) {
    int n = a.length;
    for (BigDecimal[] row : a) {
      if (row.length != n) {
        throw new IllegalArgumentException("exp: matrix is not square (" + n + " rows, a row of "
            + row.length + ")");
      }
    }
    MathContext wide = new MathContext(mc.getPrecision() + GUARD, RoundingMode.HALF_EVEN);
    double norm = normInf(a).doubleValue();
    int s = norm <= 1.0 / 16 ? 0 : (int) Math.ceil(Math.log(norm * 16) / Math.log(2));
    BigDecimal scale = new BigDecimal("0.5").pow(s);
    BigDecimal[][] b = new BigDecimal[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        b[i][j] = a[i][j].multiply(scale);
      }
    }
    BigDecimal[][] sum = identity(n);
    BigDecimal[][] term = identity(n);
    BigDecimal eps = BigDecimal.ONE.movePointLeft(wide.getPrecision());
    for (int k = 1; k < 10_000; k++) {
      term = multiply(term, b, wide);
      BigDecimal inverseK = BigDecimal.ONE.divide(BigDecimal.valueOf(k), wide);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          term[i][j] = term[i][j].multiply(inverseK, wide);
          sum[i][j] = sum[i][j].add(term[i][j], wide);
        }
      }
      if (normInf(term).compareTo(eps) < 0) {
        break;
      }
    }
    for (int i = 0; i < s; i++) {
      sum = multiply(sum, sum, wide);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        sum[i][j] = sum[i][j].round(mc);
      }
    }
    return sum;
  }

  /**
   * {@code exp(a t) v}, computed from the exact binary values of the arguments with 50-digit
   * arithmetic and rounded once per component.
   */
  public static double[] apply(double[][] a, double t, double[] v) {
    int n = a.length;
    if (v.length != n) {
      throw new IllegalArgumentException("apply: matrix is " + n + "x" + n + ", vector length "
          + v.length);
    }
    MathContext mc = new MathContext(50);
    BigDecimal bt = new BigDecimal(t);
    BigDecimal[][] at = new BigDecimal[n][];
    for (int i = 0; i < n; i++) {
      if (a[i].length != n) {
        throw new IllegalArgumentException("apply: matrix is not square");
      }
      at[i] = new BigDecimal[n];
      for (int j = 0; j < n; j++) {
        at[i][j] = new BigDecimal(a[i][j]).multiply(bt);
      }
    }
    BigDecimal[][] e = exp(at, mc);
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      BigDecimal s = BigDecimal.ZERO;
      for (int j = 0; j < n; j++) {
        s = s.add(e[i][j].multiply(new BigDecimal(v[j])), mc);
      }
      r[i] = s.doubleValue();
    }
    return r;
  }

  private static BigDecimal normInf(BigDecimal[][] a) {
    BigDecimal m = BigDecimal.ZERO;
    for (BigDecimal[] row : a) {
      BigDecimal s = BigDecimal.ZERO;
      for (BigDecimal x : row) {
        s = s.add(x.abs());
      }
      m = m.max(s);
    }
    return m;
  }

  private static BigDecimal[][] identity(int n) {
    BigDecimal[][] r = new BigDecimal[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        r[i][j] = i == j ? BigDecimal.ONE : BigDecimal.ZERO;
      }
    }
    return r;
  }

  private static BigDecimal[][] multiply(BigDecimal[][] x, BigDecimal[][] y, MathContext mc) {
    int n = x.length;
    BigDecimal[][] r = new BigDecimal[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        BigDecimal s = BigDecimal.ZERO;
        for (int k = 0; k < n; k++) {
          s = s.add(x[i][k].multiply(y[k][j]), mc);
        }
        r[i][j] = s;
      }
    }
    return r;
  }
}
