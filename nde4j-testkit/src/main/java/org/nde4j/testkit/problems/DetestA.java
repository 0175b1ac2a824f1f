package org.nde4j.testkit.problems;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The scalar problems A1–A5 of the DETEST non-stiff test set, all on {@code 0 ≤ t ≤ 20}.
 *
 * <pre>
 *   A1  y' = −y,                y(0) = 1,  y = e^{−t}
 *   A2  y' = −y³/2,             y(0) = 1,  y = 1/√(t + 1)
 *   A3  y' = y cos t,           y(0) = 1,  y = e^{sin t}
 *   A4  y' = (y/4)(1 − y/20),   y(0) = 1,  y = 20/(1 + 19 e^{−t/4})
 *   A5  y' = (y − t)/(y + t),   y(0) = 4,  no closed form
 * </pre>
 *
 * <p>T. E. Hull, W. H. Enright, B. M. Fellen, A. E. Sedgwick, <i>Comparing numerical methods for
 * ordinary differential equations</i>, SIAM J. Numer. Anal. 9(4):603–637, 1972,
 * doi:10.1137/0709052 (class A: single equations). Closed forms are evaluated in double with
 * {@link Math} (a few ulps).
 *
 * <p><b>A5 reference provenance.</b> {@link TaylorIntegrator} in {@link BigDecimal} with 60 working
 * digits, series order 40, 2000 fixed steps (h = 0.01) against 4000 steps: the runs agree to
 * {@value #A5_AGREEMENT_DIGITS} significant digits or better; the stored value is the double
 * nearest the 60-digit result, y(20) = −0.788782668896401423730715579699570… Regenerate with
 * {@link ReferenceGenerator}.
 */
public final class DetestA implements OdeProblem {
  private static final int A5_AGREEMENT_DIGITS = 57;
  private static final double A5_REFERENCE = -7.8878266889640147e-01;

  private final int index;
  private final double y0;
  private final DoubleBinaryOperator f;
  private final DoubleUnaryOperator solution;

  private DetestA(int index, double y0, DoubleBinaryOperator f, DoubleUnaryOperator solution) {
    this.index = index;
    this.y0 = y0;
    this.f = f;
    this.solution = solution;
  }

  /** A1: {@code y' = −y}, {@code y(0) = 1}; exact {@code e^{−t}}. */
  public static DetestA a1() {
    return new DetestA(1, 1, (t, y) -> -y, t -> Math.exp(-t));
  }

  /** A2: {@code y' = −y³/2}, {@code y(0) = 1}; exact {@code 1/√(t + 1)}. */
  public static DetestA a2() {
    return new DetestA(2, 1, (t, y) -> -0.5 * y * y * y, t -> 1 / Math.sqrt(t + 1));
  }

  /** A3: {@code y' = y cos t}, {@code y(0) = 1}; exact {@code e^{sin t}}. */
  public static DetestA a3() {
    return new DetestA(3, 1, (t, y) -> y * Math.cos(t), t -> Math.exp(Math.sin(t)));
  }

  /** A4: {@code y' = (y/4)(1 − y/20)}, {@code y(0) = 1}; exact {@code 20/(1 + 19 e^{−t/4})}. */
  public static DetestA a4() {
    return new DetestA(4, 1, (t, y) -> 0.25 * y * (1 - y / 20),
        t -> 20 / (1 + 19 * Math.exp(-0.25 * t)));
  }

  /** A5: {@code y' = (y − t)/(y + t)}, {@code y(0) = 4}; stored reference only. */
  public static DetestA a5() {
    return new DetestA(5, 4, (t, y) -> (y - t) / (y + t), null);
  }

  /** A1 to A5 in order. */
  public static List<DetestA> all() {
    return List.of(a1(), a2(), a3(), a4(), a5());
  }

  @Override public String name() {
    return "detest-a" + index;
  }

  @Override public String citation() {
    return "Hull, Enright, Fellen, Sedgwick, Comparing numerical methods for ordinary differential"
        + " equations, SIAM J. Numer. Anal. 9(4):603-637, 1972, problem A" + index;
  }

  @Override public int dim() {
    return 1;
  }

  @Override public double t0() {
    return 0;
  }

  @Override public double t1() {
    return 20;
  }

  @Override public double[] y0() {
    return new double[] {y0};
  }

  @Override public void rhs(double t, double[] y, double[] dy) {
    dy[0] = f.applyAsDouble(t, y[0]);
  }

  @Override public Optional<double[]> exact(double t) {
    return solution == null ? Optional.empty()
        : Optional.of(new double[] {solution.applyAsDouble(t)});
  }

  @Override public double[] reference() {
    return new double[] {solution == null ? A5_REFERENCE : solution.applyAsDouble(20)};
  }

  /**
   * A5 in Taylor-coefficient form: {@code q = u / v} with {@code u = y − t}, {@code v = y + t},
   * {@code q_k = (u_k − Σ_{j=1..k} v_j q_{k−j}) / v_0}; {@code aux[0] = q}.
   */
  static TaylorSystem a5TaylorSystem() {
    return new TaylorSystem() {
      @Override public int dim() {
        return 1;
      }

      @Override public int auxiliaries() {
        return 1;
      }

      @Override public void coefficient(int k, BigDecimal t, BigDecimal[][] y, BigDecimal[][] aux,
          BigDecimal[] f, MathContext mc) {
        BigDecimal[] q = aux[0];
        BigDecimal s = shifted(y[0], k, t, -1, mc);
        for (int j = 1; j <= k; j++) {
          s = s.subtract(shifted(y[0], j, t, 1, mc).multiply(q[k - j], mc), mc);
        }
        q[k] = s.divide(shifted(y[0], 0, t, 1, mc), mc);
        f[0] = q[k];
      }

      /** Coefficient {@code j} of {@code y + sign·(t + τ)}. */
      private BigDecimal shifted(BigDecimal[] y, int j, BigDecimal t, int sign, MathContext mc) {
        if (j == 0) {
          return sign > 0 ? y[0].add(t, mc) : y[0].subtract(t, mc);
        }
        if (j == 1) {
          return sign > 0 ? y[1].add(BigDecimal.ONE, mc) : y[1].subtract(BigDecimal.ONE, mc);
        }
        return y[j];
      }
    };
  }
}
