package org.nde4j.solve.solver.implicit;

/**
 * Backward (implicit) Euler, {@code y1 = y0 + h f(t1, y1)}: order 1, L-stable, stiffly accurate;
 * the most robust and least accurate stiff method. Written as a two-stage ESDIRK (explicit first
 * stage {@code f(t0, y0)}, {@code γ = 1}, {@code b = (0, 1)}).
 *
 * <p>Error estimate: the difference to the trapezoidal rule, {@code y1 − y1^TR = (h/2)(f(t1, y1) −
 * f(t0, y0))} ({@code b̂ = (1/2, 1/2)}), an {@code O(h²)} estimate of backward Euler's local error
 * {@code −(h²/2) y''}; it is filtered through {@code (I − hJ)⁻¹} (Shampine's filter, Hairer &amp;
 * Wanner, <i>Solving ODEs II</i>, 2nd ed., Springer 1996, §IV.8) so that stiff components, which
 * the trapezoidal rule does not damp, do not dominate it. Dense output: cubic Hermite (order 1 here,
 * limited by the method). Catalogue name {@code implicit_euler}.
 */
public final class ImplicitEuler extends AbstractEsdirk {
  private static final DirkTableau TABLEAU = DirkTableau.builder()
      .gamma(1)
      .c(0, 1)
      .a(new double[][] {{}, {0}})
      .b(0, 1)
      .bHat(0.5, 0.5)
      .filterError()
      .build();

  /** With the default Jacobian policy ({@link JacobianReuse#EVERY_STEP}). */
  public ImplicitEuler() {
    this(JacobianReuse.EVERY_STEP);
  }

  public ImplicitEuler(JacobianReuse reuse) {
    super("implicit_euler", TABLEAU, 1, 1, reuse);
  }
}
