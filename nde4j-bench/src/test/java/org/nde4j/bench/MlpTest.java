package org.nde4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.compile.Graph;
import org.nde4j.compile.Transforms;
import org.nde4j.random.Key;
import org.nde4j.tensor.Tensor;

class MlpTest {
  private final Mlp mlp = Mlp.of(Tensor::tanh, "tanh", 3, 4, 2);

  @Test
  void initialisationIsPytorchDefaultBounds() {
    Tensor[] p = mlp.initParameters(Key.of(1));
    assertThat(p).hasSize(4);
    assertThat(p[0].shape().dims()).containsExactly(3, 4);
    assertThat(p[3].shape().dims()).containsExactly(2);
    for (double w : p[0].toArray()) {
      assertThat(Math.abs(w)).isLessThanOrEqualTo(1 / Math.sqrt(3));
    }
    for (double w : p[2].toArray()) {
      assertThat(Math.abs(w)).isLessThanOrEqualTo(1 / Math.sqrt(4));
    }
    assertThat(mlp.initParameters(Key.of(1))[2].toArray()).containsExactly(p[2].toArray());
  }

  @Test
  void forwardMatchesHandComputation() {
    Tensor[] p = mlp.initParameters(Key.of(2));
    Tensor x = Tensor.normal(Key.of(3), 1, 3);
    double[] w1 = p[0].toArray();
    double[] b1 = p[1].toArray();
    double[] w2 = p[2].toArray();
    double[] b2 = p[3].toArray();
    double[] xv = x.toArray();
    double[] h = new double[4];
    for (int j = 0; j < 4; j++) {
      double s = b1[j];
      for (int i = 0; i < 3; i++) {
        s += xv[i] * w1[i * 4 + j];
      }
      h[j] = Math.tanh(s);
    }
    double[] y = mlp.apply(x, p).toArray();
    for (int k = 0; k < 2; k++) {
      double s = b2[k];
      for (int j = 0; j < 4; j++) {
        s += h[j] * w2[j * 2 + k];
      }
      assertThat(y[k]).isCloseTo(s, within(1e-14));
    }
  }

  /** The compiled VJP's weight gradient agrees with central differences of ȳ·f. */
  @Test
  void compiledVjpGivesWeightGradients() {
    int batch = 5;
    Tensor[] p = mlp.initParameters(Key.of(4));
    Tensor x = Tensor.normal(Key.of(5), batch, 3);
    Tensor u = Tensor.normal(Key.of(6), batch, 2);
    Tensor[] in = {x, p[0], p[1], p[2], p[3], u};
    Tensor[] r = Transforms.vjp(Graph.trace(mlp.fn(), mlp.inputShapes(batch))).compile().call(in);
    double[] gw1 = r[2].toArray();
    double h = 1e-6;
    for (int idx = 0; idx < 12; idx++) {
      double[] plus = p[0].toArray();
      double[] minus = p[0].toArray();
      plus[idx] += h;
      minus[idx] -= h;
      double fd = (dot(u, mlp.apply(x, Tensor.of(plus, 3, 4), p[1], p[2], p[3]))
          - dot(u, mlp.apply(x, Tensor.of(minus, 3, 4), p[1], p[2], p[3]))) / (2 * h);
      assertThat(gw1[idx]).isCloseTo(fd, within(1e-8));
    }
  }

  private static double dot(Tensor a, Tensor b) {
    return a.mul(b).sum().item();
  }
}
