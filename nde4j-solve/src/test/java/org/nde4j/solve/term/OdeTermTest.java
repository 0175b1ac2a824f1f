package org.nde4j.solve.term;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.solve.Fields;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

class OdeTermTest {
  @Test
  void tracedLorenzEqualsThePlainArrayOne() {
    OdeTerm traced = OdeTerm.of(Fields.lorenzTensor(), Shape.of(3));
    OdeTerm plain = Fields.lorenz();
    assertThat(traced.size()).isEqualTo(3);
    double[] a = new double[3];
    double[] b = new double[3];
    double[][] points = {{1, 1, 1}, {-8.3, 4.2, 27.1}, {0.5, -13, 40}};
    for (double[] y : points) {
      traced.rate(0.7, y, a);
      plain.rate(0.7, y, b);
      for (int i = 0; i < 3; i++) {
        assertThat(a[i]).isCloseTo(b[i], within(1e-13 * Math.max(1, Math.abs(b[i]))));
      }
    }
    PidController pid = PidController.of(1e-9, 1e-9);
    Solution st = Solve.of(traced, new Tsit5(), 0, 2, new double[] {1, 1, 1}).controller(pid).run();
    Solution sp = Solve.of(plain, new Tsit5(), 0, 2, new double[] {1, 1, 1}).controller(pid).run();
    assertThat(st.stats().accepted()).isEqualTo(sp.stats().accepted());
    for (int i = 0; i < 3; i++) {
      assertThat(st.yEnd()[i]).isCloseTo(sp.yEnd()[i], within(1e-9));
    }
  }

  @Test
  void aWrongOutputShapeNamesBothShapes() {
    // Returns (dx, dy) only: shape [2] for a state of shape [3].
    assertThatThrownBy(() -> OdeTerm.of(in -> new Tensor[] {
        Tensor.stack(0, in[1].index(0, 1), in[1].index(0, 0))}, Shape.of(3)))
        .isInstanceOf(ShapeException.class)
        .hasMessageContaining(Shape.of(3).toString())
        .hasMessageContaining(Shape.of(2).toString());
  }

  @Test
  void badSizeIsNamed() {
    assertThatThrownBy(() -> OdeTerm.of(0, (t, y, dy) -> { }))
        .hasMessageContaining("got 0");
  }

  /** A hand-written Jacobian is used as given and agrees with central differences of the field. */
  @Test
  void handWrittenJacobianIsUsed() {
    VectorField rober = (t, y, dy) -> {
      dy[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
      dy[1] = 0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1];
      dy[2] = 3e7 * y[1] * y[1];
    };
    OdeTerm term = OdeTerm.of(3, rober, (t, y, j) -> {
      j[0] = -0.04;
      j[1] = 1e4 * y[2];
      j[2] = 1e4 * y[1];
      j[3] = 0.04;
      j[4] = -1e4 * y[2] - 6e7 * y[1];
      j[5] = -1e4 * y[1];
      j[6] = 0;
      j[7] = 6e7 * y[1];
      j[8] = 0;
    });
    double[] y = {0.9, 0.03, 0.07};
    double[] analytic = new double[9];
    double[] fd = new double[9];
    Jacobian given = term.jacobian();
    given.evaluate(0, y, analytic);
    // Robertson's field is quadratic in y, so central differences are exact up to rounding.
    double h = 1e-3;
    double[] fp = new double[3];
    double[] fm = new double[3];
    for (int k = 0; k < 3; k++) {
      double[] yp = y.clone();
      double[] ym = y.clone();
      yp[k] += h;
      ym[k] -= h;
      rober.evaluate(0, yp, fp);
      rober.evaluate(0, ym, fm);
      for (int i = 0; i < 3; i++) {
        fd[i * 3 + k] = (fp[i] - fm[i]) / (2 * h);
      }
    }
    for (int i = 0; i < 9; i++) {
      assertThat(analytic[i])
          .isCloseTo(fd[i], within(1e-8 * (1 + Math.abs(fd[i]))));
    }
    assertThat(given.rateEvaluations()).isZero();
    assertThat(given.evaluations()).isEqualTo(1);
  }
}
