package org.nde4j.testkit.problems;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * The Brusselator, non-stiff two-component form (A = 1, B = 3).
 *
 * <pre>
 *   y1' = 1 + y1² y2 − 4 y1
 *   y2' = 3 y1 − y1² y2,      y(0) = (1.5, 3),   0 ≤ t ≤ 20
 * </pre>
 *
 * <p>E. Hairer, S. P. Nørsett, G. Wanner, <i>Solving Ordinary Differential Equations I</i>,
 * 2nd ed., Springer 1993, §II.10 (after Prigogine &amp; Lefever 1968). The solution approaches a
 * limit cycle; no closed form, no invariant. DOP853's original 8(6) pair is known to accept wrong
 * steps here, which makes it a good step-size-controller regression test.
 *
 * <p><b>Reference provenance.</b> {@link TaylorIntegrator} in {@link BigDecimal} with 60 working
 * digits, series order 40, 4000 fixed steps (h = 0.005) against 8000 steps: the runs agree to
 * {@value #AGREEMENT_DIGITS} significant digits or better in every component; each stored value is
 * the double nearest the 60-digit result, printed with 17 significant digits. Regenerate with
 * {@link ReferenceGenerator}.
 */
public final class Brusselator implements OdeProblem {
  private static final int AGREEMENT_DIGITS = 58;
  private static final double[] REFERENCE =
      {4.9863707126834783e-01, 4.5967803494520112e+00};

  @Override public String name() {
    return "brusselator";
  }

  @Override public String citation() {
    return "Hairer, Norsett, Wanner, Solving ODEs I, 2nd ed., Springer 1993, sec. II.10";
  }

  @Override public int dim() {
    return 2;
  }

  @Override public double t0() {
    return 0;
  }

  @Override public double t1() {
    return 20;
  }

  @Override public double[] y0() {
    return new double[] {1.5, 3};
  }

  @Override public void rhs(double t, double[] y, double[] dy) {
    double p = y[0] * y[0] * y[1];
    dy[0] = 1 + p - 4 * y[0];
    dy[1] = 3 * y[0] - p;
  }

  @Override public Optional<double[]> exact(double t) {
    return Optional.empty();
  }

  @Override public double[] reference() {
    return REFERENCE.clone();
  }

  /** Auxiliary series: {@code aux[0] = y1²}, {@code aux[1] = y1² y2}. */
  static TaylorSystem taylorSystem() {
    return new TaylorSystem() {
      @Override public int dim() {
        return 2;
      }

      @Override public int auxiliaries() {
        return 2;
      }

      @Override public void coefficient(int k, BigDecimal t, BigDecimal[][] y, BigDecimal[][] aux,
          BigDecimal[] f, MathContext mc) {
        aux[0][k] = TaylorSystem.cauchy(y[0], y[0], k, mc);
        aux[1][k] = TaylorSystem.cauchy(aux[0], y[1], k, mc);
        BigDecimal constant = k == 0 ? BigDecimal.ONE : BigDecimal.ZERO;
        f[0] = constant.add(aux[1][k], mc)
            .subtract(BigDecimal.valueOf(4).multiply(y[0][k], mc), mc);
        f[1] = BigDecimal.valueOf(3).multiply(y[0][k], mc).subtract(aux[1][k], mc);
      }
    };
  }
}
