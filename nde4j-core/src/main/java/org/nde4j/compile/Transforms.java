package org.nde4j.compile;

import org.nde4j.autodiff.Backprop;
import org.nde4j.autodiff.ForwardMode;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/**
 * Derivatives as graph transformations. Each returns a new {@link Graph} (which can be compiled,
 * or transformed again: {@code jvp(vjp(f))}, {@code hvp}, Jacobians of gradients…). They work by
 * replaying the graph on symbolic inputs with taping on and sweeping the tape with the ops' VJP or
 * JVP rules, which are themselves ops.
 */
public final class Transforms {
  private Transforms() {}

  /**
   * Reverse mode: inputs {@code [x..., ȳ...]} (one cotangent per output of {@code f}), outputs
   * {@code [y..., x̄...]} with {@code x̄ = (∂y/∂x)ᵀ ȳ}.
   */
  public static Graph vjp(Graph f) {
    int n = f.numInputs();
    return Graph.trace(in -> {
      Tensor[] x = head(in, n);
      Tensor[] y = f.replay(x);
      Tensor[] gx = Backprop.grad(y, tail(in, n), x, false);
      return cat(y, gx);
    }, n, cat(f.inputShapes(), f.outputShapes()));
  }

  /**
   * Forward mode: inputs {@code [x..., ẋ...]}, outputs {@code [y..., ẏ...]} with {@code ẏ =
   * (∂y/∂x) ẋ}.
   */
  public static Graph jvp(Graph f) {
    int n = f.numInputs();
    return Graph.trace(in -> {
      Tensor[] x = head(in, n);
      Tensor[] y = f.replay(x);
      return cat(y, ForwardMode.jvp(y, x, tail(in, n)));
    }, n, cat(f.inputShapes(), f.inputShapes()));
  }

  /**
   * Gradient of a function with one one-element output: inputs {@code x...}, outputs {@code
   * [y, ∂y/∂x...]}.
   *
   * @throws ShapeException if {@code f} does not have exactly one one-element output
   */
  public static Graph valueAndGrad(Graph f) {
    requireScalar(f, "valueAndGrad");
    return Graph.trace(x -> {
      Tensor[] y = f.replay(x);
      return cat(y, Backprop.grad(y, new Tensor[] {Tensor.full(1.0, y[0].shape())}, x, false));
    }, f.numInputs(), f.inputShapes());
  }

  /** Gradient only: inputs {@code x...}, outputs {@code ∂y/∂x...}. */
  public static Graph grad(Graph f) {
    int[] sel = new int[f.numInputs()];
    for (int i = 0; i < sel.length; i++) {
      sel[i] = i + 1;
    }
    return valueAndGrad(f).select(sel);
  }

  /**
   * Jacobian of output {@code out} w.r.t. input {@code in}, shape {@code outShape ++ inShape};
   * other inputs stay inputs. Uses reverse mode when the output is the smaller side, forward mode
   * otherwise.
   */
  public static Graph jacobian(Graph f, int out, int in) {
    Shape ys = f.outputShapes()[out];
    Shape xs = f.inputShapes()[in];
    int m = ys.size();
    int nIn = xs.size();
    int[] jd = new int[ys.rank() + xs.rank()];
    System.arraycopy(ys.dims(), 0, jd, 0, ys.rank());
    System.arraycopy(xs.dims(), 0, jd, ys.rank(), xs.rank());
    Shape js = Shape.of(jd);
    return Graph.trace(x -> {
      Tensor[] y = f.replay(x);
      Tensor[] parts;
      if (m <= nIn) {
        parts = new Tensor[m];
        for (int i = 0; i < m; i++) {
          Tensor[] cots = new Tensor[y.length];
          for (int k = 0; k < y.length; k++) {
            cots[k] = Tensor.zeros(y[k].shape());
          }
          cots[out] = oneHot(ys, i);
          parts[i] = Backprop.grad(y, cots, new Tensor[] {x[in]}, false)[0].reshape(nIn);
        }
        Tensor j = m == 0 ? Tensor.zeros(js) : Tensor.stack(0, parts);
        return new Tensor[] {j.reshape(js)};
      }
      parts = new Tensor[nIn];
      Tensor[] xin = {x[in]};
      for (int i = 0; i < nIn; i++) {
        parts[i] = ForwardMode.jvp(new Tensor[] {y[out]}, xin, new Tensor[] {oneHot(xs, i)})[0]
            .reshape(m);
      }
      return new Tensor[] {Tensor.stack(1, parts).reshape(js)};
    }, f.numInputs(), f.inputShapes());
  }

  /**
   * Hessian-vector product of a function with one one-element output (forward over reverse):
   * inputs {@code [x..., v...]}, outputs {@code H v} per input.
   */
  public static Graph hvp(Graph f) {
    requireScalar(f, "hvp");
    Graph g = grad(f);
    int n = f.numInputs();
    int[] sel = new int[n];
    for (int i = 0; i < n; i++) {
      sel[i] = n + i;
    }
    return jvp(g).select(sel);
  }

  private static void requireScalar(Graph f, String what) {
    if (f.numOutputs() != 1 || f.outputShapes()[0].size() != 1) {
      throw new ShapeException(what + ": function must have one one-element output, has "
          + f.numOutputs() + " output(s) of shapes " + java.util.Arrays.toString(f.outputShapes()));
    }
  }

  private static Tensor oneHot(Shape s, int i) {
    double[] d = new double[s.size()];
    d[i] = 1.0;
    return Tensor.wrap(d, s);
  }

  static Tensor[] head(Tensor[] a, int n) {
    return java.util.Arrays.copyOf(a, n);
  }

  static Tensor[] tail(Tensor[] a, int n) {
    return java.util.Arrays.copyOfRange(a, n, a.length);
  }

  static <T> T[] cat(T[] a, T[] b) {
    T[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
