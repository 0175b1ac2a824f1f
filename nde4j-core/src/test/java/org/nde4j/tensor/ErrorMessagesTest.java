package org.nde4j.tensor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nde4j.autodiff.Autodiff;
import org.nde4j.autodiff.CustomOp;

/** Bad input names the op and the shapes involved. */
class ErrorMessagesTest {

  @Test
  void nonBroadcastableOperands() {
    assertThatThrownBy(() -> Tensor.zeros(2, 3).add(Tensor.zeros(4)))
        .isInstanceOf(ShapeException.class)
        .hasMessageContaining("add").hasMessageContaining("[2, 3]").hasMessageContaining("[4]");
  }

  @Test
  void matmulInnerDimensionMismatchAndRank() {
    assertThatThrownBy(() -> Tensor.zeros(3, 4).matmul(Tensor.zeros(5, 2)))
        .isInstanceOf(ShapeException.class)
        .hasMessageContaining("matmul").hasMessageContaining("[3, 4]")
        .hasMessageContaining("[5, 2]");
    assertThatThrownBy(() -> Tensor.zeros(3).matmul(Tensor.zeros(3, 2)))
        .isInstanceOf(ShapeException.class)
        .hasMessageContaining("matmul").hasMessageContaining("[3]")
        .hasMessageContaining("[3, 2]");
  }

  @Test
  void wrongRanksAndAxes() {
    assertThatThrownBy(() -> Tensor.zeros(2, 3).sum(2))
        .isInstanceOf(ShapeException.class).hasMessageContaining("sum")
        .hasMessageContaining("[2, 3]");
    assertThatThrownBy(() -> Tensor.zeros(2, 3).reshape(4, 2))
        .isInstanceOf(ShapeException.class).hasMessageContaining("reshape")
        .hasMessageContaining("[2, 3]").hasMessageContaining("[4, 2]");
    assertThatThrownBy(() -> Tensor.concat(0, Tensor.zeros(2, 3), Tensor.zeros(2, 4)))
        .isInstanceOf(ShapeException.class).hasMessageContaining("concat")
        .hasMessageContaining("[2, 3]").hasMessageContaining("[2, 4]");
    assertThatThrownBy(() -> Tensor.zeros(2, 3).permute(0, 0))
        .isInstanceOf(ShapeException.class).hasMessageContaining("permute");
    assertThatThrownBy(() -> Tensor.zeros(2, 3).slice(1, 1, 5))
        .isInstanceOf(ShapeException.class).hasMessageContaining("slice")
        .hasMessageContaining("[2, 3]");
  }

  @Test
  void backwardThroughAComparisonIsRejected() {
    Tensor x = Tensor.vector(1, 2, 3).requiresGrad(true);
    Tensor c = x.gt(Tensor.vector(2, 2, 2));
    assertThatThrownBy(() -> c.sum().backward())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> c.backward(Tensor.ones(3), false))
        .isInstanceOf(NotDifferentiableException.class)
        .hasMessageContaining("gt").hasMessageContaining("[3]");
  }

  @Test
  void customOpWithoutVjpIsRejectedByName() {
    CustomOp noGrad = CustomOp.builder("blackbox")
        .shape(in -> in[0])
        .forward((in, s, out) -> System.arraycopy(in[0], 0, out, 0, out.length))
        .build();
    assertThatThrownBy(() -> Autodiff.grad(in -> new Tensor[] {noGrad.apply(in[0]).sum()},
        Tensor.vector(1, 2)))
        .isInstanceOf(NotDifferentiableException.class)
        .hasMessageContaining("blackbox").hasMessageContaining("[2]");
  }
}
