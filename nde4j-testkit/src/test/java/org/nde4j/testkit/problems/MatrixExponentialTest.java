package org.nde4j.testkit.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.math.BigDecimal;
import java.math.MathContext;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.junit.jupiter.api.Test;

/** The BigDecimal matrix exponential and the linear problem built on it. */
class MatrixExponentialTest {
  private static final MathContext MC = new MathContext(50);

  private static BigDecimal[][] big(double[][] a) {
    BigDecimal[][] r = new BigDecimal[a.length][];
    for (int i = 0; i < a.length; i++) {
      r[i] = TaylorIntegrator.exact(a[i]);
    }
    return r;
  }

  /** exp of a rotation generator is a rotation: cos θ, sin θ; θ = 3 exercises the squarings. */
  @Test void rotation() {
    BigDecimal[][] e = MatrixExponential.exp(big(new double[][] {{0, 3}, {-3, 0}}), MC);
    assertThat(e[0][0].doubleValue()).isEqualTo(Math.cos(3), offset(1e-16));
    assertThat(e[0][1].doubleValue()).isEqualTo(Math.sin(3), offset(1e-16));
    assertThat(e[1][0].doubleValue()).isEqualTo(-Math.sin(3), offset(1e-16));
    // cos 3 to 40 digits (independent of BigMath): −0.98999249660044545727157279473126130239367909
    assertThat(e[0][0].subtract(new BigDecimal("-0.98999249660044545727157279473126130239367909"))
        .abs()).isLessThan(new BigDecimal("1e-43"));
  }

  /** A nilpotent matrix's series terminates: exp [[0, 1], [0, 0]] = [[1, 1], [0, 1]] exactly. */
  @Test void nilpotent() {
    BigDecimal[][] e = MatrixExponential.exp(big(new double[][] {{0, 1}, {0, 0}}), MC);
    assertThat(e[0][0].compareTo(BigDecimal.ONE)).isZero();
    assertThat(e[0][1].compareTo(BigDecimal.ONE)).isZero();
    assertThat(e[1][0].signum()).isZero();
  }

  /** A diagonal matrix with a large norm: exp(−20) and exp(3). */
  @Test void largeDiagonal() {
    double[] r = MatrixExponential.apply(new double[][] {{-20, 0}, {0, 3}}, 1, new double[] {1, 1});
    assertThat(r[0]).isEqualTo(Math.exp(-20), offset(Math.ulp(Math.exp(-20))));
    assertThat(r[1]).isEqualTo(Math.exp(3), offset(Math.ulp(Math.exp(3))));
  }

  /** exp(A) exp(−A) = I for the linear problem's matrix, to 45 digits. */
  @Test void inverse() {
    double[][] a = LinearProblem.standard().matrix();
    double[][] minus = new double[10][10];
    for (int i = 0; i < 10; i++) {
      for (int j = 0; j < 10; j++) {
        minus[i][j] = -a[i][j];
      }
    }
    BigDecimal[][] p = MatrixExponential.exp(big(a), MC);
    BigDecimal[][] q = MatrixExponential.exp(big(minus), MC);
    for (int i = 0; i < 10; i++) {
      for (int j = 0; j < 10; j++) {
        BigDecimal s = BigDecimal.ZERO;
        for (int k = 0; k < 10; k++) {
          s = s.add(p[i][k].multiply(q[k][j]));
        }
        BigDecimal expected = i == j ? BigDecimal.ONE : BigDecimal.ZERO;
        assertThat(s.subtract(expected).abs()).isLessThan(new BigDecimal("1e-45"));
      }
    }
  }

  @Test void rejectsNonSquare() {
    assertThatThrownBy(() -> MatrixExponential.exp(new BigDecimal[][] {{BigDecimal.ONE,
        BigDecimal.ONE}}, MC)).hasMessageContaining("not square");
  }

  /** As documented: every eigenvalue has real part ≤ −1/2, and the norm is modest. */
  @Test void linearProblemIsStableAndModest() {
    LinearProblem p = LinearProblem.standard();
    assertThat(p.seed()).isEqualTo(7);
    EigenDecompositionNonSymmetric eig =
        new EigenDecompositionNonSymmetric(new Array2DRowRealMatrix(p.matrix()));
    double maxRe = Double.NEGATIVE_INFINITY;
    double minRe = Double.POSITIVE_INFINITY;
    for (Complex lambda : eig.getEigenvalues()) {
      double re = lambda.getReal();
      maxRe = Math.max(maxRe, re);
      minRe = Math.min(minRe, re);
    }
    assertThat(maxRe).isLessThanOrEqualTo(-0.5);
    assertThat(minRe).isGreaterThan(-5);
    // the same seed gives the same problem
    assertThat(LinearProblem.random(10, 7, 1).matrix()).isDeepEqualTo(p.matrix());
    assertThat(LinearProblem.random(10, 8, 1).matrix()).isNotEqualTo(p.matrix());
  }
}
