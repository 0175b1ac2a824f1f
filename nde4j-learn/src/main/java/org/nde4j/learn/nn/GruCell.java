package org.nde4j.learn.nn;

import org.nde4j.random.Key;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/**
 * A gated recurrent unit cell with {@code torch.nn.GRUCell}'s equations, gate order (reset,
 * update, new) and parameter layout: {@code "weight_ih"} {@code [3H, I]}, {@code "weight_hh"}
 * {@code [3H, H]}, {@code "bias_ih"} {@code [3H]}, {@code "bias_hh"} {@code [3H]}, with
 *
 * <pre>
 * r  = σ(W_ir x + b_ir + W_hr h + b_hr)
 * z  = σ(W_iz x + b_iz + W_hz h + b_hz)
 * n  = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
 * h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 *
 * (Cho et al. 2014, arXiv:1406.1078, with the reset gate applied after the hidden product as
 * cuDNN and PyTorch do). Inputs {@code x} {@code [..., I]} and {@code h} {@code [..., H]} with the
 * same leading axes; output {@code h'} of {@code h}'s shape. Initialisation as PyTorch: all
 * parameters uniform on {@code ±1/√H}.
 */
public final class GruCell implements Module {
  private final int inputSize;
  private final int hiddenSize;
  private final boolean bias;
  private final ParameterLayout layout;

  private GruCell(int inputSize, int hiddenSize, boolean bias) {
    if (inputSize < 1 || hiddenSize < 1) {
      throw new IllegalArgumentException("GruCell: inputSize and hiddenSize must be >= 1, got "
          + inputSize + ", " + hiddenSize);
    }
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    this.bias = bias;
    ParameterLayout.Builder b = ParameterLayout.builder();
    b.add("weight_ih", 3 * hiddenSize, inputSize);
    b.add("weight_hh", 3 * hiddenSize, hiddenSize);
    if (bias) {
      b.add("bias_ih", 3 * hiddenSize);
      b.add("bias_hh", 3 * hiddenSize);
    }
    this.layout = b.build();
  }

  /** A GRU cell with biases. */
  public static GruCell of(int inputSize, int hiddenSize) {
    return new GruCell(inputSize, hiddenSize, true);
  }

  /** A GRU cell with or without biases. */
  public static GruCell of(int inputSize, int hiddenSize, boolean bias) {
    return new GruCell(inputSize, hiddenSize, bias);
  }

  public int inputSize() {
    return inputSize;
  }

  public int hiddenSize() {
    return hiddenSize;
  }

  @Override
  public ParameterLayout layout() {
    return layout;
  }

  /** Two inputs: {@code x} and {@code h}. */
  @Override
  public int arity() {
    return 2;
  }

  @Override
  public Tensor forward(Parameters p, Tensor... inputs) {
    Tensor x = inputs[0];
    Tensor h = inputs[1];
    if (h.rank() < 1 || h.shape().dim(-1) != hiddenSize) {
      throw new ShapeException("GruCell: h must have last axis " + hiddenSize + ", got "
          + h.shape());
    }
    Tensor gi = Linear.affine(x, p.get("weight_ih"), bias ? p.get("bias_ih") : null, "GruCell x");
    Tensor gh = Linear.affine(h, p.get("weight_hh"), bias ? p.get("bias_hh") : null, "GruCell h");
    if (!gi.shape().equals(gh.shape())) {
      throw new ShapeException("GruCell: x " + x.shape() + " and h " + h.shape()
          + " must have the same leading axes");
    }
    int axis = gi.rank() - 1;
    int hs = hiddenSize;
    Tensor r = gi.slice(axis, 0, hs).add(gh.slice(axis, 0, hs)).sigmoid();
    Tensor z = gi.slice(axis, hs, 2 * hs).add(gh.slice(axis, hs, 2 * hs)).sigmoid();
    Tensor n = gi.slice(axis, 2 * hs, 3 * hs).add(r.mul(gh.slice(axis, 2 * hs, 3 * hs))).tanh();
    return n.add(z.mul(h.sub(n)));
  }

  @Override
  public void initialize(Key key, double[] theta, int offset) {
    Initializer u = Initializer.pytorchDefault();
    int i = 0;
    for (ParameterView v : layout.views()) {
      u.fill(key.foldIn(i++), hiddenSize, 3 * hiddenSize, theta, offset + v.offset(), v.size());
    }
  }

  @Override
  public String toString() {
    return "GruCell(" + inputSize + ", " + hiddenSize + (bias ? "" : ", no bias") + ")";
  }
}
