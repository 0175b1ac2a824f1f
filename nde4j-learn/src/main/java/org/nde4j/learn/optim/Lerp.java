package org.nde4j.learn.optim;

/** {@code torch.lerp}'s arithmetic, so running averages round as PyTorch's do. */
final class Lerp {
  private Lerp() {}

  /**
   * {@code a + w (b − a)}, computed as ATen's CPU kernel does: from {@code a} when {@code |w| <
   * 0.5}, else {@code b − (b − a)(1 − w)}.
   */
  static double toward(double a, double b, double w) {
    return Math.abs(w) < 0.5 ? a + w * (b - a) : b - (b - a) * (1 - w);
  }
}
