package org.nde4j.learn.nn;

import java.util.Arrays;
import java.util.Objects;
import org.nde4j.random.Key;
import org.nde4j.tensor.Tensor;

/**
 * A multilayer perceptron: {@code Linear(w₀→w₁), act, Linear(w₁→w₂), act, …, Linear(wₖ₋₁→wₖ),
 * finalAct}. Parameters are the layers' in order, named {@code "0.weight", "0.bias", "1.weight",
 * …} (layer index, PyTorch's layout within each layer). Input {@code [..., w₀]}, output {@code
 * [..., wₖ]}.
 *
 * <pre>{@code
 * Mlp f = Mlp.builder(2, 50, 2).activation(Activation.TANH).build();   // ode_demo's field
 * ParameterSet p = f.init(Key.of(0));
 * Tensor y = f.apply(p.tensor(), x);
 * }</pre>
 */
public final class Mlp implements Module {
  private final int[] widths;
  private final Activation activation;
  private final Activation finalActivation;
  private final Linear[] layers;
  private final int[] offsets;
  private final ParameterLayout layout;

  private Mlp(Builder b) {
    this.widths = b.widths.clone();
    this.activation = b.activation;
    this.finalActivation = b.finalActivation;
    this.layers = new Linear[widths.length - 1];
    this.offsets = new int[layers.length];
    ParameterLayout.Builder lb = ParameterLayout.builder();
    for (int l = 0; l < layers.length; l++) {
      layers[l] = Linear.of(widths[l], widths[l + 1], b.bias).withInit(b.weightInit, b.biasInit);
      offsets[l] = lb.add(Integer.toString(l), layers[l].layout());
    }
    this.layout = lb.build();
  }

  /**
   * A builder for an MLP with the given widths, input first and output last (at least two): tanh
   * hidden activations, no final activation, biases, PyTorch's default initialisation.
   *
   * @throws IllegalArgumentException naming {@code widths} if fewer than two or one is {@code < 1}
   */
  public static Builder builder(int... widths) {
    return new Builder(widths);
  }

  /** The widths, input first. */
  public int[] widths() {
    return widths.clone();
  }

  /** Number of linear layers. */
  public int depth() {
    return layers.length;
  }

  /** Linear layer {@code l} (its parameters are {@code "l.weight"}, {@code "l.bias"}). */
  public Linear layer(int l) {
    return layers[l];
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
    Tensor h = inputs[0];
    for (int l = 0; l < layers.length; l++) {
      h = layers[l].forward(p.scope(Integer.toString(l)), h);
      h = (l < layers.length - 1 ? activation : finalActivation).apply(h);
    }
    return h;
  }

  /** Layer {@code l} is initialised from {@code key.foldIn(l)}. */
  @Override
  public void initialize(Key key, double[] theta, int offset) {
    for (int l = 0; l < layers.length; l++) {
      layers[l].initialize(key.foldIn(l), theta, offset + offsets[l]);
    }
  }

  @Override
  public String toString() {
    return "Mlp(" + Arrays.toString(widths) + ", " + activation + ", final " + finalActivation
        + ")";
  }

  /** Options of an {@link Mlp}. */
  public static final class Builder {
    private final int[] widths;
    private Activation activation = Activation.TANH;
    private Activation finalActivation = Activation.IDENTITY;
    private boolean bias = true;
    private Initializer weightInit = Initializer.pytorchDefault();
    private Initializer biasInit = Initializer.pytorchDefault();

    private Builder(int[] widths) {
      if (widths == null || widths.length < 2) {
        throw new IllegalArgumentException("Mlp: widths must list at least input and output, got "
            + Arrays.toString(widths));
      }
      for (int i = 0; i < widths.length; i++) {
        if (widths[i] < 1) {
          throw new IllegalArgumentException("Mlp: widths[" + i + "] must be >= 1, got "
              + Arrays.toString(widths));
        }
      }
      this.widths = widths.clone();
    }

    /** Activation after every hidden layer (default tanh). */
    public Builder activation(Activation a) {
      this.activation = Objects.requireNonNull(a, "activation");
      return this;
    }

    /** Activation after the last layer (default identity). */
    public Builder finalActivation(Activation a) {
      this.finalActivation = Objects.requireNonNull(a, "finalActivation");
      return this;
    }

    /** Whether layers have biases (default true). */
    public Builder bias(boolean on) {
      this.bias = on;
      return this;
    }

    /** Initialisers of every layer's weight and bias (default PyTorch's). */
    public Builder init(Initializer weight, Initializer bias) {
      this.weightInit = Objects.requireNonNull(weight, "weight");
      this.biasInit = Objects.requireNonNull(bias, "bias");
      return this;
    }

    public Mlp build() {
      return new Mlp(this);
    }
  }
}
