package org.nde4j.solve.term;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/**
 * {@code dy = f(y) dX} with the smooth path {@code X(t) = (sin t, t²)} and {@code f(y) = [[y0,
 * 0], [1, 1]]}: {@code y0' = y0 cos t}, {@code y1' = cos t + 2t}, so from {@code y(0) = (1, 0)},
 * {@code y = (e^{sin t}, sin t + t²)}.
 */
class ControlTermTest {
  static final Path PATH = new Path() {
    @Override
    public int dim() {
      return 2;
    }

    @Override
    public double t0() {
      return 0;
    }

    @Override
    public double t1() {
      return 3;
    }

    @Override
    public void evaluate(double t, double[] out) {
      out[0] = Math.sin(t);
      out[1] = t * t;
    }

    @Override
    public void derivative(double t, double[] out) {
      out[0] = Math.cos(t);
      out[1] = 2 * t;
    }
  };

  static final ControlField FIELD = (t, y, m) -> {
    m[0] = y[0];
    m[1] = 0;
    m[2] = 1;
    m[3] = 1;
  };

  static double[] exact(double t) {
    return new double[] {Math.exp(Math.sin(t)), Math.sin(t) + t * t};
  }

  /** The same field with tensor ops: y as a column times [[1, 0], [0, 0]] plus [[0, 0], [1, 1]]. */
  static Tensor[] tensorField(Tensor[] in) {
    Tensor y = in[1];
    Tensor first = Tensor.matrix(new double[][] {{1, 0}, {0, 0}});
    Tensor ones = Tensor.matrix(new double[][] {{0, 0}, {1, 1}});
    return new Tensor[] {y.reshape(2, 1).mul(first).add(ones)};
  }

  @Test
  void plainArrayFieldFollowsTheClosedForm() {
    assertSolvesToTheClosedForm(ControlTerm.of(2, FIELD, PATH));
  }

  @Test
  void tensorFieldFollowsTheClosedFormAndEqualsThePlainOne() {
    ControlTerm traced = ControlTerm.of(ControlTermTest::tensorField, Shape.of(2), PATH);
    ControlTerm plain = ControlTerm.of(2, FIELD, PATH);
    double[] a = new double[2];
    double[] b = new double[2];
    traced.rate(1.3, new double[] {0.7, -2}, a);
    plain.rate(1.3, new double[] {0.7, -2}, b);
    assertThat(a).containsExactly(b, within(1e-15));
    assertThat(traced.path()).isSameAs(PATH);
    assertSolvesToTheClosedForm(traced);
  }

  private static void assertSolvesToTheClosedForm(ControlTerm term) {
    Solution s = Solve.of(term, new Tsit5(), 0, 3, new double[] {1, 0})
        .controller(PidController.of(1e-10, 1e-10)).run();
    double[] ex = exact(3);
    assertThat(s.yEnd()[0]).isCloseTo(ex[0], within(1e-8));
    assertThat(s.yEnd()[1]).isCloseTo(ex[1], within(1e-8));
  }

  @Test
  void aWrongMatrixShapeNamesBothShapes() {
    assertThatThrownBy(() -> ControlTerm.of(in -> new Tensor[] {in[1].mul(2)}, Shape.of(2), PATH))
        .isInstanceOf(ShapeException.class)
        .hasMessageContaining(Shape.of(2, 2).toString())
        .hasMessageContaining(Shape.of(2).toString());
    assertThatThrownBy(() -> ControlTerm.of(0, FIELD, PATH)).hasMessageContaining("got 0");
  }
}
