package org.nde4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nde4j.compile.Graph;
import org.nde4j.compile.Transforms;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/**
 * Every op at three random shapes: VJP and JVP against central differences, the dot-product test
 * between them, and eager against compiled results (forward, VJP and JVP graphs).
 */
class OpContractTest {
  static List<OpCases.Case> cases() {
    return OpCases.all(20261130L);
  }

  private static Tensor[] cotangents(OpCases.Case c, RandomShapes r) {
    Tensor[] y = c.fn().apply(c.inputs());
    Tensor[] u = new Tensor[y.length];
    for (int i = 0; i < y.length; i++) {
      u[i] = r.direction(y[i].shape());
    }
    return u;
  }

  private static Tensor[] directions(Tensor[] x, RandomShapes r) {
    Tensor[] v = new Tensor[x.length];
    for (int i = 0; i < x.length; i++) {
      v[i] = r.direction(x[i].shape());
    }
    return v;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void vjpMatchesCentralDifferences(OpCases.Case c) {
    RandomShapes r = new RandomShapes(c.toString().hashCode());
    Tensor[] u = cotangents(c, r);
    double[][] analytic = GradCheck.vjp(c.fn(), c.inputs(), u);
    double[][] numeric = GradCheck.vjpByDifferences(c.fn(), c.inputs(),
        DotProductTest.flatten(u), GradCheck.STEP);
    assertThat(Norms.relativeError(Norms.flat(analytic), Norms.flat(numeric), 1e-8))
        .as(c.toString()).isLessThan(1e-6);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void jvpMatchesCentralDifferences(OpCases.Case c) {
    RandomShapes r = new RandomShapes(c.toString().hashCode() + 1);
    Tensor[] v = directions(c.inputs(), r);
    double[] analytic = GradCheck.jvp(c.fn(), c.inputs(), v);
    double[] numeric = GradCheck.directional(c.fn(), c.inputs(), v, GradCheck.STEP);
    assertThat(Norms.relativeError(analytic, numeric, 1e-8)).as(c.toString()).isLessThan(1e-6);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void jvpAndVjpAreTransposes(OpCases.Case c) {
    RandomShapes r = new RandomShapes(c.toString().hashCode() + 2);
    Tensor[] u = cotangents(c, r);
    Tensor[] v = directions(c.inputs(), r);
    assertThat(DotProductTest.mismatch(c.fn(), c.inputs(), u, v)).as(c.toString())
        .isLessThan(1e-10);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void generatedCodeAgreesWithEager(OpCases.Case c) {
    compiledAgreesWithEager(c, true);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void kernelPlansAgreeWithEager(OpCases.Case c) {
    compiledAgreesWithEager(c, false);
  }

  private void compiledAgreesWithEager(OpCases.Case c, boolean generate) {
    RandomShapes r = new RandomShapes(c.toString().hashCode() + 3);
    Tensor[] x = c.inputs();
    Shape[] shapes = new Shape[x.length];
    for (int i = 0; i < x.length; i++) {
      shapes[i] = x[i].shape();
    }
    Graph g = Graph.trace(c.fn(), shapes);
    double[] eager = GradCheck.evalFlat(c.fn(), x);
    double[] compiled = flat(g.compile(generate).call(x));
    assertThat(Norms.relativeError(compiled, eager, 1e-300)).as("forward " + c).isLessThan(1e-12);

    Tensor[] u = cotangents(c, r);
    double[] eagerVjp = Norms.flat(GradCheck.vjp(c.fn(), x, u));
    Tensor[] vjpOut = Transforms.vjp(g).compile(generate).call(cat(x, u));
    double[] compiledVjp = flat(java.util.Arrays.copyOfRange(vjpOut, u.length, vjpOut.length));
    assertThat(Norms.relativeError(compiledVjp, eagerVjp, 1e-300)).as("vjp " + c)
        .isLessThan(1e-12);

    Tensor[] v = directions(x, r);
    double[] eagerJvp = GradCheck.jvp(c.fn(), x, v);
    Tensor[] jvpOut = Transforms.jvp(g).compile(generate).call(cat(x, v));
    double[] compiledJvp = flat(java.util.Arrays.copyOfRange(jvpOut, g.numOutputs(),
        jvpOut.length));
    assertThat(Norms.relativeError(compiledJvp, eagerJvp, 1e-300)).as("jvp " + c)
        .isLessThan(1e-12);
  }

  static Tensor[] cat(Tensor[] a, Tensor[] b) {
    Tensor[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  static double[] flat(Tensor[] t) {
    return DotProductTest.flatten(t);
  }
}
