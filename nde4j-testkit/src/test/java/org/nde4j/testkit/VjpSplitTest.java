package org.nde4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nde4j.compile.Function;
import org.nde4j.compile.Graph;
import org.nde4j.compile.PlanRunner;
import org.nde4j.compile.Transforms;
import org.nde4j.compile.VjpSplit;
import org.nde4j.random.Key;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * The forward-with-residuals / backward-from-residuals split of a VJP gives {@link
 * Transforms#vjp}'s outputs, keeps few residuals, and its plans allocate nothing.
 */
class VjpSplitTest {

  /**
   * A neural vector field {@code f(t, y, θ) = MLP(g(y))} with one flat θ sliced into the layers'
   * weights {@code [in, out]} and biases, as the adjoints' differentiable terms trace it.
   */
  private static Graph mlpField(int batch, java.util.function.UnaryOperator<Tensor> input,
      java.util.function.UnaryOperator<Tensor> act, int... widths) {
    int p = 0;
    for (int l = 0; l + 1 < widths.length; l++) {
      p += widths[l] * widths[l + 1] + widths[l + 1];
    }
    TensorFn f = in -> {
      Tensor h = input.apply(in[1]);
      int o = 0;
      for (int l = 0; l + 1 < widths.length; l++) {
        int a = widths[l];
        int b = widths[l + 1];
        Tensor w = in[2].slice(0, o, o + a * b).reshape(a, b);
        Tensor bias = in[2].slice(0, o + a * b, o + a * b + b);
        o += a * b + b;
        h = h.matmul(w).add(bias);
        if (l + 2 < widths.length) {
          h = act.apply(h);
        }
      }
      return new Tensor[] {h};
    };
    return Function.of(f).trace(Shape.scalar(), Shape.of(batch, widths[0]), Shape.of(p));
  }

  private static Tensor[] randomInputs(Shape[] shapes, long seed) {
    Tensor[] x = new Tensor[shapes.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = Tensor.normal(Key.of(seed + i), shapes[i].dims()).mul(0.5);
    }
    return x;
  }

  /**
   * Runs the split (forward, then backward on the kept inputs, residuals and cotangents) and
   * checks its outputs against the unsplit VJP's to {@code 1e-14} relative to each output's
   * largest entry.
   */
  private static VjpSplit checkAgainstVjp(Graph f, int... kept) {
    VjpSplit split = VjpSplit.of(f, kept);
    Tensor[] x = randomInputs(f.inputShapes(), 3);
    Tensor[] ybar = randomInputs(f.outputShapes(), 17);
    Tensor[] reference = Transforms.vjp(f).compile().call(concat(x, ybar));
    Tensor[] fwd = split.forward().compile().call(x);
    int m = f.numOutputs();
    int r = split.numResiduals();
    assertThat(fwd).hasSize(m + r);
    Tensor[] bwdIn = new Tensor[kept.length + r + m];
    for (int i = 0; i < kept.length; i++) {
      bwdIn[i] = x[kept[i]];
    }
    System.arraycopy(fwd, m, bwdIn, kept.length, r);
    System.arraycopy(ybar, 0, bwdIn, kept.length + r, m);
    Tensor[] bwd = split.backward().compile().call(bwdIn);
    assertThat(bwd).hasSize(f.numInputs());
    for (int i = 0; i < m; i++) {
      assertClose(fwd[i], reference[i], "output " + i);
    }
    for (int i = 0; i < f.numInputs(); i++) {
      assertClose(bwd[i], reference[m + i], "cotangent of input " + i);
    }
    return split;
  }

  private static void assertClose(Tensor actual, Tensor expected, String what) {
    assertThat(actual.shape()).as(what).isEqualTo(expected.shape());
    double[] a = actual.toArray();
    double[] e = expected.toArray();
    double scale = 0;
    for (double v : e) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < a.length; i++) {
      assertThat(Math.abs(a[i] - e[i])).as("%s[%d]", what, i)
          .isLessThanOrEqualTo(1e-14 * Math.max(scale, 1e-300));
    }
  }

  private static Tensor[] concat(Tensor[] a, Tensor[] b) {
    Tensor[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  /**
   * ode_demo's field MLP(y³), 2→50→tanh→2, batch 20, t and θ kept: the backward pass reads the
   * state (not kept, so saved) and the hidden activation only; it rebuilds 1 − tanh², y² and y³
   * and the weight views itself.
   */
  @Test
  void tanhMlpFieldNeedsOnlyItsHiddenActivation() {
    Graph f = mlpField(20, y -> y.mul(y).mul(y), Tensor::tanh, 2, 50, 2);
    VjpSplit split = checkAgainstVjp(f, 0, 2);
    assertThat(split.residualShapes()).containsExactly(Shape.of(20, 2), Shape.of(20, 50));
  }

  /**
   * W4's field, 32→128→softplus→128→softplus→32, batch 256: residuals are the two hidden
   * activations and the state (not kept, so copied); the backward pass rebuilds the activations'
   * slopes (sigmoids) from them, and the forward pass computes no sigmoid.
   */
  @Test
  void softplusMlpFieldAtW4Shapes() {
    Graph f = mlpField(256, y -> y, Tensor::softplus, 32, 128, 128, 32);
    VjpSplit split = checkAgainstVjp(f, 0, 2);
    assertThat(split.residualShapes()).containsExactly(Shape.of(256, 32), Shape.of(256, 128),
        Shape.of(256, 128));
    assertThat(split.forward().compile().toString()).doesNotContain("sigmoid");
    assertThat(split.backward().compile().toString()).contains("softplus_slope");
    // θ̄ is assembled by one concatenation, not six full-length scatters and their sums
    assertThat(split.backward().compile().toString()).contains("concat")
        .doesNotContain("slice_scatter");
  }

  /**
   * Several outputs, broadcasting, a reduction and constants; kept inputs in another order than
   * the function's.
   */
  @Test
  void generalGraphWithSeveralOutputs() {
    Graph f = Graph.trace(in -> {
      Tensor a = in[0].exp().mul(in[1]);
      Tensor b = a.sum().add(in[1].square().sub(1.5));
      return new Tensor[] {a.tanh(), b.sin()};
    }, Shape.of(3, 4), Shape.of(4));
    checkAgainstVjp(f, 1, 0);
    checkAgainstVjp(f);
    checkAgainstVjp(f, 1);
  }

  /** An output that does not depend on an input gets a zero cotangent, as in the full VJP. */
  @Test
  void unusedInputGetsZeroCotangent() {
    Graph f = Graph.trace(in -> new Tensor[] {in[1].tanh()}, Shape.scalar(), Shape.of(5));
    VjpSplit split = checkAgainstVjp(f);
    assertThat(split.numResiduals()).isEqualTo(1);
  }

  /**
   * A softplus whose slope the backward pass needs but whose output it does not (the last
   * layer): the output is kept instead of the sigmoid, and a small plan lowered to straight-line
   * code gives the same cotangents.
   */
  @Test
  void softplusOutputLayerKeepsItsOutputInsteadOfTheSigmoid() {
    Graph f = Graph.trace(in -> new Tensor[] {in[0].matmul(in[1]).softplus()},
        Shape.of(3, 4), Shape.of(4, 2));
    VjpSplit split = checkAgainstVjp(f, 1);
    assertThat(split.residualShapes()).containsExactly(Shape.of(3, 4), Shape.of(3, 2));
    checkAgainstVjp(mlpField(5, y -> y, Tensor::softplus, 2, 7, 3), 0, 2);
  }

  @Test
  void plansAllocateNothingAfterWarmup() {
    Graph f = mlpField(20, y -> y.mul(y).mul(y), Tensor::tanh, 2, 50, 2);
    VjpSplit split = VjpSplit.of(f, 0, 2);
    PlanRunner fwd = split.forward().compile().runner();
    PlanRunner bwd = split.backward().compile().runner();
    Tensor[] x = randomInputs(f.inputShapes(), 5);
    double[][] in = {x[0].toArray(), x[1].toArray(), x[2].toArray()};
    double[] y = new double[40];
    double[] act = new double[1000];
    double[] state = new double[40];
    double[][] fwdOut = {y, state, act};
    double[] ybar = Tensor.normal(Key.of(9), 20, 2).toArray();
    double[][] bwdIn = {in[0], in[2], state, act, ybar};
    double[][] bwdOut = {new double[1], new double[40], new double[in[2].length]};
    assertThat(AllocationProbe.supported()).isTrue();
    assertThat(AllocationProbe.bytesPerCallAfterWarmup(() -> {
      fwd.run(in, fwdOut);
      bwd.run(bwdIn, bwdOut);
    }, 200, 60)).isZero();
  }

  @Test
  void badKeptInputIsRejected() {
    Graph f = Graph.trace(in -> new Tensor[] {in[0].tanh()}, Shape.of(2));
    assertThatThrownBy(() -> VjpSplit.of(f, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kept input 1");
    assertThatThrownBy(() -> VjpSplit.of(f, 0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("repeated");
  }
}
