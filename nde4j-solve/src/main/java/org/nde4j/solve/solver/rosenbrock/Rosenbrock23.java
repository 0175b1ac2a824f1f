package org.nde4j.solve.solver.rosenbrock;

/**
 * Rosenbrock23: the L-stable modified Rosenbrock triple of MATLAB's {@code ode23s}, order 2 with
 * a third-order error estimate, three stages (the third, at {@code (t + h, y1)}, is first same as
 * last and serves only the error estimate), and a free second-order dense output. L. F. Shampine,
 * M. W. Reichelt, <i>The MATLAB ODE Suite</i>, SIAM J. Sci. Comput. 18(1):1–22, 1997,
 * doi:10.1137/S1064827594276424, §3.
 *
 * <p>In the paper's form, with {@code d = 1/(2 + √2)}, {@code e32 = 6 + √2}, {@code W = I − hdJ},
 * {@code T = ∂f/∂t}: {@code k1 = W⁻¹(F0 + hdT)}, {@code F1 = f(t + h/2, y + hk1/2)}, {@code k2 =
 * W⁻¹(F1 − k1) + k1}, {@code y1 = y + hk2}, {@code F2 = f(t + h, y1)}, {@code k3 = W⁻¹(F2 − e32(k2
 * − F1) − 2(k1 − F0) + hdT)}, error {@code h(k1 − 2k2 + k3)/6}, dense output {@code y(t + θh) = y
 * + h(θ(1 − θ) k1 + θ(θ − 2d) k2)/(1 − 2d)}. Written here as classical ROW coefficients (Hairer
 * &amp; Wanner II (7.4)) — α21 = 1/2, α32 = 1, γ21 = −d, γ31 = d(e32 − 2), γ32 = −e32·d, b = (0, 1,
 * 0), b̂ = (1/6, 2/3, 1/6) — and transformed by {@link RosenbrockTableau#fromClassical}; the
 * {@code hdT} in {@code k3} (γ_3 = −d) is what consistency Σ_j γ_3j = γ_3 demands (also in
 * ODE.jl's port of {@code ode23s}; OrdinaryDiffEq's {@code Rosenbrock23} uses {@code hT} there,
 * which only changes its error estimate on non-autonomous problems).
 *
 * <p>The error estimate measures the local error of the second-order result, {@code O(h³)}, so
 * the controller treats it as order 2.
 */
public final class Rosenbrock23 extends AbstractRosenbrock {
  private static final double D = 1 / (2 + Math.sqrt(2));
  private static final double E32 = 6 + Math.sqrt(2);

  static final RosenbrockTableau TABLEAU = RosenbrockTableau.fromClassical(
      new double[][] {{}, {0.5}, {0, 1}},
      new double[][] {{D}, {-D, D}, {D * (E32 - 2), -E32 * D, D}},
      new double[] {0, 1, 0},
      new double[] {1.0 / 6, 2.0 / 3, 1.0 / 6},
      new double[][] {{1 / (1 - 2 * D), -1 / (1 - 2 * D), 0}});

  public Rosenbrock23() {
    super("rosenbrock23", TABLEAU, 2, 2, 2);
  }
}
