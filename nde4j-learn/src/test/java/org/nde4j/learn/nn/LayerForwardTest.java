package org.nde4j.learn.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.compile.Function;
import org.nde4j.random.Key;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/** Forward passes against values computed by hand or by plain scalar loops of the equations. */
class LayerForwardTest {

  @Test
  void linearIsXTimesWeightTransposedPlusBias() {
    Linear lin = Linear.of(3, 2);
    ParameterSet p = ParameterSet.zeros(lin.layout());
    p.set("weight", Tensor.matrix(new double[][] {{1, 2, 3}, {-1, 0, 4}}));
    p.set("bias", Tensor.vector(0.5, -2));
    Tensor y = lin.apply(p.tensor(), Tensor.vector(1, 1, 2));
    assertThat(y.shape()).isEqualTo(Shape.of(2));
    assertThat(y.toArray()).containsExactly(1 + 2 + 6 + 0.5, -1 + 0 + 8 - 2);
    // Leading axes are kept: [2, 2, 3] → [2, 2, 2], each row as the vector case.
    Tensor x3 = Tensor.of(new double[] {1, 1, 2, 0, 0, 0, 1, 0, 0, 0, 1, 0}, 2, 2, 3);
    Tensor y3 = lin.apply(p.tensor(), x3);
    assertThat(y3.shape()).isEqualTo(Shape.of(2, 2, 2));
    assertThat(y3.toArray()).containsExactly(9.5, 5, 0.5, -2, 1.5, -3, 2.5, -2);
    assertThatThrownBy(() -> lin.apply(p.tensor(), Tensor.zeros(4, 2)))
        .isInstanceOf(ShapeException.class).hasMessageContaining("Linear: input must have last "
            + "axis 3");
  }

  @Test
  void mlpMatchesScalarLoopsForEveryActivation() {
    for (Activation act : Activation.values()) {
      Mlp mlp = Mlp.builder(3, 5, 4, 2).activation(act).finalActivation(Activation.SIGMOID)
          .build();
      ParameterSet p = mlp.init(Key.of(3));
      double[][] xs = {{0.3, -1.2, 2.0}, {1.5, 0.1, -0.7}};
      Tensor y = mlp.apply(p.tensor(), Tensor.matrix(xs));
      assertThat(y.shape()).isEqualTo(Shape.of(2, 2));
      for (int b = 0; b < 2; b++) {
        double[] h = xs[b];
        for (int l = 0; l < 3; l++) {
          double[] w = p.get(l + ".weight").toArray();
          double[] bias = p.get(l + ".bias").toArray();
          double[] next = new double[bias.length];
          for (int o = 0; o < next.length; o++) {
            double s = bias[o];
            for (int i = 0; i < h.length; i++) {
              s += w[o * h.length + i] * h[i];
            }
            next[o] = l < 2 ? scalar(act, s) : 1 / (1 + Math.exp(-s));
          }
          h = next;
        }
        for (int o = 0; o < 2; o++) {
          assertThat(y.get(b, o)).as("%s output %d,%d", act, b, o).isCloseTo(h[o], within(1e-14));
        }
      }
    }
  }

  private static double scalar(Activation a, double x) {
    switch (a) {
      case IDENTITY:
        return x;
      case TANH:
        return Math.tanh(x);
      case RELU:
        return Math.max(0, x);
      case SOFTPLUS:
        return Math.log1p(Math.exp(x));
      case GELU:
        return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
      case SIGMOID:
        return 1 / (1 + Math.exp(-x));
      default:
        throw new AssertionError(a);
    }
  }

  @Test
  void gruCellByHandForOneUnit() {
    // I = 1, H = 1: weight_ih = (r, z, n) rows, then weight_hh, bias_ih, bias_hh.
    GruCell gru = GruCell.of(1, 1);
    double[] theta = {0.5, -0.3, 0.8, 0.2, 0.4, -0.6, 0.1, 0.0, -0.2, 0.05, 0.3, 0.15};
    double x = 1.5;
    double h = -0.4;
    double r = 1 / (1 + Math.exp(-(0.5 * x + 0.1 + 0.2 * h + 0.05)));
    double z = 1 / (1 + Math.exp(-(-0.3 * x + 0.0 + 0.4 * h + 0.3)));
    double n = Math.tanh(0.8 * x - 0.2 + r * (-0.6 * h + 0.15));
    double expected = (1 - z) * n + z * h;
    Tensor out = gru.apply(Tensor.vector(theta), Tensor.vector(x), Tensor.vector(h));
    assertThat(out.shape()).isEqualTo(Shape.of(1));
    assertThat(out.item()).isCloseTo(expected, within(1e-15));
    // By hand: r = σ(0.82) = 0.694236, z = σ(−0.31) = 0.423115, n = tanh(1 + 0.39 r) = 0.854001,
    // h' = 0.576885 n − 0.4 z = 0.323415.
    assertThat(out.item()).isCloseTo(0.323415, within(1e-6));
  }

  @Test
  void gruCellMatchesPyTorchEquationsOnABatch() {
    int in = 3;
    int hs = 4;
    GruCell gru = GruCell.of(in, hs);
    ParameterSet p = gru.init(Key.of(9));
    Tensor x = Tensor.normal(Key.of(1), 2, in);
    Tensor h = Tensor.normal(Key.of(2), 2, hs);
    Tensor out = gru.apply(p.tensor(), x, h);
    assertThat(out.shape()).isEqualTo(Shape.of(2, hs));
    double[] wi = p.get("weight_ih").toArray();
    double[] wh = p.get("weight_hh").toArray();
    double[] bi = p.get("bias_ih").toArray();
    double[] bh = p.get("bias_hh").toArray();
    for (int b = 0; b < 2; b++) {
      for (int j = 0; j < hs; j++) {
        double[] gi = new double[3];
        double[] gh = new double[3];
        for (int gate = 0; gate < 3; gate++) {
          int row = gate * hs + j;
          gi[gate] = bi[row];
          for (int i = 0; i < in; i++) {
            gi[gate] += wi[row * in + i] * x.get(b, i);
          }
          gh[gate] = bh[row];
          for (int k = 0; k < hs; k++) {
            gh[gate] += wh[row * hs + k] * h.get(b, k);
          }
        }
        double r = 1 / (1 + Math.exp(-(gi[0] + gh[0])));
        double z = 1 / (1 + Math.exp(-(gi[1] + gh[1])));
        double n = Math.tanh(gi[2] + r * gh[2]);
        assertThat(out.get(b, j)).isCloseTo((1 - z) * n + z * h.get(b, j), within(1e-14));
      }
    }
    assertThatThrownBy(() -> gru.apply(p.tensor(), x, Tensor.zeros(2, 3)))
        .hasMessageContaining("GruCell: h must have last axis 4");
    assertThatThrownBy(() -> gru.apply(p.tensor(), x)).hasMessageContaining("takes 2 input(s)");
  }

  @Test
  void layerNormByHand() {
    LayerNorm ln = LayerNorm.of(4);
    ParameterSet p = ln.init(Key.of(0));
    // Row [1, 2, 3, 4]: mean 2.5, biased variance 1.25.
    Tensor x = Tensor.matrix(new double[][] {{1, 2, 3, 4}, {-2, -2, -2, 6}});
    Tensor y = ln.apply(p.tensor(), x);
    double s = Math.sqrt(1.25 + 1e-5);
    double[] row0 = {-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s};
    // Row [-2, -2, -2, 6]: mean 0, variance 12.
    double t = Math.sqrt(12 + 1e-5);
    double[] row1 = {-2 / t, -2 / t, -2 / t, 6 / t};
    for (int j = 0; j < 4; j++) {
      assertThat(y.get(0, j)).isCloseTo(row0[j], within(1e-15));
      assertThat(y.get(1, j)).isCloseTo(row1[j], within(1e-15));
    }
    p.set("weight", Tensor.vector(2, 1, 1, 1));
    p.set("bias", Tensor.vector(0, 0, 0, 10));
    Tensor z = ln.apply(p.tensor(), x);
    assertThat(z.get(0, 0)).isCloseTo(-3 / s, within(1e-15));
    assertThat(z.get(0, 3)).isCloseTo(10 + 1.5 / s, within(1e-14));
    assertThat(LayerNorm.of(4, 1e-5, false).numParams()).isZero();
  }

  @Test
  void tracedAndCompiledForwardEqualsEager() {
    Mlp mlp = Mlp.builder(2, 8, 2).activation(Activation.SOFTPLUS).build();
    ParameterSet p = mlp.init(Key.of(5));
    Tensor x = Tensor.normal(Key.of(6), 7, 2);
    Function f = Function.of(in -> new Tensor[] {mlp.apply(in[0], in[1])});
    Tensor compiled = f.call(p.tensor(), x)[0];
    assertThat(compiled.toArray())
        .containsExactly(mlp.apply(p.tensor(), x).toArray(), within(1e-15));
  }
}
