package org.nde4j.bench;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.nde4j.random.Key;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * A multilayer perceptron {@code x·W1 + b1 → act → ·W2 + b2 → act → … → ·Wn + bn} (no activation
 * after the last layer), with weights stored {@code [in, out]} and biases {@code [out]}.
 *
 * <p>The weights are <em>inputs</em> of {@link #fn()}, not captured constants, so that tracing it
 * and taking the VJP yields gradients with respect to every weight and bias as well as to {@code
 * x}. Inputs of {@code fn()}: {@code x [batch, widths[0]], W1, b1, W2, b2, …}; output: {@code y
 * [batch, widths[last]]}.
 */
public final class Mlp {
  private final int[] widths;
  private final UnaryOperator<Tensor> activation;
  private final String activationName;

  private Mlp(int[] widths, UnaryOperator<Tensor> activation, String activationName) {
    this.widths = widths;
    this.activation = activation;
    this.activationName = activationName;
  }

  /**
   * An MLP with the given layer widths (input first, output last) and hidden activation.
   *
   * @param activationName for descriptions only, e.g. {@code "tanh"}
   * @throws IllegalArgumentException with fewer than two widths or a width below 1
   */
  public static Mlp of(UnaryOperator<Tensor> activation, String activationName, int... widths) {
    if (widths.length < 2) {
      throw new IllegalArgumentException("mlp: need at least an input and an output width, got "
          + Arrays.toString(widths));
    }
    for (int w : widths) {
      if (w < 1) {
        throw new IllegalArgumentException("mlp: widths must be positive, got "
            + Arrays.toString(widths));
      }
    }
    return new Mlp(widths.clone(), activation, activationName);
  }

  /** Number of linear layers. */
  public int layers() {
    return widths.length - 1;
  }

  /** Input width. */
  public int inputWidth() {
    return widths[0];
  }

  /** Output width. */
  public int outputWidth() {
    return widths[widths.length - 1];
  }

  /** Shapes of the parameters in the order {@link #fn()} takes them: {@code W1, b1, W2, b2, …}. */
  public Shape[] parameterShapes() {
    Shape[] s = new Shape[2 * layers()];
    for (int l = 0; l < layers(); l++) {
      s[2 * l] = Shape.of(widths[l], widths[l + 1]);
      s[2 * l + 1] = Shape.of(widths[l + 1]);
    }
    return s;
  }

  /** Shapes of all inputs of {@link #fn()}: {@code x [batch, in]} followed by the parameters. */
  public Shape[] inputShapes(int batch) {
    Shape[] p = parameterShapes();
    Shape[] s = new Shape[p.length + 1];
    s[0] = Shape.of(batch, inputWidth());
    System.arraycopy(p, 0, s, 1, p.length);
    return s;
  }

  /**
   * Parameters drawn like PyTorch's default {@code nn.Linear} initialisation: weights and biases
   * uniform in ±1/√fan_in. Each layer's draws come from its own subkey of {@code key}.
   */
  public Tensor[] initParameters(Key key) {
    Tensor[] p = new Tensor[2 * layers()];
    Key[] keys = key.split(2 * layers());
    for (int l = 0; l < layers(); l++) {
      double bound = 1.0 / Math.sqrt(widths[l]);
      p[2 * l] = uniform(keys[2 * l], bound, widths[l], widths[l + 1]);
      p[2 * l + 1] = uniform(keys[2 * l + 1], bound, widths[l + 1]);
    }
    return p;
  }

  private static Tensor uniform(Key key, double bound, int... dims) {
    return Tensor.uniform(key, dims).mul(2 * bound).sub(bound);
  }

  /** Applies the network to {@code x} with the given parameters (eagerly or symbolically). */
  public Tensor apply(Tensor x, Tensor... params) {
    if (params.length != 2 * layers()) {
      throw new IllegalArgumentException("mlp: expects " + 2 * layers() + " parameter tensors, got "
          + params.length);
    }
    Tensor h = x;
    for (int l = 0; l < layers(); l++) {
      h = h.matmul(params[2 * l]).add(params[2 * l + 1]);
      if (l < layers() - 1) {
        h = activation.apply(h);
      }
    }
    return h;
  }

  /** The network as a function of {@code [x, W1, b1, …]} returning {@code [y]}. */
  public TensorFn fn() {
    return in -> new Tensor[] {apply(in[0], Arrays.copyOfRange(in, 1, in.length))};
  }

  /** Floating-point operations of the matrix products of one forward pass: Σ 2·batch·in·out. */
  public double forwardFlops(int batch) {
    double f = 0;
    for (int l = 0; l < layers(); l++) {
      f += 2.0 * batch * widths[l] * widths[l + 1];
    }
    return f;
  }

  /** e.g. {@code "32→128→softplus→128→softplus→32"}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append(widths[0]);
    for (int l = 1; l < widths.length; l++) {
      sb.append('→').append(widths[l]);
      if (l < widths.length - 1) {
        sb.append('→').append(activationName);
      }
    }
    return sb.toString();
  }
}
