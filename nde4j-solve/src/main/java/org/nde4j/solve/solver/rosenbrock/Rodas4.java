package org.nde4j.solve.solver.rosenbrock;

/**
 * RODAS4: Hairer and Wanner's stiffly accurate, L-stable Rosenbrock method of order 4 with an
 * embedded order-3 solution (six stages; the last two are at {@code t + h} and the error estimate
 * is the last stage, {@code u_6}), and a third-order dense output. E. Hairer, G. Wanner,
 * <i>Solving Ordinary Differential Equations II: Stiff and Differential-Algebraic Problems</i>,
 * 2nd ed., Springer 1996, §IV.7, Table 7.2 and Fortran code {@code rodas.f} (subroutine {@code
 * RODCOE}, METH = 1); doi:10.1007/978-3-642-05221-7.
 *
 * <p>Coefficients in the transformed form, 16 digits, as printed in {@code rodas.f} and
 * identically in OrdinaryDiffEq ({@code lib/OrdinaryDiffEqRosenbrockTableaus/src/
 * rosenbrock_tableaus.jl}, {@code RODAS4A/C/c/d/H}); the two agree digit for digit.
 */
public final class Rodas4 extends AbstractRosenbrock {
  private static final double[] A5 = {
      1.221224509226641, 6.019134481288629, 12.53708332932087, -0.687886036105895};

  static final RosenbrockTableau TABLEAU = RosenbrockTableau.of(0.25,
      new double[][] {
          {},
          {1.544},
          {0.9466785280815826, 0.2557011698983284},
          {3.314825187068521, 2.896124015972201, 0.9986419139977817},
          A5,
          {A5[0], A5[1], A5[2], A5[3], 1}},
      new double[][] {
          {},
          {-5.6688},
          {-2.430093356833875, -0.2063599157091915},
          {-0.1073529058151375, -9.594562251023355, -20.47028614809616},
          {7.496443313967647, -10.24680431464352, -33.99990352819905, 11.7089089320616},
          {8.083246795921522, -7.981132988064893, -31.52159432874371, 16.31930543123136,
              -6.058818238834054}},
      new double[] {0, 0.386, 0.21, 0.63, 1, 1},
      new double[] {0.25, -0.1043, 0.1035, -0.0362, 0, 0},
      new double[] {A5[0], A5[1], A5[2], A5[3], 1, 1},
      new double[] {A5[0], A5[1], A5[2], A5[3], 1, 0},
      new double[][] {
          {10.12623508344586, -7.487995877610167, -34.80091861555747, -7.992771707568823,
              1.025137723295662, 0},
          {-0.6762803392801253, 6.087714651680015, 16.43084320892478, 24.76722511418386,
              -6.594389125716872, 0}});

  public Rodas4() {
    super("rodas4", TABLEAU, 4, 3, 3);
  }
}
