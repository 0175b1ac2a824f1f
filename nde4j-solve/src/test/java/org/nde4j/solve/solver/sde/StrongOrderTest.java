package org.nde4j.solve.solver.sde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.nde4j.solve.solver.sde.SdeProblems.X0;

import org.junit.jupiter.api.Test;
import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.term.NoiseType;
import org.nde4j.solve.term.SdeTerm;

/**
 * Strong orders on geometric Brownian motion (diagonal, hence commutative, noise): 400 paths as
 * the channels of one Brownian interval, steps 2^-3 … 2^-9, error against the closed-form
 * solution on the same path; each slope within ±0.2 of the order the solver declares.
 */
class StrongOrderTest {
  private static final int PATHS = 400;
  private static final int[] LEVELS = {3, 4, 5, 6, 7, 8, 9};

  private static double order(Solver solver, boolean ito, long seed) {
    BrownianMotion bm = SdeProblems.brownian(seed, PATHS,
        ((SdeSolver) solver).levyArea() != LevyArea.NONE, 0x1p-9);
    SdeTerm term = SdeProblems.gbm(bm, ito);
    double measured = SdeProblems.strongOrder(term, solver, SdeProblems.filled(PATHS, X0),
        SdeProblems.gbmExact(bm, ito), LEVELS);
    System.out.printf("strong order %s: %.3f%n", solver.name(), measured);
    assertThat(measured).as(solver.name()).isCloseTo(
        ((SdeSolver) solver).strongOrders().of(term), within(0.2));
    return measured;
  }

  @Test
  void eulerMaruyamaHalfOnItoGbm() {
    assertThat(order(new EulerMaruyama(), true, 11)).isCloseTo(0.5, within(0.2));
  }

  @Test
  void milsteinOneOnItoGbm() {
    assertThat(order(new ItoMilstein(), true, 12)).isCloseTo(1.0, within(0.2));
    assertThat(order(ItoMilstein.derivativeFree(), true, 13)).isCloseTo(1.0, within(0.2));
  }

  @Test
  void sriw1OneAndAHalfOnItoGbm() {
    assertThat(order(new Sriw1(), true, 17)).isCloseTo(1.5, within(0.2));
  }

  @Test
  void heunFamilyOneOnStratonovichGbm() {
    for (Solver s : new Solver[] {new EulerHeun(), new StochasticHeun(), new StochasticMidpoint(),
        new StratonovichMilstein(), StratonovichMilstein.derivativeFree(), new Spark()}) {
      assertThat(order(s, false, 14)).as(s.name()).isCloseTo(1.0, within(0.2));
    }
  }

  @Test
  void reversibleHeunOneOnCommutativeNoise() {
    assertThat(order(new StochasticReversibleHeun(), false, 15)).isCloseTo(1.0, within(0.2));
  }

  @Test
  void anNByOneGeneralMatrixEqualsScalarNoise() {
    // Two states driven by one channel: the scalar layout and the 2 × 1 general matrix take
    // different code paths (Milstein: one derivative vs. D(GW)[GW] and Σ_j (∂g^j/∂y) g^j; SRIW1:
    // the column and the matrix product) to one formula.
    BrownianMotion bm = SdeProblems.brownian(16, 1, true, 0x1p-6);
    double[] y0 = {0.5, 1.5};
    for (Solver solver : new Solver[] {new ItoMilstein(), new Sriw1()}) {
      double[][] out = new double[2][];
      int k = 0;
      for (NoiseType noise : new NoiseType[] {NoiseType.SCALAR, NoiseType.GENERAL}) {
        SdeTerm.Builder b = SdeTerm.ito(2, bm).drift((t, y, f) -> {
          f[0] = -y[1];
          f[1] = y[0];
        }).diffusion(noise, (t, y, g) -> {
          g[0] = 0.3 * y[0] * y[1];
          g[1] = Math.sin(y[0]);
        }).diffusionDerivative((t, y, u, dg) -> {
          dg[0] = 0.3 * (u[0] * y[1] + y[0] * u[1]);
          dg[1] = Math.cos(y[0]) * u[0];
        });
        // one channel commutes with itself (SRIW1 takes general noise only when commutative)
        SdeTerm term = noise == NoiseType.GENERAL ? b.commutative().build() : b.build();
        out[k++] = SdeProblems.solve(term, solver, y0, 6);
      }
      assertThat(out[1]).as(solver.name()).containsExactly(out[0], within(1e-13));
    }
  }
}
