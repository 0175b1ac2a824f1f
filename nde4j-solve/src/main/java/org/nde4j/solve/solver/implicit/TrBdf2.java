package org.nde4j.solve.solver.implicit;

/**
 * TR-BDF2: a trapezoidal step to {@code t0 + γh} followed by a BDF2 step to {@code t0 + h}, with
 * {@code γ = 2 − √2}, written as a three-stage ESDIRK (diagonal {@code d = γ/2}): order 2,
 * L-stable, stiffly accurate, FSAL, with the embedded third-order formula of Hosea &amp; Shampine.
 *
 * <pre>
 *   c = (0, γ, 1),   A = [0 0 0; d d 0; ω ω d],   b = (ω, ω, d),
 *   b̂ = ((1 − ω)/3, (3ω + 1)/3, d/3),   ω = √2/4
 * </pre>
 *
 * <p>R. E. Bank, W. M. Coughran, W. Fichtner, E. H. Grosse, D. J. Rose, R. K. Smith, <i>Transient
 * simulation of silicon devices and circuits</i>, IEEE Trans. Computer-Aided Design 4(4):436–451,
 * 1985, doi:10.1109/TCAD.1985.1270142; M. E. Hosea, L. F. Shampine, <i>Analysis and implementation
 * of TR-BDF2</i>, Appl. Numer. Math. 20(1–2):21–37, 1996, doi:10.1016/0168-9274(95)00115-8.
 * Coefficients cross-checked with OrdinaryDiffEq {@code sdirk_tableaus.jl} ({@code TRBDF2Tableau}),
 * whose Shampine predictor for the last stage ({@code −√2/2, 1 + √2/2}) is used here too.
 *
 * <p>The error estimate {@code b − b̂} is {@code O(h³)} (the controller treats it as that of a
 * second-order pair) and is filtered through {@code (I − dhJ)⁻¹} (Shampine's filter) because the
 * embedded formula does not damp stiff components. Dense output: cubic Hermite. Catalogue name
 * {@code trbdf2}.
 */
public final class TrBdf2 extends AbstractEsdirk {
  private static final double SQRT2 = Math.sqrt(2);
  private static final double G = 2 - SQRT2;
  private static final double D = G / 2;
  private static final double W = SQRT2 / 4;
  private static final DirkTableau TABLEAU = DirkTableau.builder()
      .gamma(D)
      .c(0, G, 1)
      .a(new double[][] {{}, {D}, {W, W}})
      .b(W, W, D)
      .bHat((1 - W) / 3, (3 * W + 1) / 3, D / 3)
      .predictor(new double[][] {{}, {1}, {-SQRT2 / 2, 1 + SQRT2 / 2}})
      .filterError()
      .build();

  /** With the default Jacobian policy ({@link JacobianReuse#EVERY_STEP}). */
  public TrBdf2() {
    this(JacobianReuse.EVERY_STEP);
  }

  public TrBdf2(JacobianReuse reuse) {
    super("trbdf2", TABLEAU, 2, 2, reuse);
  }
}
