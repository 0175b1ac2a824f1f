package org.nde4j.solve.solver.implicit;

/**
 * Kennedy &amp; Carpenter's ARK3(2)4L[2]SA: an additive (IMEX) pair of a four-stage explicit
 * Runge–Kutta method and a four-stage ESDIRK ({@code γ = 1767732205903/4055673282236}) sharing
 * {@code c}, {@code b} and {@code b̂}; order 3 with an embedded order-2 estimate; the implicit part
 * is L-stable and stiffly accurate; a second-order dense output (their {@code b*} polynomials).
 *
 * <p>Use on {@code MultiTerm.of(explicitPart, implicitPart)}: only the implicit part enters the
 * iteration matrix; on any other term it is a plain ESDIRK of order 3.
 *
 * <p>C. A. Kennedy, M. H. Carpenter, <i>Additive Runge–Kutta schemes for convection–diffusion–
 * reaction equations</i>, Appl. Numer. Math. 44(1–2):139–181, 2003,
 * doi:10.1016/S0168-9274(02)00138-1. Coefficients (exact fractions) as in Diffrax
 * {@code _solver/kencarp3.py}, cross-checked against OrdinaryDiffEq {@code sdirk_tableaus.jl}
 * ({@code KenCarp3Tableau}); stage predictors and interpolation coefficients from Diffrax.
 * Catalogue name {@code kencarp3}.
 */
public final class KenCarp3 extends AbstractEsdirk {
  private static final double G = 1767732205903.0 / 4055673282236.0;
  private static final double[] B = {1471266399579.0 / 7840856788654.0,
      -4482444167858.0 / 7529755066697.0, 11266239266428.0 / 11593286722821.0, G};
  private static final double[] C = {0, 2 * G, 3.0 / 5, 1};
  private static final DirkTableau TABLEAU = DirkTableau.builder()
      .gamma(G)
      .c(C)
      .a(new double[][] {
          {},
          {G},
          {2746238789719.0 / 10658868560708.0, -640167445237.0 / 6845629431997.0},
          {B[0], B[1], B[2]}})
      .b(B)
      .bHat(2756255671327.0 / 12835298489170.0, -10771552573575.0 / 22201958757719.0,
          9247589265047.0 / 10645013368117.0, 2193209047091.0 / 5459859503100.0)
      .explicit(new double[][] {
          {},
          {2 * G},
          {5535828885825.0 / 10492691773637.0, 788022342437.0 / 10882634858940.0},
          {6485989280629.0 / 16251701735622.0, -4246266847089.0 / 9704473918619.0,
              10755448449292.0 / 10357097424841.0}})
      .predictor(new double[][] {
          {},
          {1},
          {1 - C[2] / C[1], C[2] / C[1]},
          {1 - C[3] / C[1], C[3] / C[1], 0}})
      .dense(new double[][] {
          {-215264564351.0 / 13552729205753.0, 4655552711362.0 / 22874653954995.0},
          {17870216137069.0 / 13817060693119.0, -18682724506714.0 / 9892148508045.0},
          {-28141676662227.0 / 17317692491321.0, 34259539580243.0 / 13192909600954.0},
          {2508943948391.0 / 7218656332882.0, 584795268549.0 / 6622622206610.0}})
      .build();

  /** With the default Jacobian policy ({@link JacobianReuse#EVERY_STEP}). */
  public KenCarp3() {
    this(JacobianReuse.EVERY_STEP);
  }

  public KenCarp3(JacobianReuse reuse) {
    super("kencarp3", TABLEAU, 3, 2, reuse);
  }

  /** The second-order {@code b*} polynomials. */
  @Override
  public int interpolationOrder() {
    return 2;
  }
}
