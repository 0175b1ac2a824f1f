package org.nde4j.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nde4j.compile.Graph;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/** Tensor compilation and slot programs agree with the plain double evaluator. */
class ExprCompilerTest {
  private static final List<String> NAMES = List.of("x", "y1", "k_2", "t");

  @Test
  void compiledRandomTreesMatchDirectEvaluation() {
    Random r = new Random(7);
    int checked = 0;
    for (int i = 0; i < 2000; i++) {
      Expr e = ExprPrinterTest.random(r, 5, false);
      Map<String, Double> values = new HashMap<>();
      Map<String, Tensor> bound = new HashMap<>();
      double[] slots = new double[NAMES.size()];
      for (int k = 0; k < NAMES.size(); k++) {
        double v = 0.25 + 2 * r.nextDouble();
        values.put(NAMES.get(k), v);
        bound.put(NAMES.get(k), Tensor.scalar(v));
        slots[k] = v;
      }
      double want = e.evaluate(values);
      double got = ExprCompiler.compile(e, bound).item();
      double slot = ScalarProgram.of(e, NAMES).evaluate(slots);
      assertThat(Double.compare(slot, want)).as(e.toString()).isZero();
      if (Double.isNaN(want)) {
        assertThat(got).as(e.toString()).isNaN();
      } else if (Double.isInfinite(want)) {
        assertThat(got).as(e.toString()).isEqualTo(want);
      } else {
        // the tensor kernels (vectorised exp/tanh) may differ from java.lang.Math in the last ulps
        assertThat(got).as(e.toString()).isCloseTo(want, within(1e-12 * (1 + Math.abs(want))));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void broadcastsOverALeadingBatchAxisAndTraces() {
    Expr e = ExprParser.parse("-k*x^2 + sin(t) * max(x, c)");
    Tensor x = Tensor.of(new double[] {0.5, -1.0, 2.0, 3.0}, 4);
    Tensor k = Tensor.scalar(1.5);
    Tensor t = Tensor.scalar(0.3);
    Tensor c = Tensor.scalar(1.0);
    Tensor y = ExprCompiler.compile(e, Map.of("x", x, "k", k, "t", t, "c", c));
    assertThat(y.shape()).isEqualTo(Shape.of(4));
    for (int i = 0; i < 4; i++) {
      double xi = x.get(i);
      double want = e.evaluate(Map.of("x", xi, "k", 1.5, "t", 0.3, "c", 1.0));
      assertThat(y.get(i)).isCloseTo(want, within(1e-14));
    }
    Graph g = Graph.trace(in -> new Tensor[] {ExprCompiler.compile(e,
        Map.of("x", in[0], "k", in[1], "t", in[2], "c", in[3]))},
        Shape.of(4), Shape.scalar(), Shape.scalar(), Shape.scalar());
    Tensor[] out = g.compile().call(x, k, t, c);
    assertThat(out[0].toArray()).containsExactly(y.toArray(), within(1e-14));
  }

  @Test
  void constantsHaveRankZero() {
    Tensor y = ExprCompiler.compile(ExprParser.parse("2*pi"), Map.of());
    assertThat(y.shape()).isEqualTo(Shape.scalar());
    assertThat(y.item()).isEqualTo(2 * Math.PI);
  }

  @Test
  void unknownSymbolNamesItselfItsColumnAndTheKnownNames() {
    Map<String, Tensor> b = new LinkedHashMap<>();
    b.put("y1", Tensor.scalar(1));
    b.put("k1", Tensor.scalar(2));
    assertThatThrownBy(() -> ExprCompiler.compile(ExprParser.parse("k1*y1 + k4"), b))
        .isInstanceOfSatisfying(ExprException.class, ex -> {
          assertThat(ex.column()).isEqualTo(9);
          assertThat(ex.reason()).isEqualTo("unknown symbol 'k4' (known: y1 k1)");
        });
    assertThatThrownBy(() -> ScalarProgram.of(ExprParser.parse("a + b"), List.of("a")))
        .isInstanceOf(ExprException.class).hasMessageContaining("'b'");
  }
}
