package org.nde4j.solve.solver.implicit;

/**
 * Kværnø's 5(4) ESDIRK: order 5 with an embedded order-4 estimate, seven stages (the first
 * explicit), {@code γ = 0.26}, L-stable, stiffly accurate, FSAL; the embedded solution is the
 * sixth stage (at {@code c = 1}). Note {@code c_3 ≈ 1.23 > 1}: one stage lies past the step's end.
 *
 * <p>A. Kværnø, <i>Singly diagonally implicit Runge–Kutta methods with an explicit first stage</i>,
 * BIT 44(3):489–502, 2004, doi:10.1023/B:BITN.0000046811.70614.38. Coefficients (17 digits) as in
 * Diffrax {@code _solver/kvaerno5.py}, identical to OrdinaryDiffEq {@code sdirk_tableaus.jl}
 * ({@code Kvaerno5Tableau}); stage predictors from Diffrax (OrdinaryDiffEq's Hermite-extrapolation
 * predictors, with {@code α21 = 1}). Dense output: cubic Hermite. Catalogue name {@code kvaerno5}.
 */
public final class Kvaerno5 extends AbstractEsdirk {
  private static final double G = 0.26;
  private static final double[] A6 = {0.13855640231268224, 0, -0.04245337201752043,
      0.02446657898003141, 0.61943039072480676};
  private static final double[] A7 = {0.13659751177640291, 0, -0.05496908796538376,
      -0.04118626728321046, 0.62993304899016403, 0.06962479448202728};
  private static final DirkTableau TABLEAU = DirkTableau.builder()
      .gamma(G)
      .c(0, 0.52, 1.230333209967908, 0.8957659843500759, 0.43639360985864756, 1, 1)
      .a(new double[][] {
          {},
          {G},
          {0.13, 0.84033320996790809},
          {0.22371961478320505, 0.47675532319799699, -0.06470895363112615},
          {0.16648564323248321, 0.10450018841591720, 0.03631482272098715, -0.13090704451073998},
          A6,
          A7})
      .b(A7[0], A7[1], A7[2], A7[3], A7[4], A7[5], G)
      .bHat(A6[0], A6[1], A6[2], A6[3], A6[4], G, 0)
      .predictor(new double[][] {
          {},
          {1},
          {-1.366025403784441, 2.3660254037844357},
          {-0.19650552613122207, 0.8113579546496623, 0.38514757148155954},
          {0.10375304369958693, 0.937994698066431, -0.04174774176601781, 0},
          {-0.17281112873898072, 0.6235784481025847, 0.5492326806363959, 0, 0},
          {A6[0], A6[1], A6[2], A6[3], A6[4], G}})
      .build();

  /** With the default Jacobian policy ({@link JacobianReuse#EVERY_STEP}). */
  public Kvaerno5() {
    this(JacobianReuse.EVERY_STEP);
  }

  public Kvaerno5(JacobianReuse reuse) {
    super("kvaerno5", TABLEAU, 5, 4, reuse);
  }
}
