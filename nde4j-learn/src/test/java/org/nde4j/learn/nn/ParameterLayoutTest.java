package org.nde4j.learn.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nde4j.random.Key;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

class ParameterLayoutTest {

  @Test
  void mlpLayoutNamesShapesAndOffsetsFollowPyTorchOrder() {
    Mlp mlp = Mlp.builder(2, 50, 3).build();
    List<ParameterView> v = mlp.layout().views();
    assertThat(v).extracting(ParameterView::name)
        .containsExactly("0.weight", "0.bias", "1.weight", "1.bias");
    assertThat(v).extracting(ParameterView::shape).containsExactly(
        Shape.of(50, 2), Shape.of(50), Shape.of(3, 50), Shape.of(3));
    assertThat(v).extracting(ParameterView::offset).containsExactly(0, 100, 150, 300);
    assertThat(mlp.numParams()).isEqualTo(2 * 50 + 50 + 50 * 3 + 3);
  }

  @Test
  void viewsAndFlatVectorRoundTrip() {
    Mlp mlp = Mlp.builder(3, 4, 2).build();
    ParameterSet p = mlp.init(Key.of(11));
    Map<String, Tensor> parts = p.toMap();
    assertThat(parts.get("1.weight").shape()).isEqualTo(Shape.of(2, 4));
    // Each view holds exactly the flat elements at its offset, row-major.
    ParameterView w1 = mlp.layout().view("1.weight");
    assertThat(parts.get("1.weight").get(1, 2)).isEqualTo(p.values()[w1.offset() + 4 + 2]);
    // Map → flat → map is the identity, bit for bit.
    assertThat(ParameterSet.of(mlp.layout(), parts).values()).isEqualTo(p.values());
    // Tensor views of θ (the path forward functions take) equal the copies.
    Parameters bound = Parameters.of(mlp.layout(), p.tensor());
    for (ParameterView view : mlp.layout().views()) {
      assertThat(bound.get(view.name()).toArray()).isEqualTo(parts.get(view.name()).toArray());
    }
    assertThat(bound.scope("0").get("bias").toArray()).isEqualTo(p.get("0.bias").toArray());
  }

  @Test
  void setWritesOnlyItsView() {
    Mlp mlp = Mlp.builder(1, 2, 1).build();
    ParameterSet p = ParameterSet.zeros(mlp.layout());
    p.set("0.bias", Tensor.vector(5, 6));
    assertThat(p.values()).containsExactly(0, 0, 5, 6, 0, 0, 0);
    double[] grad = {1, 2, 3, 4, 5, 6, 7};
    assertThat(p.gradient(grad, "1.weight").toArray()).containsExactly(5, 6);
  }

  @Test
  void badInputNamesTheParameter() {
    Mlp mlp = Mlp.builder(1, 2, 1).build();
    ParameterSet p = ParameterSet.zeros(mlp.layout());
    assertThatThrownBy(() -> p.get("0.wieght")).hasMessageContaining("unknown parameter '0.wieght'")
        .hasMessageContaining("0.weight");
    assertThatThrownBy(() -> p.set("0.bias", Tensor.vector(1, 2, 3)))
        .hasMessageContaining("parameter '0.bias'").hasMessageContaining("[2]");
    Map<String, Tensor> missing = new LinkedHashMap<>(p.toMap());
    missing.remove("1.bias");
    assertThatThrownBy(() -> ParameterSet.of(mlp.layout(), missing))
        .hasMessageContaining("missing parameter '1.bias'");
    assertThatThrownBy(() -> ParameterSet.wrap(mlp.layout(), new double[3]))
        .hasMessageContaining("values has 3 values").hasMessageContaining("7");
    assertThatThrownBy(() -> mlp.apply(Tensor.zeros(6), Tensor.zeros(1)))
        .isInstanceOf(ShapeException.class).hasMessageContaining("θ must have shape [7]");
    ParameterLayout.Builder b = ParameterLayout.builder();
    b.add("w", 2);
    assertThatThrownBy(() -> b.add("w", 3)).hasMessageContaining("duplicate parameter name 'w'");
  }
}
