package org.nde4j.learn.data;

import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/**
 * A mini-batch of {@code B} windows of {@code K} consecutive points, batch-major (torchdiffeq's
 * ode_demo stacks time first, {@code batch_y} of shape {@code [K, B, C]}; transpose if needed).
 *
 * @param times  absolute times, {@code [B, K]}
 * @param values observed values, {@code [B, K, C]}, 0 where missing
 * @param mask   1 where observed, 0 where missing, {@code [B, K, C]}: multiply a loss by it
 * @param series index into {@link Panel#series()} of each window's series, length {@code B}
 * @param start  index of each window's first point in its series, length {@code B}
 */
public record WindowBatch(Tensor times, Tensor values, Tensor mask, int[] series, int[] start) {

  /** Times relative to each window's first, {@code [B, K]}: the integration grid from 0. */
  public Tensor relativeTimes() {
    int b = times.shape().dim(0);
    int k = times.shape().dim(1);
    double[] t = times.toArray();
    double[] out = new double[t.length];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < k; j++) {
        out[i * k + j] = t[i * k + j] - t[i * k];
      }
    }
    return Tensor.wrap(out, Shape.of(b, k));
  }

  /** Each window's first values, {@code [B, C]} (ode_demo's {@code batch_y0}); 0 where missing. */
  public Tensor initialValues() {
    return firstPoint(values);
  }

  /** The mask of {@link #initialValues()}, {@code [B, C]}. */
  public Tensor initialMask() {
    return firstPoint(mask);
  }

  private static Tensor firstPoint(Tensor t) {
    int b = t.shape().dim(0);
    int k = t.shape().dim(1);
    int c = t.shape().dim(2);
    double[] src = t.toArray();
    double[] out = new double[b * c];
    for (int i = 0; i < b; i++) {
      System.arraycopy(src, i * k * c, out, i * c, c);
    }
    return Tensor.wrap(out, Shape.of(b, c));
  }
}
