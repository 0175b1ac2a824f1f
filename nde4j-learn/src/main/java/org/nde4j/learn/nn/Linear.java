package org.nde4j.learn.nn;

import java.util.Objects;
import org.nde4j.random.Key;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/**
 * The affine layer {@code y = x Wᵀ + b} of {@code torch.nn.Linear}: parameters {@code "weight"} of
 * shape {@code [out, in]} and (optionally) {@code "bias"} of shape {@code [out]}, in PyTorch's
 * layout and order, so its {@code state_dict} entries map one to one. Input {@code [..., in]},
 * output {@code [..., out]} (any number of leading axes, including none).
 *
 * <p>Initialisation by default as PyTorch: weight and bias uniform on {@code ±1/√in}.
 */
public final class Linear implements Module {
  private final int in;
  private final int out;
  private final boolean bias;
  private final Initializer weightInit;
  private final Initializer biasInit;
  private final ParameterLayout layout;

  private Linear(int in, int out, boolean bias, Initializer weightInit, Initializer biasInit) {
    if (in < 1 || out < 1) {
      throw new IllegalArgumentException("Linear: in and out must be >= 1, got in=" + in
          + ", out=" + out);
    }
    this.in = in;
    this.out = out;
    this.bias = bias;
    this.weightInit = Objects.requireNonNull(weightInit, "weightInit");
    this.biasInit = Objects.requireNonNull(biasInit, "biasInit");
    ParameterLayout.Builder b = ParameterLayout.builder();
    b.add("weight", out, in);
    if (bias) {
      b.add("bias", out);
    }
    this.layout = b.build();
  }

  /** {@code Linear(in, out)} with a bias and PyTorch's default initialisation. */
  public static Linear of(int in, int out) {
    return of(in, out, true);
  }

  /** {@code Linear(in, out)}, with or without a bias, PyTorch's default initialisation. */
  public static Linear of(int in, int out, boolean bias) {
    return new Linear(in, out, bias, Initializer.pytorchDefault(), Initializer.pytorchDefault());
  }

  /** The same layer initialised by the given rules (fans: {@code in}, {@code out}). */
  public Linear withInit(Initializer weight, Initializer bias) {
    return new Linear(in, out, this.bias, weight, bias);
  }

  public int in() {
    return in;
  }

  public int out() {
    return out;
  }

  public boolean hasBias() {
    return bias;
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
    return affine(inputs[0], p.get("weight"), bias ? p.get("bias") : null, "Linear");
  }

  @Override
  public void initialize(Key key, double[] theta, int offset) {
    weightInit.fill(key.foldIn(0), in, out, theta, offset, in * out);
    if (bias) {
      biasInit.fill(key.foldIn(1), in, out, theta, offset + in * out, out);
    }
  }

  /**
   * {@code x Wᵀ + b} over the last axis of {@code x} ({@code W} of shape {@code [out, in]}, {@code
   * b} of shape {@code [out]} or null).
   */
  static Tensor affine(Tensor x, Tensor w, Tensor b, String layer) {
    int outDim = w.shape().dim(0);
    int inDim = w.shape().dim(1);
    Shape s = x.shape();
    if (s.rank() < 1 || s.dim(-1) != inDim) {
      throw new ShapeException(layer + ": input must have last axis " + inDim + ", got " + s);
    }
    Tensor x2 = s.rank() == 2 ? x : x.reshape(s.size() / inDim, inDim);
    Tensor y = x2.matmul(w, false, true);
    if (b != null) {
      y = y.add(b);
    }
    return s.rank() == 2 ? y : y.reshape(s.with(s.rank() - 1, outDim));
  }

  @Override
  public String toString() {
    return "Linear(" + in + " -> " + out + (bias ? "" : ", no bias") + ")";
  }
}
