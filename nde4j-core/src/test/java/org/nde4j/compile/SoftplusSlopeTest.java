package org.nde4j.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.tensor.Tensor;

/**
 * {@link SoftplusSlope}: its values are the sigmoid of the softplus's operand, and its derivative
 * rules agree with central differences of its own kernel.
 */
class SoftplusSlopeTest {
  private static final double[] H = {1e-9, 0.01, 0.3, 0.7, 1.5, 4.0, 20.0, -0.5};

  private static double f(double h) {
    Tensor r = Tensor.apply(SoftplusSlope.INSTANCE, Tensor.of(new double[] {h}, 1));
    return r.toArray()[0];
  }

  @Test
  void isTheSigmoidOfTheSoftplusOperand() {
    for (double z : new double[] {-30, -3, -0.1, 0, 0.2, 2, 12}) {
      double h = Tensor.of(new double[] {z}, 1).softplus().toArray()[0];
      double sigmoid = 1 / (1 + Math.exp(-z));
      assertThat(f(h)).as("z = %s", z).isCloseTo(sigmoid, within(1e-15 * sigmoid));
    }
  }

  @Test
  void vjpMatchesCentralDifferences() {
    Tensor h = Tensor.of(H.clone(), H.length).requiresGrad(true);
    Tensor out = Tensor.apply(SoftplusSlope.INSTANCE, h);
    out.mul(Tensor.of(weights(), H.length)).sum().backward();
    double[] grad = h.grad().toArray();
    double[] w = weights();
    for (int i = 0; i < H.length; i++) {
      assertThat(grad[i]).as("h = %s", H[i]).isCloseTo(w[i] * centralDifference(H[i]),
          within(1e-8 * Math.abs(w[i])));
    }
  }

  @Test
  void jvpMatchesCentralDifferences() {
    Tensor h = Tensor.of(H.clone(), H.length);
    Tensor out = Tensor.apply(SoftplusSlope.INSTANCE, h);
    Tensor t = Tensor.of(weights(), H.length);
    double[] dot = SoftplusSlope.INSTANCE.jvp(new Tensor[] {h}, out, new Tensor[] {t}).toArray();
    double[] w = weights();
    for (int i = 0; i < H.length; i++) {
      assertThat(dot[i]).as("h = %s", H[i]).isCloseTo(w[i] * centralDifference(H[i]),
          within(1e-8 * Math.abs(w[i])));
    }
  }

  private static double[] weights() {
    double[] w = new double[H.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = 0.5 + 0.25 * i;
    }
    return w;
  }

  private static double centralDifference(double h) {
    double e = 1e-6 * Math.max(1, Math.abs(h));
    return (f(h + e) - f(h - e)) / (2 * e);
  }
}
