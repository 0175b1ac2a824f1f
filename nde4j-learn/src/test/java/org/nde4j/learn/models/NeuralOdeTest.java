package org.nde4j.learn.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.learn.data.SpiralData;
import org.nde4j.learn.data.WindowBatch;
import org.nde4j.learn.data.WindowSampler;
import org.nde4j.learn.nn.ParameterSet;
import org.nde4j.random.Key;
import org.nde4j.solve.adjoint.Adjoint;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/**
 * The neural ODE against closed forms (linear fields set by hand: a rotation, an augmented
 * dimension that integrates a constant, a time input) and its window loss's gradient against
 * central differences, batched and window by window.
 */
class NeuralOdeTest {

  private static double[] linspace(double a, double b, int n) {
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = a + (b - a) * i / (n - 1);
    }
    return t;
  }

  @Test
  void linearFieldIsARotation() {
    NeuralOde ode = NeuralOde.builder(2).hidden().tolerances(1e-10, 1e-12).build();
    ParameterSet p = ParameterSet.zeros(ode.layout());
    p.set("0.weight", Tensor.of(new double[] {0, 1, -1, 0}, 2, 2));   // dx = y, dy = −x
    double[] ts = linspace(0, 3, 7);
    double[][] ys = ode.predict(p.values(), new double[] {1, 0}, ts);
    for (int i = 0; i < ts.length; i++) {
      assertThat(ys[i][0]).isCloseTo(Math.cos(ts[i]), within(1e-8));
      assertThat(ys[i][1]).isCloseTo(-Math.sin(ts[i]), within(1e-8));
    }
    assertThat(ode.rate(p.values(), 0, new double[] {0.5, 2})).containsExactly(2, -0.5);
  }

  @Test
  void augmentedDimensionStartsAtZero() {
    // z = (x, a): dx/dt = a, da/dt = 1 (bias) → a = t, x = x0 + t²/2.
    NeuralOde ode = NeuralOde.builder(1).hidden().augment(1).tolerances(1e-10, 1e-12).build();
    assertThat(ode.numParams()).isEqualTo(2 * 2 + 2);
    ParameterSet p = ParameterSet.zeros(ode.layout());
    p.set("0.weight", Tensor.of(new double[] {0, 1, 0, 0}, 2, 2));
    p.set("0.bias", Tensor.of(new double[] {0, 1}, 2));
    double[][] ys = ode.predict(p.values(), new double[] {3}, linspace(0, 2, 5));
    assertThat(ys[4]).hasSize(1);
    assertThat(ys[4][0]).isCloseTo(3 + 2.0, within(1e-8));
    assertThat(ys[2][0]).isCloseTo(3 + 0.5, within(1e-8));
  }

  @Test
  void timeInputSeesAbsoluteTime() {
    // dx/dt = t (weight on the time input) from x(1) = 0: x = (t² − 1)/2.
    NeuralOde ode = NeuralOde.builder(1).hidden().timeInput(true).tolerances(1e-10, 1e-12)
        .build();
    ParameterSet p = ParameterSet.zeros(ode.layout());
    assertThat(p.get("0.weight").shape()).isEqualTo(Shape.of(1, 2));
    p.set("0.weight", Tensor.of(new double[] {0, 1}, 1, 2));
    double[][] ys = ode.predict(p.values(), new double[] {0}, new double[] {1, 2, 3});
    assertThat(ys[1][0]).isCloseTo(1.5, within(1e-8));
    assertThat(ys[2][0]).isCloseTo(4.0, within(1e-8));
  }

  /** Three windows of 4 points; regular (shared relative times) or not; one masked entry. */
  private static WindowBatch batch(boolean regular) {
    double[] times = new double[3 * 4];
    double[] values = new double[3 * 4 * 2];
    double[] mask = new double[3 * 4 * 2];
    for (int w = 0; w < 3; w++) {
      for (int j = 0; j < 4; j++) {
        double t = 0.7 * w + 0.25 * j + (regular ? 0 : 0.05 * w * j * j);
        times[w * 4 + j] = t;
        int at = (w * 4 + j) * 2;
        values[at] = 1.5 * Math.cos(t);
        values[at + 1] = -1.5 * Math.sin(t) + 0.1 * w;
        mask[at] = 1;
        mask[at + 1] = 1;
      }
    }
    mask[(1 * 4 + 2) * 2 + 1] = 0;
    values[(1 * 4 + 2) * 2 + 1] = 0;
    return new WindowBatch(Tensor.of(times, 3, 4), Tensor.of(values, 3, 4, 2),
        Tensor.of(mask, 3, 4, 2), new int[3], new int[] {0, 4, 8});
  }

  private static void checkGradient(NeuralOde ode, WindowBatch b) {
    double[] theta = ode.init(Key.of(4)).values();
    double[] grad = new double[theta.length];
    double loss = ode.loss(theta, b, grad);
    assertThat(loss).isPositive();
    double h = 1e-6;
    double[] scratch = new double[theta.length];
    for (int i = 0; i < theta.length; i++) {
      double keep = theta[i];
      theta[i] = keep + h;
      double up = ode.loss(theta, b, scratch);
      theta[i] = keep - h;
      double down = ode.loss(theta, b, scratch);
      theta[i] = keep;
      assertThat(grad[i]).as("∂L/∂θ[%d]", i).isCloseTo((up - down) / (2 * h), within(2e-6));
    }
  }

  @Test
  void batchedGradientMatchesCentralDifferences() {
    checkGradient(NeuralOde.builder(2).hidden(6).augment(1).windowLoss(WindowLoss.MEAN_SQUARED)
        .tolerances(1e-11, 1e-13).adjoint(Adjoint.discrete()).build(), batch(true));
  }

  @Test
  void windowByWindowGradientMatchesCentralDifferences() {
    checkGradient(NeuralOde.builder(2).hidden(5).timeInput(true)
        .windowLoss(WindowLoss.MEAN_SQUARED).tolerances(1e-11, 1e-13).build(), batch(false));
  }

  @Test
  void batchedAndSeparateSolvesGiveTheSameLoss() {
    NeuralOde ode = NeuralOde.builder(2).hidden(8).inputTransform(y -> y.pow(3))
        .tolerances(1e-10, 1e-12).build();
    double[] theta = ode.init(Key.of(2)).values();
    WindowBatch b = batch(true);
    double[] g = new double[theta.length];
    double batched = ode.loss(theta, b, g);
    // The same loss by hand from predict, mean absolute error over the 23 observed entries.
    double sum = 0;
    double[] t = b.times().toArray();
    double[] v = b.values().toArray();
    double[] m = b.mask().toArray();
    for (int w = 0; w < 3; w++) {
      double[] ts = java.util.Arrays.copyOfRange(t, w * 4, w * 4 + 4);
      double[][] ys = ode.predict(theta, new double[] {v[w * 8], v[w * 8 + 1]}, ts);
      for (int j = 0; j < 4; j++) {
        for (int c = 0; c < 2; c++) {
          int at = (w * 4 + j) * 2 + c;
          sum += m[at] * Math.abs(ys[j][c] - v[at]);
        }
      }
    }
    assertThat(batched).isCloseTo(sum / 23, within(1e-8));
  }

  @Test
  void windowsOfOneGridAreOneBatchedSolve() {
    // linspace(0, 25, 1000) windows differ in their relative times by an ulp or two: still one
    // solve of [20, 2] states, as ode_demo's batch_t = t[:10].
    NeuralOde ode = NeuralOde.builder(2).hidden(8).build();
    double[] theta = ode.init(Key.of(3)).values();
    WindowSampler sampler = new WindowSampler(SpiralData.panel(), 10, 20);
    SolveCounts counts = new SolveCounts();
    for (int i = 0; i < 5; i++) {
      ode.loss(theta, sampler.sample(Key.of(9).foldIn(i)), new double[theta.length], counts);
    }
    assertThat(counts.solves()).isEqualTo(5);
    assertThat(counts.forwardEvaluations()).isPositive();
    assertThat(counts.backwardEvaluations()).isPositive();
    // Times off the grid by more than rounding are solved window by window.
    double[] t = {0, 1, 2, 5, 6, 7.001};
    assertThat(NeuralOde.sameRelativeTimes(t, 2, 3)).isFalse();
    double[] grid = {0.1, 0.2, 0.30000000000000004, 0.7, 0.8, 0.9};
    assertThat(NeuralOde.sameRelativeTimes(grid, 2, 3)).isTrue();
  }

  @Test
  void badInputIsNamed() {
    NeuralOde ode = NeuralOde.builder(2).hidden(4).build();
    double[] theta = new double[ode.numParams()];
    assertThatThrownBy(() -> ode.predict(new double[3], new double[2], new double[] {0, 1}))
        .hasMessageContaining("theta has 3 values");
    assertThatThrownBy(() -> ode.predict(theta, new double[3], new double[] {0, 1}))
        .hasMessageContaining("y0 has 3 values");
    assertThatThrownBy(() -> ode.predict(theta, new double[2], new double[] {0, 0}))
        .hasMessageContaining("ts[1] = 0.0");
    assertThatThrownBy(() -> NeuralOde.builder(2).augment(-1))
        .hasMessageContaining("augment must be >= 0");
    assertThatThrownBy(() -> NeuralOde.builder(1).build().loss(new double[NeuralOde.builder(1)
        .build().numParams()], batch(true), new double[NeuralOde.builder(1).build().numParams()]))
        .hasMessageContaining("the batch has 2 channels, the model 1");
  }
}
