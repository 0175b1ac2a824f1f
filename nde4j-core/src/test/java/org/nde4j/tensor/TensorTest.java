package org.nde4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Forward values of the op set against hand-computed results. */
class TensorTest {
  private final Tensor a = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);

  @Test
  void broadcastingFollowsNumpyRules() {
    assertThat(a.add(Tensor.vector(10, 20, 30)).toArray())
        .containsExactly(11, 22, 33, 14, 25, 36);
    assertThat(a.mul(Tensor.of(new double[] {2, -1}, 2, 1)).toArray())
        .containsExactly(2, 4, 6, -4, -5, -6);
    assertThat(a.sub(1.0).shape()).isEqualTo(Shape.of(2, 3));
    assertThat(Tensor.zeros(4, 1, 3).add(Tensor.zeros(2, 1)).shape()).isEqualTo(Shape.of(4, 2, 3));
  }

  @Test
  void matmulAndItsTransposedForms() {
    Tensor b = Tensor.of(new double[] {1, 0, -1, 2, 3, 1}, 3, 2);
    // [[1,2,3],[4,5,6]] @ [[1,0],[-1,2],[3,1]] = [[8,7],[17,16]]
    assertThat(a.matmul(b).toArray()).containsExactly(8, 7, 17, 16);
    assertThat(b.matmul(a, true, true).toArray())
        .containsExactly(a.matmul(b).transpose().toArray());
    assertThat(a.matmul(a, false, true).toArray()).containsExactly(14, 32, 32, 77);
    Tensor batch = Tensor.stack(0, a, a.mul(2.0));
    assertThat(batch.matmul(b).toArray()).containsExactly(8, 7, 17, 16, 16, 14, 34, 32);
  }

  @Test
  void reductions() {
    assertThat(a.sum().item()).isEqualTo(21.0);
    assertThat(a.sum(0).toArray()).containsExactly(5, 7, 9);
    assertThat(a.sum(true, -1).shape()).isEqualTo(Shape.of(2, 1));
    assertThat(a.mean(1).toArray()).containsExactly(2, 5);
    assertThat(a.max(0).toArray()).containsExactly(4, 5, 6);
    assertThat(a.min().item()).isEqualTo(1.0);
  }

  @Test
  void shapeOps() {
    assertThat(a.transpose().toArray()).containsExactly(1, 4, 2, 5, 3, 6);
    assertThat(a.reshape(3, -1).shape()).isEqualTo(Shape.of(3, 2));
    assertThat(Tensor.concat(1, a, a).toArray())
        .containsExactly(1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6);
    assertThat(Tensor.stack(1, a, a).shape()).isEqualTo(Shape.of(2, 2, 3));
    assertThat(a.slice(1, 0, 3, 2).toArray()).containsExactly(1, 3, 4, 6);
    assertThat(a.index(1, -1).toArray()).containsExactly(3, 6);
    assertThat(a.gather(1, 2, 0, 2).toArray()).containsExactly(3, 1, 3, 6, 4, 6);
    Tensor p = Tensor.arange(0, 24, 1).reshape(2, 3, 4).permute(2, 0, 1);
    assertThat(p.shape()).isEqualTo(Shape.of(4, 2, 3));
    assertThat(p.get(3, 1, 2)).isEqualTo(1 * 12 + 2 * 4 + 3);
  }

  @Test
  void comparisonsAndWhere() {
    Tensor c = a.gt(3.0);
    assertThat(c.toArray()).containsExactly(0, 0, 0, 1, 1, 1);
    assertThat(Tensor.where(c, a, a.neg()).toArray()).containsExactly(-1, -2, -3, 4, 5, 6);
  }

  @Test
  void unaryFunctions() {
    Tensor x = Tensor.vector(-1.0, 0.0, 2.0);
    assertThat(x.relu().toArray()).containsExactly(0, 0, 2);
    assertThat(x.softplus().toArray()[0]).isCloseTo(Math.log1p(Math.exp(-1.0)), within(1e-15));
    assertThat(x.sigmoid().toArray()[2]).isCloseTo(1 / (1 + Math.exp(-2.0)), within(1e-15));
    assertThat(x.tanh().toArray()[0]).isCloseTo(Math.tanh(-1.0), within(1e-15));
    // GELU tanh form at x = 2 (Hendrycks & Gimpel eq. 2)
    double g = 0.5 * 2 * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (2 + 0.044715 * 8)));
    assertThat(x.gelu().toArray()[2]).isCloseTo(g, within(1e-15));
    assertThat(Tensor.vector(1000.0, -1000.0).softplus().toArray()).containsExactly(1000.0, 0.0);
  }

  @Test
  void constructors() {
    assertThat(Tensor.eye(2).toArray()).containsExactly(1, 0, 0, 1);
    assertThat(Tensor.linspace(0, 1, 5).toArray()).containsExactly(0, 0.25, 0.5, 0.75, 1.0);
    assertThat(Tensor.arange(1, 2, 0.25).toArray()).containsExactly(1, 1.25, 1.5, 1.75);
    assertThat(Tensor.full(3.0, 2, 2).sum().item()).isEqualTo(12.0);
    assertThat(Tensor.ones(3).toArray()).containsExactly(1, 1, 1);
  }
}
