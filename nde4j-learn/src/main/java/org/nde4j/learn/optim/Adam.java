package org.nde4j.learn.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam (Kingma &amp; Ba, ICLR 2015, arXiv:1412.6980, Algorithm 1) and AdamW (Loshchilov &amp;
 * Hutter, ICLR 2019, arXiv:1711.05101, Algorithm 2), with {@code torch.optim.Adam}'s and {@code
 * torch.optim.AdamW}'s updates in the arithmetic order of PyTorch's single-tensor implementation:
 *
 * <pre>
 * θ ← θ (1 − lr λ)                         (AdamW only: decoupled weight decay)
 * g ← ∇ + λ θ                              (Adam only: L2 weight decay)
 * m ← m + (1 − β₁)(g − m)                  (torch.lerp)
 * v ← β₂ v + (1 − β₂) g²
 * v̂ ← max(v̂, v)                            (AMSGrad only; then v̂ replaces v below)
 * θ ← θ − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 *
 * so ε is added to the bias-corrected root, not inside it. State: {@code step}, {@code exp_avg},
 * {@code exp_avg_sq} and, with AMSGrad, {@code max_exp_avg_sq}.
 */
public final class Adam extends AbstractOptimizer {
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final boolean decoupled;
  private final double[] m;
  private final double[] v;
  private final double[] vMax;

  private Adam(Builder b, int size) {
    super(size, b.schedule);
    this.beta1 = b.beta1;
    this.beta2 = b.beta2;
    this.eps = b.eps;
    this.weightDecay = b.weightDecay;
    this.decoupled = b.decoupled;
    this.m = new double[size];
    this.v = new double[size];
    this.vMax = b.amsgrad ? new double[size] : null;
  }

  /** Adam with PyTorch's defaults: lr 1e-3, β = (0.9, 0.999), ε = 1e-8, no weight decay. */
  public static Builder builder() {
    return new Builder(false, 0.0);
  }

  /**
   * AdamW with PyTorch's defaults: lr 1e-3, β = (0.9, 0.999), ε = 1e-8, decoupled weight decay
   * 0.01.
   */
  public static Builder adamW() {
    return new Builder(true, 1e-2);
  }

  /** Whether the weight decay is decoupled (AdamW) rather than an L2 term in the gradient. */
  public boolean decoupledWeightDecay() {
    return decoupled;
  }

  @Override
  protected void update(double[] theta, double[] grad, double lr, long t) {
    double decay = decoupled ? 1 - lr * weightDecay : 1;
    double l2 = decoupled ? 0 : weightDecay;
    double w1 = 1 - beta1;
    double w2 = 1 - beta2;
    double stepSize = lr / (1 - Math.pow(beta1, t));
    double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
    for (int i = 0; i < theta.length; i++) {
      if (decay != 1) {
        theta[i] *= decay;
      }
      double g = l2 != 0 ? grad[i] + l2 * theta[i] : grad[i];
      m[i] = Lerp.toward(m[i], g, w1);
      v[i] = v[i] * beta2 + w2 * g * g;
      double s = v[i];
      if (vMax != null) {
        vMax[i] = Math.max(vMax[i], v[i]);
        s = vMax[i];
      }
      theta[i] += -stepSize * (m[i] / (Math.sqrt(s) / bc2Sqrt + eps));
    }
  }

  @Override
  protected Map<String, double[]> buffers() {
    Map<String, double[]> b = new LinkedHashMap<>();
    b.put("exp_avg", m);
    b.put("exp_avg_sq", v);
    if (vMax != null) {
      b.put("max_exp_avg_sq", vMax);
    }
    return b;
  }

  /** Options of {@link Adam} / AdamW. */
  public static final class Builder extends AbstractOptimizer.Builder<Builder> {
    private final boolean decoupled;
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double eps = 1e-8;
    private double weightDecay;
    private boolean amsgrad;

    private Builder(boolean decoupled, double weightDecay) {
      super(1e-3);
      this.decoupled = decoupled;
      this.weightDecay = weightDecay;
    }

    /** The decay rates β₁, β₂ of the moment averages, each in {@code [0, 1)}. */
    public Builder betas(double beta1, double beta2) {
      Checks.unitInterval("beta1", beta1);
      Checks.unitInterval("beta2", beta2);
      this.beta1 = beta1;
      this.beta2 = beta2;
      return this;
    }

    /** ε &gt; 0, added to the bias-corrected root of the second moment. */
    public Builder eps(double eps) {
      Checks.positive("eps", eps);
      this.eps = eps;
      return this;
    }

    /** Weight decay λ ≥ 0: an L2 term for Adam, decoupled for AdamW. */
    public Builder weightDecay(double lambda) {
      Checks.rate("weightDecay", lambda);
      this.weightDecay = lambda;
      return this;
    }

    /** AMSGrad (Reddi, Kale &amp; Kumar, ICLR 2018): divide by the running maximum of v. */
    public Builder amsgrad(boolean on) {
      this.amsgrad = on;
      return this;
    }

    /** An optimiser for parameter vectors of {@code size} values. */
    public Adam build(int size) {
      return new Adam(this, size);
    }
  }
}
