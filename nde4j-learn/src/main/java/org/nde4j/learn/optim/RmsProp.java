package org.nde4j.learn.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RMSprop (Hinton, Coursera lecture 6e, 2012; centred form Graves 2013, arXiv:1308.0850, eq.
 * 38–41) with {@code torch.optim.RMSprop}'s update in its arithmetic order: with {@code g ← ∇ +
 * λθ},
 *
 * <pre>
 * v ← α v + (1 − α) g²
 * ḡ ← ḡ + (1 − α)(g − ḡ)        (centred only, torch.lerp)
 * d ← √(v − ḡ²) + ε   (centred)   or   d ← √v + ε
 * b ← μ b + g / d;  θ ← θ − lr b     (momentum μ &gt; 0)
 * θ ← θ − lr g / d                   (no momentum)
 * </pre>
 *
 * so ε is added outside the square root. State: {@code step}, {@code square_avg}, and {@code
 * momentum_buffer} (μ &gt; 0), {@code grad_avg} (centred).
 */
public final class RmsProp extends AbstractOptimizer {
  private final double alpha;
  private final double eps;
  private final double weightDecay;
  private final double momentum;
  private final double[] squareAvg;
  private final double[] gradAvg;
  private final double[] buffer;

  private RmsProp(Builder b, int size) {
    super(size, b.schedule);
    this.alpha = b.alpha;
    this.eps = b.eps;
    this.weightDecay = b.weightDecay;
    this.momentum = b.momentum;
    this.squareAvg = new double[size];
    this.gradAvg = b.centered ? new double[size] : null;
    this.buffer = momentum > 0 ? new double[size] : null;
  }

  /**
   * PyTorch's defaults: lr 1e-2, α = 0.99, ε = 1e-8, no weight decay, no momentum, not centred.
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected void update(double[] theta, double[] grad, double lr, long t) {
    double w = 1 - alpha;
    for (int i = 0; i < theta.length; i++) {
      double g = weightDecay != 0 ? grad[i] + weightDecay * theta[i] : grad[i];
      double v = squareAvg[i] * alpha + w * g * g;
      squareAvg[i] = v;
      double avg;
      if (gradAvg != null) {
        double ga = Lerp.toward(gradAvg[i], g, w);
        gradAvg[i] = ga;
        avg = Math.sqrt(v + -1 * ga * ga) + eps;
      } else {
        avg = Math.sqrt(v) + eps;
      }
      if (buffer != null) {
        buffer[i] = buffer[i] * momentum + g / avg;
        theta[i] += -lr * buffer[i];
      } else {
        theta[i] += -lr * (g / avg);
      }
    }
  }

  @Override
  protected Map<String, double[]> buffers() {
    Map<String, double[]> b = new LinkedHashMap<>();
    b.put("square_avg", squareAvg);
    if (buffer != null) {
      b.put("momentum_buffer", buffer);
    }
    if (gradAvg != null) {
      b.put("grad_avg", gradAvg);
    }
    return b;
  }

  /** Options of {@link RmsProp}. */
  public static final class Builder extends AbstractOptimizer.Builder<Builder> {
    private double alpha = 0.99;
    private double eps = 1e-8;
    private double weightDecay;
    private double momentum;
    private boolean centered;

    private Builder() {
      super(1e-2);
    }

    /** Smoothing constant α in {@code [0, 1)} of the squared-gradient average (default 0.99). */
    public Builder alpha(double alpha) {
      Checks.unitInterval("alpha", alpha);
      this.alpha = alpha;
      return this;
    }

    /** ε &gt; 0 added to the root (default 1e-8). */
    public Builder eps(double eps) {
      Checks.positive("eps", eps);
      this.eps = eps;
      return this;
    }

    /** L2 penalty λ added to the gradient as {@code λθ} (default 0). */
    public Builder weightDecay(double lambda) {
      Checks.rate("weightDecay", lambda);
      this.weightDecay = lambda;
      return this;
    }

    /** Momentum μ in {@code [0, 1)} (default 0). */
    public Builder momentum(double mu) {
      Checks.unitInterval("momentum", mu);
      this.momentum = mu;
      return this;
    }

    /** Centred RMSprop: normalise by an estimate of the gradient's variance (default off). */
    public Builder centered(boolean on) {
      this.centered = on;
      return this;
    }

    /** An optimiser for parameter vectors of {@code size} values. */
    public RmsProp build(int size) {
      return new RmsProp(this, size);
    }
  }
}
