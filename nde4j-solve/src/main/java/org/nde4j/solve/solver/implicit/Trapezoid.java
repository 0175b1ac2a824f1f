package org.nde4j.solve.solver.implicit;

/**
 * The trapezoidal rule (implicit), {@code y1 = y0 + (h/2)(f(t0, y0) + f(t1, y1))}: order 2,
 * A-stable but <em>not</em> L-stable ({@code R(∞) = −1}: very stiff components are not damped but
 * flip sign every step, so prefer {@link TrBdf2} or a Kvaerno method for very stiff problems).
 * A two-stage ESDIRK with {@code γ = 1/2}, stiffly accurate, FSAL.
 *
 * <p>Error estimate: the difference to explicit Euler ({@code b̂ = (1, 0)}), {@code (h/2)(f1 −
 * f0)}, an {@code O(h²)} overestimate of the trapezoidal rule's {@code O(h³)} local error (so the
 * controller treats it as a first-order estimate), filtered through {@code (I − hJ/2)⁻¹}
 * (Shampine's filter; Hairer &amp; Wanner, <i>Solving ODEs II</i>, §IV.8). Dense output: cubic
 * Hermite. Catalogue name {@code trapezoid}.
 */
public final class Trapezoid extends AbstractEsdirk {
  private static final DirkTableau TABLEAU = DirkTableau.builder()
      .gamma(0.5)
      .c(0, 1)
      .a(new double[][] {{}, {0.5}})
      .b(0.5, 0.5)
      .bHat(1, 0)
      .filterError()
      .build();

  /** With the default Jacobian policy ({@link JacobianReuse#EVERY_STEP}). */
  public Trapezoid() {
    this(JacobianReuse.EVERY_STEP);
  }

  public Trapezoid(JacobianReuse reuse) {
    super("trapezoid", TABLEAU, 2, 1, reuse);
  }
}
