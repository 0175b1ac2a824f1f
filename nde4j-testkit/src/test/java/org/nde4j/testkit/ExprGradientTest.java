package org.nde4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nde4j.compile.Graph;
import org.nde4j.compile.Transforms;
import org.nde4j.expr.Expr;
import org.nde4j.expr.ExprCompiler;
import org.nde4j.expr.ExprParser;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/** Gradients of compiled expressions (eager tape and traced graphs) match central differences. */
class ExprGradientTest {
  private static final String[] EXPRESSIONS = {
      "-k*x^2 + sin(t) * y / (1 + x^2)",
      "exp(-k*t) * sqrt(abs(x) + 1) - log(y) + tanh(x*y)",
      "pow(y, 1.5) * cos(pi*x) + tan(0.3*x) - 2^-x",
      "max(x, y) * min(x, 0.5*y) + k/t",
  };

  private static TensorFn fn(Expr e) {
    return in -> new Tensor[] {
        ExprCompiler.compile(e, Map.of("x", in[0], "y", in[1], "k", in[2], "t", in[3])).sum()};
  }

  @Test
  void eagerAndTracedGradientsMatchFiniteDifferences() {
    RandomShapes r = new RandomShapes(11);
    for (String s : EXPRESSIONS) {
      Expr e = ExprParser.parse(s);
      TensorFn f = fn(e);
      Tensor[] x = {r.uniform(Shape.of(3, 2), 0.2, 1.2), r.uniform(Shape.of(3, 2), 0.7, 1.9),
          Tensor.scalar(0.8), Tensor.scalar(1.3)};
      double[][] want = GradCheck.vjpByDifferences(f, x, new double[] {1.0}, GradCheck.STEP);
      double[][] eager = GradCheck.vjp(f, x, new Tensor[] {Tensor.scalar(1.0)});
      Graph g = Transforms.grad(Graph.trace(f, Shape.of(3, 2), Shape.of(3, 2), Shape.scalar(),
          Shape.scalar()));
      Tensor[] traced = g.compile().call(x);
      for (int i = 0; i < x.length; i++) {
        assertThat(eager[i]).as(s + " input " + i).containsExactly(want[i], within(1e-7));
        assertThat(traced[i].toArray()).as(s + " input " + i).containsExactly(eager[i], within(1e-12));
      }
    }
  }
}
