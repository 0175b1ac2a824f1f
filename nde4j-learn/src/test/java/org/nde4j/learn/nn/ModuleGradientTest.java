package org.nde4j.learn.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.random.Key;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;
import org.nde4j.testkit.GradCheck;

/**
 * Gradients of a module's output with respect to the flat θ, by eager reverse mode and by the
 * compiled VJP of the {@link DifferentiableTerm} bridge, against central differences.
 */
class ModuleGradientTest {

  /** Checks uᵀ∂f/∂θ of {@code θ ↦ module(θ, inputs)} against central differences. */
  private static void assertGradientMatchesDifferences(Module module, Tensor... inputs) {
    Tensor theta = module.init(Key.of(17)).tensor();
    TensorFn f = in -> new Tensor[] {module.apply(in[0], inputs)};
    int outSize = GradCheck.evalFlat(f, theta).length;
    Shape outShape = f.apply(theta)[0].shape();
    Tensor u = Tensor.normal(Key.of(23), outSize).reshape(outShape);
    double[] analytic = GradCheck.vjp(f, new Tensor[] {theta}, new Tensor[] {u})[0];
    double[] numeric = GradCheck.vjpByDifferences(f, new Tensor[] {theta}, u.toArray(),
        GradCheck.STEP)[0];
    assertThat(analytic).hasSize(module.numParams());
    double scale = 0;
    for (double v : numeric) {
      scale = Math.max(scale, Math.abs(v));
    }
    assertThat(scale).isGreaterThan(1e-3);
    for (int i = 0; i < analytic.length; i++) {
      assertThat(analytic[i]).as("%s ∂/∂θ[%d]", module, i)
          .isCloseTo(numeric[i], within(1e-7 * Math.max(1, scale)));
    }
  }

  @Test
  void mlpGradientsForEveryActivation() {
    Tensor x = Tensor.normal(Key.of(3), 4, 3);
    for (Activation a : Activation.values()) {
      assertGradientMatchesDifferences(Mlp.builder(3, 6, 2).activation(a)
          .finalActivation(a == Activation.RELU ? Activation.TANH : a).build(), x);
    }
  }

  @Test
  void gruCellGradients() {
    assertGradientMatchesDifferences(GruCell.of(3, 4), Tensor.normal(Key.of(4), 2, 3),
        Tensor.normal(Key.of(5), 2, 4));
  }

  @Test
  void layerNormGradients() {
    assertGradientMatchesDifferences(LayerNorm.of(5), Tensor.normal(Key.of(6), 3, 5));
  }

  @Test
  void differentiableTermOfAModuleHasItsValuesAndGradients() {
    Mlp mlp = Mlp.builder(2, 16, 2).activation(Activation.TANH).build();
    double[] theta = mlp.init(Key.of(1)).values();
    Shape yShape = Shape.of(3, 2);
    DifferentiableTerm term = mlp.term(yShape);
    assertThat(term.numParams()).isEqualTo(mlp.numParams());
    assertThat(term.size()).isEqualTo(6);
    DifferentiableTerm.Evaluator ev = term.evaluator();
    double[] y = Tensor.normal(Key.of(2), 6).toArray();
    double[] dy = new double[6];
    ev.rate(0.0, y, theta, dy);
    Tensor eager = mlp.apply(Tensor.vector(theta), Tensor.of(y, 3, 2));
    assertThat(dy).containsExactly(eager.toArray(), within(1e-14));

    double[] a = Tensor.normal(Key.of(3), 6).toArray();
    double[] ay = new double[6];
    double[] ap = new double[theta.length];
    ev.vjp(0.0, y, theta, a, ay, ap);
    TensorFn f = in -> new Tensor[] {mlp.apply(in[0], in[1])};
    double[][] ref = GradCheck.vjp(f, new Tensor[] {Tensor.vector(theta), Tensor.of(y, 3, 2)},
        new Tensor[] {Tensor.of(a, 3, 2)});
    assertThat(ap).containsExactly(ref[0], within(1e-13));
    assertThat(ay).containsExactly(ref[1], within(1e-13));
  }
}
