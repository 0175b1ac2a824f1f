package org.nde4j.solve.solver.implicit;

/**
 * Kværnø's 3(2) ESDIRK: order 3 with an embedded order-2 estimate, four stages (the first
 * explicit), L-stable, stiffly accurate, FSAL; the embedded solution is the third stage (also at
 * {@code c = 1}). All coefficients are functions of {@code γ = 0.43586652150} (the L-stable SDIRK
 * value):
 *
 * <pre>
 *   a21 = γ
 *   a31 = (−4γ² + 6γ − 1)/(4γ),   a32 = (1 − 2γ)/(4γ)
 *   a41 = (6γ − 1)/(12γ),   a42 = −1/((24γ − 12)γ),   a43 = (−6γ² + 6γ − 1)/(6γ − 3)
 * </pre>
 *
 * <p>A. Kværnø, <i>Singly diagonally implicit Runge–Kutta methods with an explicit first stage</i>,
 * BIT 44(3):489–502, 2004, doi:10.1023/B:BITN.0000046811.70614.38. Coefficients as in Diffrax
 * {@code _solver/kvaerno3.py}, cross-checked against OrdinaryDiffEq {@code sdirk_tableaus.jl}
 * ({@code Kvaerno3Tableau}, decimals to 1e-12); stage predictors from Diffrax. Dense output: cubic
 * Hermite. Catalogue name {@code kvaerno3}.
 */
public final class Kvaerno3 extends AbstractEsdirk {
  private static final double G = 0.43586652150;
  private static final double A31 = (-4 * G * G + 6 * G - 1) / (4 * G);
  private static final double A32 = (-2 * G + 1) / (4 * G);
  private static final double A41 = (6 * G - 1) / (12 * G);
  private static final double A42 = -1 / ((24 * G - 12) * G);
  private static final double A43 = (-6 * G * G + 6 * G - 1) / (6 * G - 3);
  private static final double THETA = 1 / (2 * G);
  private static final DirkTableau TABLEAU = DirkTableau.builder()
      .gamma(G)
      .c(0, 2 * G, 1, 1)
      .a(new double[][] {{}, {G}, {A31, A32}, {A41, A42, A43}})
      .b(A41, A42, A43, G)
      .bHat(A31, A32, G, 0)
      .predictor(new double[][] {{}, {1}, {1 - THETA, THETA}, {A31, A32, G}})
      .build();

  /** With the default Jacobian policy ({@link JacobianReuse#EVERY_STEP}). */
  public Kvaerno3() {
    this(JacobianReuse.EVERY_STEP);
  }

  public Kvaerno3(JacobianReuse reuse) {
    super("kvaerno3", TABLEAU, 3, 2, reuse);
  }
}
