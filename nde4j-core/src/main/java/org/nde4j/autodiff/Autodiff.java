package org.nde4j.autodiff;

import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * Functional derivatives of eager functions (define-by-run): the function runs once with taping
 * on, then the tape is swept backwards (VJP) or forwards (JVP). With {@code createGraph} the
 * sweep is itself taped, so results can be differentiated again (second derivatives, Hessian-vector
 * products). For functions evaluated many times, trace and compile instead
 * ({@code org.nde4j.compile.Transforms}).
 */
public final class Autodiff {
  private Autodiff() {}

  /** Gradient of a function with one one-element output, w.r.t. every input. */
  public static Tensor[] grad(TensorFn fn, Tensor... x) {
    return grad(fn, false, x);
  }

  /**
   * Gradient of a function with one one-element output.
   *
   * @throws ShapeException if the function's output is not a single one-element tensor
   */
  public static Tensor[] grad(TensorFn fn, boolean createGraph, Tensor... x) {
    Tensor[] xs = leaves(x);
    Tensor[] y = run(fn, xs);
    if (y.length != 1 || y[0].size() != 1) {
      throw new ShapeException("grad: function must return one one-element tensor, got "
          + y.length + " output(s), the first of shape " + (y.length > 0 ? y[0].shape() : "-"));
    }
    return Backprop.grad(y, new Tensor[] {Tensor.full(1.0, y[0].shape())}, xs, createGraph);
  }

  /** Outputs and the cotangents of the inputs: {@code [y..., x̄...]} where x̄ = (∂y/∂x)ᵀ ȳ. */
  public static Tensor[] vjp(TensorFn fn, Tensor[] x, Tensor[] cotangents, boolean createGraph) {
    Tensor[] xs = leaves(x);
    Tensor[] y = run(fn, xs);
    Tensor[] g = Backprop.grad(y, cotangents, xs, createGraph);
    Tensor[] r = new Tensor[y.length + g.length];
    for (int i = 0; i < y.length; i++) {
      r[i] = createGraph ? y[i] : y[i].detach();
    }
    System.arraycopy(g, 0, r, y.length, g.length);
    return r;
  }

  /** Outputs and their tangents: {@code [y..., ẏ...]} where ẏ = (∂y/∂x) ẋ. */
  public static Tensor[] jvp(TensorFn fn, Tensor[] x, Tensor[] tangents) {
    Tensor[] xs = leaves(x);
    Tensor[] y = run(fn, xs);
    Tensor[] t = ForwardMode.jvp(y, xs, tangents);
    Tensor[] r = new Tensor[y.length + t.length];
    System.arraycopy(y, 0, r, 0, y.length);
    System.arraycopy(t, 0, r, y.length, t.length);
    return r;
  }

  /**
   * Hessian-vector product of a function with one one-element output: reverse mode for the
   * gradient (taped), then forward mode through that gradient in direction {@code v}.
   */
  public static Tensor[] hvp(TensorFn fn, Tensor[] x, Tensor[] v) {
    Tensor[] xs = leaves(x);
    Tensor[] g = grad(fn, true, xs);
    return ForwardMode.jvp(g, xs, v);
  }

  private static Tensor[] run(TensorFn fn, Tensor[] xs) {
    try (GradMode.Scope s = GradMode.on()) {
      return fn.apply(xs);
    }
  }

  /** Inputs as tensors that require gradients, keeping the link to upstream tapes. */
  private static Tensor[] leaves(Tensor[] x) {
    Tensor[] r = new Tensor[x.length];
    for (int i = 0; i < x.length; i++) {
      r[i] = x[i].requiresGrad() ? x[i] : x[i].detach().requiresGrad(true);
    }
    return r;
  }
}
