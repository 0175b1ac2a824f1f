package org.nde4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nde4j.compile.Graph;
import org.nde4j.compile.Plan;
import org.nde4j.compile.Transforms;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * Fused elementwise trees too large for straight-line code run as generated loops: every
 * elementwise function, with operands broadcast along rows, columns and as scalars, must agree
 * with eager evaluation (and with the kernel-by-kernel plan) to rounding, forward and VJP.
 */
class FusedCodeTest {
  private static final Shape FULL = Shape.of(40, 30);

  private static TensorFn chain(int variant) {
    return in -> {
      Tensor x = in[0];
      Tensor row = in[1];  // [30]
      Tensor col = in[2];  // [40, 1]
      Tensor y;
      switch (variant) {
        case 0:
          y = x.add(row).tanh().mul(col).sub(x.square()).div(row.square().add(1.0));
          break;
        case 1:
          y = x.mul(row).sigmoid().add(x.softplus().mul(col)).exp().sqrt();
          break;
        case 2:
          y = Tensor.where(x.gt(col), x.sin().mul(row), x.cos().add(col)).abs().log1p();
          break;
        case 3:
          y = x.maximum(row).minimum(col.add(0.5)).mul(x.gelu()).add(x.relu().mul(2.0))
              .pow(Tensor.scalar(2.0)).expm1().neg();
          break;
        default:
          y = x.mul(col).add(row).exp().log().tan().mul(x.tanh()).div(col.abs().add(0.5));
      }
      return new Tensor[] {y};
    };
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void generatedLoopsAgreeWithEager(int variant) {
    RandomShapes r = new RandomShapes(variant);
    Tensor[] x = {r.uniform(FULL, -1, 1), r.uniform(Shape.of(30), -1, 1),
        r.uniform(Shape.of(40, 1), -1, 1)};
    TensorFn f = chain(variant);
    Graph g = Graph.trace(f, FULL, Shape.of(30), Shape.of(40, 1));
    Plan generated = g.compile();
    assertThat(generated.isGenerated()).as("too large for straight-line code").isFalse();
    double[] eager = GradCheck.evalFlat(f, x);
    assertThat(Norms.relativeError(OpContractTest.flat(generated.call(x)), eager, 1e-300))
        .isLessThan(1e-12);
    assertThat(Norms.relativeError(OpContractTest.flat(g.compile(false).call(x)), eager, 1e-300))
        .isLessThan(1e-12);
    Tensor u = r.direction(FULL);
    double[] eagerVjp = Norms.flat(GradCheck.vjp(f, x, new Tensor[] {u}));
    Tensor[] out = Transforms.vjp(g).compile().call(OpContractTest.cat(x, new Tensor[] {u}));
    double[] compiledVjp = OpContractTest.flat(java.util.Arrays.copyOfRange(out, 1, out.length));
    assertThat(Norms.relativeError(compiledVjp, eagerVjp, 1e-300)).isLessThan(1e-12);
  }
}
