package org.nde4j.bench.grad;

import java.util.function.UnaryOperator;
import org.nde4j.bench.Mlp;
import org.nde4j.random.Key;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * A neural vector field {@code f(t, y, θ) = MLP(g(y))} with the MLP's weights and biases packed
 * into one flat {@code θ} (in {@link Mlp#parameterShapes()} order), as a {@link
 * DifferentiableTerm} or as the tensor function of {@code (t, y, θ)} (for the drift and diffusion
 * of a neural SDE).
 */
public final class MlpField {
  private final Mlp mlp;
  private final Shape[] shapes;
  private final int numParams;

  public MlpField(Mlp mlp) {
    this.mlp = mlp;
    this.shapes = mlp.parameterShapes();
    int p = 0;
    for (Shape s : shapes) {
      p += s.size();
    }
    this.numParams = p;
  }

  public int numParams() {
    return numParams;
  }

  /** {@code f(t, y, θ) = MLP(input(y))} on states of shape {@code yShape}. */
  DifferentiableTerm term(Shape yShape, UnaryOperator<Tensor> input) {
    return DifferentiableTerm.of(fn(input, x -> x), yShape, numParams);
  }

  /** {@code (t, y, θ) → output(MLP(input(y)))} as a tensor function. */
  public TensorFn fn(UnaryOperator<Tensor> input, UnaryOperator<Tensor> output) {
    return in -> {
      Tensor[] args = new Tensor[shapes.length + 1];
      args[0] = input.apply(in[1]);
      int o = 0;
      for (int i = 0; i < shapes.length; i++) {
        int size = shapes[i].size();
        args[i + 1] = in[2].slice(0, o, o + size).reshape(shapes[i]);
        o += size;
      }
      return new Tensor[] {output.apply(mlp.fn().apply(args)[0])};
    };
  }

  /** θ from the MLP's own (PyTorch-default) initialisation. */
  public double[] initialTheta(Key key) {
    double[] theta = new double[numParams];
    int o = 0;
    for (Tensor t : mlp.initParameters(key)) {
      double[] a = t.toArray();
      System.arraycopy(a, 0, theta, o, a.length);
      o += a.length;
    }
    return theta;
  }
}
