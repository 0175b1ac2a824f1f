package org.nde4j.solve.solver.sde;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nde4j.random.Key;
import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.solve.brownian.VirtualBrownianTree;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.term.NoiseType;
import org.nde4j.solve.term.SdeTerm;

/** Every refusal happens before the first step and says what would work. */
class SdeRefusalTest {
  private static final BrownianMotion BM = VirtualBrownianTree.of(Key.of(3), 0, 1, 2, 1e-3);

  private static SdeTerm plainDiagonal(boolean ito) {
    var b = ito ? SdeTerm.ito(2, BM) : SdeTerm.stratonovich(2, BM);
    return b.drift((t, y, f) -> System.arraycopy(y, 0, f, 0, 2))
        .diffusion(NoiseType.DIAGONAL, (t, y, g) -> System.arraycopy(y, 0, g, 0, 2)).build();
  }

  private static void solve(SdeTerm term, org.nde4j.solve.solver.Solver solver) {
    Solve.of(term, solver, 0, 1, new double[] {1, 1}).dt0(0.1)
        .controller(org.nde4j.solve.stepsize.ConstantStepSize.create()).run();
  }

  @Test
  void itoSolverOnStratonovichProblem() {
    assertThatThrownBy(() -> solve(plainDiagonal(false), new EulerMaruyama()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("euler_maruyama")
        .hasMessageContaining("Stratonovich SDE with diagonal noise")
        .hasMessageContaining("Itô SDEs only")
        .hasMessageContaining("solvers that would work: euler_heun, stochastic_heun");
  }

  @Test
  void stratonovichSolverOnItoProblem() {
    assertThatThrownBy(() -> solve(plainDiagonal(true), new StochasticHeun()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stochastic_heun")
        .hasMessageContaining("Itô SDE with diagonal noise")
        .hasMessageContaining("euler_maruyama");
  }

  @Test
  void additiveSolverOnMultiplicativeNoise() {
    assertThatThrownBy(() -> solve(plainDiagonal(true), new Sra1()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sra1").hasMessageContaining("additive noise only");
  }

  @Test
  void milsteinWithoutDerivative() {
    assertThatThrownBy(() -> solve(plainDiagonal(true), new ItoMilstein()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ito_milstein").hasMessageContaining("diffusion's derivative")
        .hasMessageContaining("ito_milstein_derivative_free");
  }

  @Test
  void levyAreaSolverWithoutArea() {
    SdeTerm additive = SdeTerm.ito(2, BM).drift((t, y, f) -> f[0] = f[1] = 0)
        .additiveDiagonal((t, y, g) -> g[0] = g[1] = 1).build();
    assertThatThrownBy(() -> solve(additive, new Shark()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LevyArea.SPACE_TIME");
  }

  @Test
  void sriw1RefusesStratonovichAndMultiChannelGeneralNoise() {
    BrownianMotion area = VirtualBrownianTree.of(Key.of(4), 0, 1, 2, 1e-3,
        org.nde4j.solve.brownian.LevyArea.SPACE_TIME);
    assertThatThrownBy(() -> solve(plainDiagonal(false).withBrownian(area), new Sriw1()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sriw1").hasMessageContaining("Itô SDEs only");
    SdeTerm.Builder general = SdeTerm.ito(2, area).drift((t, y, f) -> f[0] = f[1] = 0)
        .diffusion(NoiseType.GENERAL, (t, y, g) -> java.util.Arrays.fill(g, 1));
    assertThatThrownBy(() -> solve(general.build(), new Sriw1()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sriw1").hasMessageContaining("commutative (scalar, diagonal)");
    assertThatThrownBy(() -> solve(general.commutative().build(), new Sriw1()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sriw1").hasMessageContaining("2 channels")
        .hasMessageContaining("I_(j,k)");
  }

  @Test
  void deterministicSolverOnSde() {
    assertThatThrownBy(() -> solve(plainDiagonal(true), new Tsit5()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tsit5").hasMessageContaining("euler_maruyama");
  }

  @Test
  void brownianChannelsMustFitTheNoise() {
    assertThatThrownBy(() -> SdeTerm.ito(3, BM).drift((t, y, f) -> { })
        .diffusion(NoiseType.DIAGONAL, (t, y, g) -> { }).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 channel(s)").hasMessageContaining("needs 3 channels");
    assertThatThrownBy(() -> SdeTerm.ito(3, BM).drift((t, y, f) -> { })
        .diffusion(NoiseType.SCALAR, (t, y, g) -> { }).build())
        .hasMessageContaining("needs 1 channel");
  }
}
