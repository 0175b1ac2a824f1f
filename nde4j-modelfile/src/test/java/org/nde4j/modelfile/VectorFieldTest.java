package org.nde4j.modelfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.compile.Function;
import org.nde4j.compile.Graph;
import org.nde4j.compile.Transforms;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;
import org.nde4j.testkit.GradCheck;

/** The compiled vector field, event conditions and resets: values, batching, tracing, Jacobians. */
class VectorFieldTest {
  private static final ModelDefinition ROBER = ModelFile.parse(ModelFileTest.ROBERTSON, "r.yaml");
  private static final Tensor P = Tensor.vector(ROBER.paramValues());

  /** Robertson's right-hand side written out by hand. */
  private static double[] rober(double[] y) {
    double k1 = 0.04;
    double k2 = 3.0e7;
    double k3 = 1.0e4;
    return new double[] {-k1 * y[0] + k3 * y[1] * y[2],
        k1 * y[0] - k3 * y[1] * y[2] - k2 * y[1] * y[1], k2 * y[1] * y[1]};
  }

  @Test
  void eagerValueMatchesTheHandWrittenField() {
    double[] y = {0.9, 2e-5, 0.1};
    Tensor dy = ROBER.vectorField().apply(Tensor.scalar(0), Tensor.vector(y), P)[0];
    assertThat(dy.shape()).isEqualTo(Shape.of(3));
    assertThat(dy.toArray()).containsExactly(rober(y), within(1e-15));
  }

  @Test
  void batchedStatesGiveOneRowPerSample() {
    double[][] rows = {{1, 0, 0}, {0.9, 2e-5, 0.1}, {0.5, 1e-4, 0.5}, {0.2, 3e-6, 0.8}};
    Tensor y = Tensor.matrix(rows).reshape(2, 2, 3);
    Tensor dy = ROBER.vectorField().apply(Tensor.scalar(1.0), y, P)[0];
    assertThat(dy.shape()).isEqualTo(Shape.of(2, 2, 3));
    double[] flat = dy.toArray();
    for (int i = 0; i < rows.length; i++) {
      double[] want = rober(rows[i]);
      for (int j = 0; j < 3; j++) {
        assertThat(flat[3 * i + j]).isCloseTo(want[j], within(1e-12));
      }
    }
  }

  @Test
  void tracedAndCompiledAgreeWithEager() {
    Function f = Function.of(ROBER.vectorField());
    for (Shape ys : new Shape[] {Shape.of(3), Shape.of(5, 3)}) {
      Tensor y = Tensor.full(0.3, ys).add(Tensor.arange(0, ys.size(), 1).reshape(ys).mul(1e-3));
      Tensor t = Tensor.scalar(2.0);
      Tensor eager = ROBER.vectorField().apply(t, y, P)[0];
      Tensor compiled = f.call(t, y, P)[0];
      assertThat(compiled.toArray()).containsExactly(eager.toArray(), within(1e-9));
    }
  }

  @Test
  void jacobianByTransformsMatchesFiniteDifferences() {
    Graph g = Graph.trace(ROBER.vectorField(), Shape.scalar(), Shape.of(3), Shape.of(3));
    Graph jy = Transforms.jacobian(g, 0, 1);
    Graph jp = Transforms.jacobian(g, 0, 2);
    double[] y = {0.8, 3e-5, 0.2};
    Tensor t = Tensor.scalar(0);
    double[] dfdy = jy.compile().call(t, Tensor.vector(y), P)[0].toArray();
    double[] dfdp = jp.compile().call(t, Tensor.vector(y), P)[0].toArray();
    // analytic Robertson Jacobian as an independent check
    double[] analytic = {-0.04, 1e4 * y[2], 1e4 * y[1],
        0.04, -1e4 * y[2] - 6e7 * y[1], -1e4 * y[1],
        0, 6e7 * y[1], 0};
    assertThat(dfdy).containsExactly(analytic, within(1e-9));
    TensorFn f = ROBER.vectorField();
    Tensor[] x = {t, Tensor.vector(y), P};
    for (int i = 0; i < 3; i++) {
      double[] u = new double[3];
      u[i] = 1;
      double[][] rowsByDifferences = GradCheck.vjpByDifferences(f, x, u, 1e-7);
      for (int j = 0; j < 3; j++) {
        assertThat(dfdy[3 * i + j]).isCloseTo(rowsByDifferences[1][j],
            within(1e-6 * (1 + Math.abs(dfdy[3 * i + j]))));
      }
      double[] dp = GradCheck.directional(f, x, new Tensor[] {Tensor.scalar(0), Tensor.zeros(3),
          Tensor.vector(P.get(0) * (i == 0 ? 1 : 0), P.get(1) * (i == 1 ? 1 : 0),
              P.get(2) * (i == 2 ? 1 : 0))}, 1e-6);
      for (int r = 0; r < 3; r++) {
        assertThat(dfdp[3 * r + i] * P.get(i)).isCloseTo(dp[r], within(1e-7 * (1 + Math.abs(dp[r]))));
      }
    }
  }

  @Test
  void modelsWithoutParamsTakeAnEmptyVectorAndConstantEquationsBroadcast() {
    ModelDefinition m = ModelFile.parse("states: {x: 0, v: 1}\nequations: {x: v, v: -9.81 + 0*t}\n"
        + "tspan: [0, 1]\n", "fall.yaml");
    Tensor y = Tensor.matrix(new double[][] {{0, 1}, {2, 3}});
    Tensor dy = m.vectorField().apply(Tensor.scalar(0), y, Tensor.zeros(0))[0];
    assertThat(dy.toArray()).containsExactly(1, -9.81, 3, -9.81);
    Tensor traced = Function.of(m.vectorField()).call(Tensor.scalar(0), y, Tensor.zeros(0))[0];
    assertThat(traced.toArray()).containsExactly(1, -9.81, 3, -9.81);
  }

  @Test
  void eventConditionAndResetOfTheBouncingBall() {
    ModelDefinition m = ModelFile.parse(String.join("\n", "states: {x: 1.0, v: 0.0}",
        "params: {g: 9.81}", "equations: {x: v, v: -g}", "tspan: [0, 10]", "events:",
        "  - {name: ground, condition: x, direction: falling, reset: {v: -0.9*v}}", ""), "b.yaml");
    Tensor y = Tensor.matrix(new double[][] {{0.5, -2.0}, {-0.1, -3.0}, {2.0, 1.0}});
    Tensor p = Tensor.vector(m.paramValues());
    Tensor g = m.eventCondition(0).apply(Tensor.scalar(0), y, p)[0];
    assertThat(g.shape()).isEqualTo(Shape.of(3));
    assertThat(g.toArray()).containsExactly(0.5, -0.1, 2.0);
    Tensor r = m.eventReset(0).apply(Tensor.scalar(0), y, p)[0];
    assertThat(r.shape()).isEqualTo(Shape.of(3, 2));
    assertThat(r.toArray()).containsExactly(new double[] {0.5, 1.8, -0.1, 2.7, 2.0, -0.9},
        within(1e-15));
    Tensor single = m.eventCondition(0).apply(Tensor.scalar(0), Tensor.vector(0.25, 1), p)[0];
    assertThat(single.shape()).isEqualTo(Shape.scalar());
    Tensor compiled = Function.of(m.eventReset(0)).call(Tensor.scalar(0), y, p)[0];
    assertThat(compiled.toArray()).containsExactly(r.toArray(), within(1e-15));
  }

  @Test
  void wrongShapesNameTheModelAndTheExpectedShape() {
    TensorFn f = ROBER.vectorField();
    assertThatThrownBy(() -> f.apply(Tensor.scalar(0), Tensor.zeros(2), P))
        .isInstanceOf(ShapeException.class)
        .hasMessageContaining("model 'robertson'").hasMessageContaining("[..., 3]");
    assertThatThrownBy(() -> f.apply(Tensor.zeros(1), Tensor.zeros(3), P))
        .isInstanceOf(ShapeException.class).hasMessageContaining("t must have shape []");
    assertThatThrownBy(() -> f.apply(Tensor.scalar(0), Tensor.zeros(3), Tensor.zeros(2)))
        .isInstanceOf(ShapeException.class).hasMessageContaining("p must have shape [3]");
  }
}
