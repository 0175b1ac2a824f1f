package org.nde4j.solve.solver.implicit;

/**
 * Kennedy &amp; Carpenter's ARK4(3)6L[2]SA: an additive (IMEX) pair of a six-stage explicit
 * Runge–Kutta method and a six-stage ESDIRK ({@code γ = 1/4}) sharing {@code c}, {@code b} and
 * {@code b̂}; order 4 with an embedded order-3 estimate; the implicit part is L-stable and stiffly
 * accurate; a third-order dense output (their {@code b*} polynomials).
 *
 * <p>Use on {@code MultiTerm.of(explicitPart, implicitPart)}: only the implicit part enters the
 * iteration matrix; on any other term it is a plain ESDIRK of order 4.
 *
 * <p>C. A. Kennedy, M. H. Carpenter, <i>Additive Runge–Kutta schemes for convection–diffusion–
 * reaction equations</i>, Appl. Numer. Math. 44(1–2):139–181, 2003,
 * doi:10.1016/S0168-9274(02)00138-1. Coefficients (exact fractions) as in Diffrax
 * {@code _solver/kencarp4.py}, identical to OrdinaryDiffEq {@code sdirk_tableaus.jl}
 * ({@code KenCarp4Tableau}); stage predictors and interpolation coefficients from Diffrax.
 * Catalogue name {@code kencarp4}.
 */
public final class KenCarp4 extends AbstractEsdirk {
  private static final double G = 0.25;
  private static final double[] B = {82889.0 / 524892, 0, 15625.0 / 83664, 69875.0 / 102672,
      -2260.0 / 8211, G};
  private static final double[] C = {0, 0.5, 83.0 / 250, 31.0 / 50, 17.0 / 20, 1};
  private static final DirkTableau TABLEAU = DirkTableau.builder()
      .gamma(G)
      .c(C)
      .a(new double[][] {
          {},
          {G},
          {8611.0 / 62500, -1743.0 / 31250},
          {5012029.0 / 34652500, -654441.0 / 2922500, 174375.0 / 388108},
          {15267082809.0 / 155376265600.0, -71443401.0 / 120774400, 730878875.0 / 902184768,
              2285395.0 / 8070912},
          {B[0], B[1], B[2], B[3], B[4]}})
      .b(B)
      .bHat(4586570599.0 / 29645900160.0, 0, 178811875.0 / 945068544, 814220225.0 / 1159782912,
          -3700637.0 / 11593932, 61727.0 / 225920)
      .explicit(new double[][] {
          {},
          {0.5},
          {13861.0 / 62500, 6889.0 / 62500},
          {-116923316275.0 / 2393684061468.0, -2731218467317.0 / 15368042101831.0,
              9408046702089.0 / 11113171139209.0},
          {-451086348788.0 / 2902428689909.0, -2682348792572.0 / 7519795681897.0,
              12662868775082.0 / 11960479115383.0, 3355817975965.0 / 11060851509271.0},
          {647845179188.0 / 3216320057751.0, 73281519250.0 / 8382639484533.0,
              552539513391.0 / 3454668386233.0, 3354512671639.0 / 8306763924573.0,
              4040.0 / 17871}})
      .predictor(new double[][] {
          {},
          {1},
          {1 - C[2] / C[1], C[2] / C[1]},
          {1 - C[3] / C[1], C[3] / C[1], 0},
          {1 - C[4] / C[3], 0, 0, C[4] / C[3]},
          {1 - C[5] / C[4], 0, 0, 0, C[5] / C[4]}})
      .dense(new double[][] {
          {6818779379841.0 / 7100303317025.0, -54480133.0 / 30881146,
              6943876665148.0 / 7220017795957.0},
          {0, 0, 0},
          {2173542590792.0 / 12501825683035.0, -11436875.0 / 14766696,
              7640104374378.0 / 9702883013639.0},
          {-31592104683404.0 / 5083833661969.0, 174696575.0 / 18121608,
              -20649996744609.0 / 7521556579894.0},
          {61146701046299.0 / 7138195549469.0, -12120380.0 / 966161,
              8854892464581.0 / 2390941311638.0},
          {-17219254887155.0 / 4939391667607.0, 3843.0 / 706,
              -11397109935349.0 / 6675773540249.0}})
      .build();

  /** With the default Jacobian policy ({@link JacobianReuse#EVERY_STEP}). */
  public KenCarp4() {
    this(JacobianReuse.EVERY_STEP);
  }

  public KenCarp4(JacobianReuse reuse) {
    super("kencarp4", TABLEAU, 4, 3, reuse);
  }
}
