package org.nde4j.bench.grad;

/**
 * RMSprop as {@code torch.optim.RMSprop} with its defaults (α = 0.99, ε = 1e-8, no momentum):
 * {@code v ← α v + (1 − α) g²}, {@code θ ← θ − lr g / (√v + ε)}. Only what workload W3 needs;
 * the optimisers users train with belong to {@code nde4j-learn}.
 */
final class RmsProp {
  private final double lr;
  private final double[] v;

  RmsProp(double lr, int size) {
    this.lr = lr;
    this.v = new double[size];
  }

  void step(double[] theta, double[] grad) {
    for (int i = 0; i < theta.length; i++) {
      double g = grad[i];
      v[i] = 0.99 * v[i] + 0.01 * g * g;
      theta[i] -= lr * g / (Math.sqrt(v[i]) + 1e-8);
    }
  }
}
