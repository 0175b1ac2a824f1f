package org.nde4j.solve.term;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.random.Key;
import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.solve.brownian.VirtualBrownianTree;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/** Traced SDE terms against hand-written ones, the autodiff derivative, type conversion. */
class SdeTermTest {
  private static final BrownianMotion BM2 = VirtualBrownianTree.of(Key.of(5), 0, 1, 2, 1e-3);

  /** Diffusion sin(y) per state: derivative cos(y)·u. */
  private static SdeTerm tracedDiagonal() {
    return SdeTerm.ito(Shape.of(2), BM2).drift(in -> new Tensor[] {in[1].mul(-1.0)})
        .diffusion(NoiseType.DIAGONAL, in -> new Tensor[] {in[1].sin()}).build();
  }

  @Test
  void tracedDiffusionAndItsAutodiffDerivative() {
    SdeTerm term = tracedDiagonal();
    double[] y = {0.3, -1.2};
    double[] g = new double[2];
    term.diffusion(0.5, y, g);
    assertThat(g[0]).isCloseTo(Math.sin(0.3), within(1e-15));
    double[] dg = new double[2];
    term.diffusionJvp(0.5, y, new double[] {2, 3}, dg);
    assertThat(dg[0]).isCloseTo(2 * Math.cos(0.3), within(1e-15));
    assertThat(dg[1]).isCloseTo(3 * Math.cos(-1.2), within(1e-15));
    assertThat(term.hasDiffusionDerivative()).isTrue();
  }

  @Test
  void itoToStratonovichSubtractsHalfGTimesItsDerivative() {
    SdeTerm strat = tracedDiagonal().toStratonovich();
    assertThat(strat.sdeType()).isEqualTo(SdeType.STRATONOVICH);
    double[] y = {0.3, -1.2};
    double[] f = new double[2];
    strat.drift(0, y, f);
    for (int i = 0; i < 2; i++) {
      double expected = -y[i] - 0.5 * Math.sin(y[i]) * Math.cos(y[i]);
      assertThat(f[i]).isCloseTo(expected, within(1e-15));
    }
    strat.toIto().drift(0, y, f);
    assertThat(f[0]).isCloseTo(-0.3, within(1e-15));
  }

  @Test
  void generalNoiseCorrectionSumsOverColumns() {
    // g(y) = [[y0, 0], [y0, y1]] (2 × 2): Σ_j (∂g^j/∂y) g^j = (y0, y0 + y1) for column 0
    // ((∂/∂y)(y0, y0)·(y0, y0) = (y0, y0)) plus column 1 ((∂/∂y)(0, y1)·(0, y1) = (0, y1)).
    SdeTerm term = SdeTerm.ito(Shape.of(2), BM2).drift(in -> new Tensor[] {in[1]})
        .diffusion(NoiseType.GENERAL, in -> {
          Tensor y0 = in[1].slice(0, 0, 1);
          Tensor y1 = in[1].slice(0, 1, 2);
          Tensor row0 = Tensor.concat(0, y0, y0.mul(0.0));
          Tensor row1 = Tensor.concat(0, y0, y1);
          return new Tensor[] {Tensor.stack(0, row0, row1)};
        }).build();
    double[] y = {0.7, 1.9};
    double[] g = new double[4];
    term.diffusion(0, y, g);
    double[] c = new double[2];
    term.selfDerivative(0, y, g, c);
    assertThat(c).containsExactly(new double[] {0.7, 0.7 + 1.9}, within(1e-14));
  }

  @Test
  void tracedDiffusionOfTheWrongShapeIsRefused() {
    assertThatThrownBy(() -> SdeTerm.ito(Shape.of(2), BM2).drift(in -> new Tensor[] {in[1]})
        .diffusion(NoiseType.GENERAL, in -> new Tensor[] {in[1]}).build())
        .isInstanceOf(ShapeException.class)
        .hasMessageContaining("general diffusion must return one tensor of shape [2, 2]")
        .hasMessageContaining("got [2]");
  }

  @Test
  void conversionWithoutDerivativeIsRefused() {
    SdeTerm plain = SdeTerm.ito(2, BM2).drift((t, y, f) -> { })
        .diffusion(NoiseType.DIAGONAL, (t, y, g) -> { }).build();
    assertThatThrownBy(plain::toStratonovich).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs the diffusion's derivative");
  }
}
