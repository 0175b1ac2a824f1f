package org.nde4j.learn.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and (L2)
 * weight decay, with {@code torch.optim.SGD}'s update exactly: with {@code g ← ∇ + λθ},
 *
 * <pre>
 * b ← g                       (first step)
 * b ← μ b + (1 − τ) g         (later steps)
 * g ← g + μ b  (Nesterov)  or  g ← b
 * θ ← θ − lr g
 * </pre>
 *
 * (Sutskever et al., ICML 2013, in PyTorch's formulation). State: {@code step}, and {@code
 * momentum_buffer} when {@code μ ≠ 0}.
 */
public final class Sgd extends AbstractOptimizer {
  private final double momentum;
  private final double dampening;
  private final boolean nesterov;
  private final double weightDecay;
  private final double[] buffer;

  private Sgd(Builder b, int size) {
    super(size, b.schedule);
    this.momentum = b.momentum;
    this.dampening = b.dampening;
    this.nesterov = b.nesterov;
    this.weightDecay = b.weightDecay;
    this.buffer = momentum != 0 ? new double[size] : null;
  }

  /** Defaults: learning rate 1e-3, no momentum, no weight decay. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected void update(double[] theta, double[] grad, double lr, long t) {
    for (int i = 0; i < theta.length; i++) {
      double g = weightDecay != 0 ? grad[i] + weightDecay * theta[i] : grad[i];
      if (buffer != null) {
        double b = t == 1 ? g : buffer[i] * momentum + (1 - dampening) * g;
        buffer[i] = b;
        g = nesterov ? g + momentum * b : b;
      }
      theta[i] += -lr * g;
    }
  }

  @Override
  protected Map<String, double[]> buffers() {
    Map<String, double[]> m = new LinkedHashMap<>();
    if (buffer != null) {
      m.put("momentum_buffer", buffer);
    }
    return m;
  }

  /** Options of {@link Sgd}. */
  public static final class Builder extends AbstractOptimizer.Builder<Builder> {
    private double momentum;
    private double dampening;
    private boolean nesterov;
    private double weightDecay;

    private Builder() {
      super(1e-3);
    }

    /** Momentum μ in {@code [0, 1)} (default 0). */
    public Builder momentum(double mu) {
      Checks.unitInterval("momentum", mu);
      this.momentum = mu;
      return this;
    }

    /** Dampening τ in {@code [0, 1]} of the gradient added to the momentum buffer (default 0). */
    public Builder dampening(double tau) {
      if (!(tau >= 0 && tau <= 1)) {
        throw new IllegalArgumentException("dampening must be in [0, 1], got " + tau);
      }
      this.dampening = tau;
      return this;
    }

    /** Nesterov momentum (needs momentum &gt; 0 and no dampening; checked by {@link #build}). */
    public Builder nesterov(boolean on) {
      this.nesterov = on;
      return this;
    }

    /** L2 penalty λ added to the gradient as {@code λθ} (default 0). */
    public Builder weightDecay(double lambda) {
      Checks.rate("weightDecay", lambda);
      this.weightDecay = lambda;
      return this;
    }

    /**
     * An optimiser for parameter vectors of {@code size} values.
     *
     * @throws IllegalArgumentException naming {@code nesterov} if it is on with zero momentum or
     *     non-zero dampening (as PyTorch)
     */
    public Sgd build(int size) {
      if (nesterov && (momentum == 0 || dampening != 0)) {
        throw new IllegalArgumentException("nesterov needs momentum > 0 and dampening 0, got "
            + "momentum=" + momentum + ", dampening=" + dampening);
      }
      return new Sgd(this, size);
    }
  }
}
