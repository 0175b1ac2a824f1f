package org.nde4j.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.tensor.Tensor;

/** Tape semantics against analytic derivatives. */
class EagerAutodiffTest {

  @Test
  void backwardAccumulatesIntoLeaves() {
    Tensor x = Tensor.vector(1.0, 2.0).requiresGrad(true);
    Tensor y = x.square().sum(); // dy/dx = 2x
    y.backward();
    assertThat(x.grad().toArray()).containsExactly(2.0, 4.0);
    x.square().sum().backward();
    assertThat(x.grad().toArray()).containsExactly(4.0, 8.0);
    x.zeroGrad();
    assertThat(x.grad()).isNull();
  }

  @Test
  void gradientOfAValueUsedTwice() {
    Tensor x = Tensor.scalar(0.7).requiresGrad(true);
    // f = sin(x) * x  ->  f' = cos(x) x + sin(x)
    x.sin().mul(x).backward();
    assertThat(x.grad().item()).isCloseTo(Math.cos(0.7) * 0.7 + Math.sin(0.7), within(1e-15));
  }

  @Test
  void createGraphGivesSecondDerivatives() {
    Tensor x = Tensor.scalar(1.3);
    // f = x^3: f' = 3x^2, f'' = 6x, f''' = 6
    Tensor[] g = Autodiff.grad(in -> new Tensor[] {in[0].pow(3.0)}, true, x);
    assertThat(g[0].item()).isCloseTo(3 * 1.3 * 1.3, within(1e-14));
    Tensor xr = Tensor.scalar(1.3).requiresGrad(true);
    Tensor g1 = Autodiff.grad(in -> new Tensor[] {in[0].pow(3.0)}, true, xr)[0];
    Tensor g2 = Backprop.grad(new Tensor[] {g1}, new Tensor[] {Tensor.scalar(1.0)},
        new Tensor[] {xr}, true)[0];
    assertThat(g2.item()).isCloseTo(6 * 1.3, within(1e-13));
    Tensor g3 = Backprop.grad(new Tensor[] {g2}, new Tensor[] {Tensor.scalar(1.0)},
        new Tensor[] {xr}, false)[0];
    assertThat(g3.item()).isCloseTo(6.0, within(1e-13));
  }

  @Test
  void jvpOfExpIsExp() {
    Tensor x = Tensor.vector(0.0, 1.0);
    Tensor[] r = Autodiff.jvp(in -> new Tensor[] {in[0].exp()}, new Tensor[] {x},
        new Tensor[] {Tensor.vector(2.0, 3.0)});
    assertThat(r[1].toArray()[0]).isEqualTo(2.0);
    assertThat(r[1].toArray()[1]).isCloseTo(3.0 * Math.exp(1.0), within(1e-14));
  }

  @Test
  void gradModeOffRecordsNothingAndDetachCutsTheTape() {
    Tensor x = Tensor.vector(1.0).requiresGrad(true);
    try (GradMode.Scope s = GradMode.off()) {
      assertThat(x.mul(2.0).requiresGrad()).isFalse();
    }
    assertThat(x.mul(2.0).detach().requiresGrad()).isFalse();
    assertThatThrownBy(() -> x.mul(2.0).requiresGrad(true))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("mul");
  }

  @Test
  void customOpWithRulesEntersTheTape() {
    CustomOp cube = CustomOp.builder("cube")
        .shape(in -> in[0])
        .forward((in, s, out) -> {
          for (int i = 0; i < out.length; i++) {
            out[i] = in[0][i] * in[0][i] * in[0][i];
          }
        })
        .vjp((in, out, g) -> new Tensor[] {g.mul(in[0].square().mul(3.0))})
        .jvp((in, out, t) -> t[0].mul(in[0].square().mul(3.0)))
        .build();
    Tensor x = Tensor.vector(2.0, -1.0);
    assertThat(Autodiff.grad(in -> new Tensor[] {cube.apply(in[0]).sum()}, x)[0].toArray())
        .containsExactly(12.0, 3.0);
    assertThat(Autodiff.jvp(in -> new Tensor[] {cube.apply(in[0])}, new Tensor[] {x},
        new Tensor[] {Tensor.vector(1.0, 1.0)})[1].toArray()).containsExactly(12.0, 3.0);
  }
}
