package org.nde4j.learn.nn;

import org.nde4j.random.Key;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/**
 * Layer normalisation over the last axis, as {@code torch.nn.LayerNorm(features, eps)}: {@code y
 * = (x − mean) / √(var + ε) · γ + β} with the mean and the biased variance (divisor {@code
 * features}) of each row. Ba, Kiros &amp; Hinton 2016, arXiv:1607.06450, eq. 4. With an
 * elementwise affine map the parameters are {@code "weight"} (γ, initialised to 1) and {@code
 * "bias"} (β, initialised to 0), each {@code [features]}. Input and output {@code [...,
 * features]}.
 */
public final class LayerNorm implements Module {
  private final int features;
  private final double eps;
  private final boolean affine;
  private final ParameterLayout layout;

  private LayerNorm(int features, double eps, boolean affine) {
    if (features < 1) {
      throw new IllegalArgumentException("LayerNorm: features must be >= 1, got " + features);
    }
    if (!(eps > 0) || !Double.isFinite(eps)) {
      throw new IllegalArgumentException("LayerNorm: eps must be finite and > 0, got " + eps);
    }
    this.features = features;
    this.eps = eps;
    this.affine = affine;
    ParameterLayout.Builder b = ParameterLayout.builder();
    if (affine) {
      b.add("weight", features);
      b.add("bias", features);
    }
    this.layout = b.build();
  }

  /** PyTorch's defaults: ε = 1e-5, elementwise affine. */
  public static LayerNorm of(int features) {
    return new LayerNorm(features, 1e-5, true);
  }

  /** Layer normalisation with the given ε, with or without the elementwise affine map. */
  public static LayerNorm of(int features, double eps, boolean affine) {
    return new LayerNorm(features, eps, affine);
  }

  public int features() {
    return features;
  }

  public double eps() {
    return eps;
  }

  @Override
  public ParameterLayout layout() {
    return layout;
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public Tensor forward(Parameters p, Tensor... inputs) {
    Tensor x = inputs[0];
    if (x.rank() < 1 || x.shape().dim(-1) != features) {
      throw new ShapeException("LayerNorm: input must have last axis " + features + ", got "
          + x.shape());
    }
    int axis = x.rank() - 1;
    Tensor centred = x.sub(x.mean(true, axis));
    Tensor var = centred.square().mean(true, axis);
    Tensor y = centred.div(var.add(eps).sqrt());
    return affine ? y.mul(p.get("weight")).add(p.get("bias")) : y;
  }

  @Override
  public void initialize(Key key, double[] theta, int offset) {
    if (affine) {
      Initializer.constant(1.0).fill(key, features, features, theta, offset, features);
      Initializer.zeros().fill(key, features, features, theta, offset + features, features);
    }
  }

  @Override
  public String toString() {
    return "LayerNorm(" + features + ", eps=" + eps + (affine ? "" : ", no affine") + ")";
  }
}
