package org.nde4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nde4j.autodiff.Autodiff;
import org.nde4j.compile.Graph;
import org.nde4j.compile.Transforms;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * Second derivatives of a tanh/softplus MLP: VJP of VJP and JVP of VJP (Hessian-vector products),
 * eager and compiled, against central differences of the first derivative.
 */
class SecondOrderTest {
  // inputs: x [4,3], W1 [3,5], b1 [5], W2 [5,5], b2 [5], W3 [5,2], b3 [2]
  private static final Shape[] SHAPES = {Shape.of(4, 3), Shape.of(3, 5), Shape.of(5),
      Shape.of(5, 5), Shape.of(5), Shape.of(5, 2), Shape.of(2)};

  private final RandomShapes r = new RandomShapes(42);
  private final Tensor u = r.direction(Shape.of(4, 2));

  private final TensorFn f = in -> {
    Tensor h = in[0].matmul(in[1]).add(in[2]).tanh();
    h = h.matmul(in[3]).add(in[4]).softplus();
    Tensor y = h.matmul(in[5]).add(in[6]);
    return new Tensor[] {y.mul(u).sum()};
  };

  private Tensor[] point() {
    Tensor[] x = new Tensor[SHAPES.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.uniform(SHAPES[i], -1, 1);
    }
    return x;
  }

  /** The gradient as a function (eager, first order only), for differencing. */
  private final TensorFn gradient = in -> Autodiff.grad(f, in);

  private double[] hvpByDifferences(Tensor[] x, Tensor[] w) {
    return GradCheck.directional(gradient, x, w, GradCheck.STEP);
  }

  @Test
  void jvpOfVjpMatchesDifferencesOfTheGradient() {
    Tensor[] x = point();
    Tensor[] w = point();
    double[] hv = DotProductTest.flatten(Autodiff.hvp(f, x, w));
    assertThat(Norms.relativeError(hv, hvpByDifferences(x, w), 1e-8)).isLessThan(1e-6);
  }

  @Test
  void vjpOfVjpMatchesDifferencesOfTheGradient() {
    Tensor[] x = point();
    Tensor[] w = point();
    // ∇_x ⟨w, ∇f(x)⟩ = H w, by reverse over reverse
    TensorFn inner = in -> {
      Tensor[] g = Autodiff.grad(f, true, in);
      Tensor s = Tensor.scalar(0.0);
      for (int i = 0; i < g.length; i++) {
        s = s.add(g[i].mul(w[i]).sum());
      }
      return new Tensor[] {s};
    };
    double[] hv = DotProductTest.flatten(Autodiff.grad(inner, x));
    assertThat(Norms.relativeError(hv, hvpByDifferences(x, w), 1e-8)).isLessThan(1e-6);
  }

  @Test
  void compiledHessianVectorProductsMatchDifferences() {
    Tensor[] x = point();
    Tensor[] w = point();
    double[] fd = hvpByDifferences(x, w);
    Graph g = Graph.trace(f, SHAPES);
    Tensor[] xw = OpContractTest.cat(x, w);
    double[] fwdOverRev = DotProductTest.flatten(Transforms.hvp(g).compile().call(xw));
    assertThat(Norms.relativeError(fwdOverRev, fd, 1e-8)).isLessThan(1e-6);

    // reverse over reverse as graphs: grad of ⟨w, grad f⟩
    Graph grad = Transforms.grad(g);
    Shape[] both = new Shape[SHAPES.length * 2];
    System.arraycopy(SHAPES, 0, both, 0, SHAPES.length);
    System.arraycopy(SHAPES, 0, both, SHAPES.length, SHAPES.length);
    Graph pairing = Graph.trace(in -> {
      Tensor[] gx = grad.replay(java.util.Arrays.copyOf(in, SHAPES.length));
      Tensor s = Tensor.scalar(0.0);
      for (int i = 0; i < gx.length; i++) {
        s = s.add(gx[i].mul(in[SHAPES.length + i]).sum());
      }
      return new Tensor[] {s};
    }, both);
    Tensor[] revOverRev = Transforms.grad(pairing).compile().call(xw);
    double[] hv = DotProductTest.flatten(java.util.Arrays.copyOf(revOverRev, SHAPES.length));
    assertThat(Norms.relativeError(hv, fd, 1e-8)).isLessThan(1e-6);
  }
}
