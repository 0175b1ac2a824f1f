package org.nde4j.solve.adjoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nde4j.compile.Function;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/** The solve as one op on the eager tape and inside a traced function. */
class SolveOpTest {
  private static SolveOp linear() {
    return SolveOp.of(DifferentiableTerm.of(GradFields.linear(3), 3, 9), new Tsit5(), 0,
        DiscreteAdjointTest.T1).controller(PidController.of(1e-11, 1e-13))
        .adjoint(Adjoint.checkpointed(8));
  }

  @Test
  void eagerBackwardGivesTheAnalyticGradients() {
    Tensor y0 = Tensor.vector(DiscreteAdjointTest.Y0).requiresGrad(true);
    Tensor theta = Tensor.vector(DiscreteAdjointTest.flat(DiscreteAdjointTest.A))
        .requiresGrad(true);
    Tensor ys = linear().apply(y0, theta);
    assertThat(ys.shape()).isEqualTo(Shape.of(1, 3));
    ys.mul(Tensor.of(DiscreteAdjointTest.W, 1, 3)).sum().backward();
    double[] dy0 = DiscreteAdjointTest.expectedY0Gradient();
    double[] dA = DiscreteAdjointTest.expectedAGradient();
    for (int i = 0; i < 3; i++) {
      DiscreteAdjointTest.assertClose(y0.grad().toArray()[i], dy0[i], 1e-8, "y0[" + i + "]");
    }
    for (int i = 0; i < 9; i++) {
      DiscreteAdjointTest.assertClose(theta.grad().toArray()[i], dA[i], 1e-8, "A[" + i + "]");
    }
  }

  /** Traced: the VJP graph of a function containing the solve runs the adjoint inside the plan. */
  @Test
  void tracedGradientMatchesTheEagerOne() {
    SolveOp solve = linear();
    Tensor w = Tensor.of(DiscreteAdjointTest.W, 1, 3);
    Function loss = Function.of(in -> new Tensor[] {solve.apply(in[0], in[1]).mul(w).sum()});
    Tensor[] out = org.nde4j.compile.Transforms.vjp(loss.trace(Shape.of(3), Shape.of(9)))
        .compile().call(Tensor.vector(DiscreteAdjointTest.Y0),
            Tensor.vector(DiscreteAdjointTest.flat(DiscreteAdjointTest.A)), Tensor.scalar(1));
    double[] dy0 = DiscreteAdjointTest.expectedY0Gradient();
    for (int i = 0; i < 3; i++) {
      DiscreteAdjointTest.assertClose(out[1].toArray()[i], dy0[i], 1e-8, "y0[" + i + "]");
    }
  }

  @Test
  void shapesAreChecked() {
    assertThatThrownBy(() -> linear().apply(Tensor.zeros(4), Tensor.zeros(9)))
        .isInstanceOf(ShapeException.class).hasMessageContaining("y0");
    assertThatThrownBy(() -> linear().apply(Tensor.zeros(3), Tensor.zeros(3, 3)))
        .isInstanceOf(ShapeException.class).hasMessageContaining("θ");
  }
}
