package org.nde4j.solve.solver.implicit;

/**
 * Kennedy &amp; Carpenter's ARK5(4)8L[2]SA: an additive (IMEX) pair of an eight-stage explicit
 * Runge–Kutta method and an eight-stage ESDIRK ({@code γ = 41/200}) sharing {@code c}, {@code b}
 * and {@code b̂}; order 5 with an embedded order-4 estimate; the implicit part is L-stable and
 * stiffly accurate; a third-order dense output (their {@code b*} polynomials).
 *
 * <p>Use on {@code MultiTerm.of(explicitPart, implicitPart)}: only the implicit part enters the
 * iteration matrix; on any other term it is a plain ESDIRK of order 5.
 *
 * <p>C. A. Kennedy, M. H. Carpenter, <i>Additive Runge–Kutta schemes for convection–diffusion–
 * reaction equations</i>, Appl. Numer. Math. 44(1–2):139–181, 2003,
 * doi:10.1016/S0168-9274(02)00138-1. Coefficients (exact fractions) as in Diffrax
 * {@code _solver/kencarp5.py} and OrdinaryDiffEq {@code sdirk_tableaus.jl} ({@code
 * KenCarp5Tableau}). The two sources differ in one digit of the implicit {@code a_76}: Diffrax has
 * {@code −4269925059573/7827059040719}, OrdinaryDiffEq {@code …/7827059040749}; only the latter
 * makes row 7 sum to {@code c_7 = 3/5} (residual 2e−26 against 2e−12 in exact arithmetic), so it is
 * used here. Stage predictors and interpolation coefficients from Diffrax. Catalogue name {@code
 * kencarp5}.
 */
public final class KenCarp5 extends AbstractEsdirk {
  private static final double G = 41.0 / 200;
  private static final double[] B = {-872700587467.0 / 9133579230613.0, 0, 0,
      22348218063261.0 / 9555858737531.0, -1143369518992.0 / 8141816002931.0,
      -39379526789629.0 / 19018526304540.0, 32727382324388.0 / 42900044865799.0, G};
  private static final double[] C = {0, 41.0 / 100, 2935347310677.0 / 11292855782101.0,
      1426016391358.0 / 7196633302097.0, 92.0 / 100, 24.0 / 100, 3.0 / 5, 1};
  private static final DirkTableau TABLEAU = DirkTableau.builder()
      .gamma(G)
      .c(C)
      .a(new double[][] {
          {},
          {G},
          {41.0 / 400, -567603406766.0 / 11931857230679.0},
          {683785636431.0 / 9252920307686.0, 0, -110385047103.0 / 1367015193373.0},
          {3016520224154.0 / 10081342136671.0, 0, 30586259806659.0 / 12414158314087.0,
              -22760509404356.0 / 11113319521817.0},
          {218866479029.0 / 1489978393911.0, 0, 638256894668.0 / 5436446318841.0,
              -1179710474555.0 / 5321154724896.0, -60928119172.0 / 8023461067671.0},
          {1020004230633.0 / 5715676835656.0, 0, 25762820946817.0 / 25263940353407.0,
              -2161375909145.0 / 9755907335909.0, -211217309593.0 / 5846859502534.0,
              -4269925059573.0 / 7827059040749.0},
          {B[0], B[1], B[2], B[3], B[4], B[5], B[6]}})
      .b(B)
      .bHat(-975461918565.0 / 9796059967033.0, 0, 0, 78070527104295.0 / 32432590147079.0,
          -548382580838.0 / 3424219808633.0, -33438840321285.0 / 15594753105479.0,
          3629800801594.0 / 4656183773603.0, 4035322873751.0 / 18575991585200.0)
      .explicit(new double[][] {
          {},
          {41.0 / 100},
          {367902744464.0 / 2072280473677.0, 677623207551.0 / 8224143866563.0},
          {1268023523408.0 / 10340822734521.0, 0, 1029933939417.0 / 13636558850479.0},
          {14463281900351.0 / 6315353703477.0, 0, 66114435211212.0 / 5879490589093.0,
              -54053170152839.0 / 4284798021562.0},
          {14090043504691.0 / 34967701212078.0, 0, 15191511035443.0 / 11219624916014.0,
              -18461159152457.0 / 12425892160975.0, -281667163811.0 / 9011619295870.0},
          {19230459214898.0 / 13134317526959.0, 0, 21275331358303.0 / 2942455364971.0,
              -38145345988419.0 / 4862620318723.0, -1.0 / 8, -1.0 / 8},
          {-19977161125411.0 / 11928030595625.0, 0, -40795976796054.0 / 6384907823539.0,
              177454434618887.0 / 12078138498510.0, 782672205425.0 / 8267701900261.0,
              -69563011059811.0 / 9646580694205.0, 7356628210526.0 / 4942186776405.0}})
      .predictor(new double[][] {
          {},
          {1},
          {1 - C[2] / C[1], C[2] / C[1]},
          {1 - C[3] / C[1], C[3] / C[1], 0},
          {1 - C[4] / C[1], C[4] / C[1], 0, 0},
          {1 - C[5] / C[2], 0, C[5] / C[2], 0, 0},
          {1 - C[6] / C[4], 0, 0, 0, C[6] / C[4], 0},
          {1 - C[7] / C[4], 0, 0, 0, C[7] / C[4], 0, 0}})
      .dense(new double[][] {
          {-9257016797708.0 / 5021505065439.0, 43486358583215.0 / 12773830924787.0,
              -17674230611817.0 / 10670229744614.0},
          {0, 0, 0},
          {0, 0, 0},
          {26096422576131.0 / 11239449250142.0, -91478233927265.0 / 11067650958493.0,
              65168852399939.0 / 7868540260826.0},
          {92396832856987.0 / 20362823103730.0, -79368583304911.0 / 10890268929626.0,
              15494834004392.0 / 5936557850923.0},
          {30029262896817.0 / 10175596800299.0, -12239297817655.0 / 9152339842473.0,
              -99329723586156.0 / 26959484932159.0},
          {-26136350496073.0 / 3983972220547.0, 115839755401235.0 / 10719374521269.0,
              -19024464361622.0 / 5461577185407.0},
          {-5289405421727.0 / 3760307252460.0, 5843115559534.0 / 2180450260947.0,
              -6511271360970.0 / 6095937251113.0}})
      .build();

  /** With the default Jacobian policy ({@link JacobianReuse#EVERY_STEP}). */
  public KenCarp5() {
    this(JacobianReuse.EVERY_STEP);
  }

  public KenCarp5(JacobianReuse reuse) {
    super("kencarp5", TABLEAU, 5, 4, reuse);
  }
}
