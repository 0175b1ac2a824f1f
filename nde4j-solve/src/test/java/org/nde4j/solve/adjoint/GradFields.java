package org.nde4j.solve.adjoint;

import java.util.Random;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/** Vector fields {@code f(t, y, θ)} of the gradient tests, as tensor functions. */
final class GradFields {
  private GradFields() {}

  /** {@code y' = A y}, {@code θ = A} row-major. */
  static TensorFn linear(int n) {
    return in -> new Tensor[] {in[2].reshape(n, n).matmul(in[1].reshape(n, 1)).reshape(n)};
  }

  /**
   * A neural ODE {@code y' = W2 tanh(W1 y + b1) + b2} on {@code d} states with {@code h} hidden
   * units; θ = (W1 [h×d], b1 [h], W2 [d×h], b2 [d]).
   */
  static TensorFn mlp(int d, int h) {
    return in -> {
      Tensor th = in[2];
      int o = 0;
      Tensor w1 = th.slice(0, o, o += h * d).reshape(h, d);
      Tensor b1 = th.slice(0, o, o += h).reshape(h, 1);
      Tensor w2 = th.slice(0, o, o += d * h).reshape(d, h);
      Tensor b2 = th.slice(0, o, o + d).reshape(d, 1);
      Tensor hid = w1.matmul(in[1].reshape(d, 1)).add(b1).tanh();
      return new Tensor[] {w2.matmul(hid).add(b2).reshape(d)};
    };
  }

  static int mlpParams(int d, int h) {
    return 2 * h * d + h + d;
  }

  /** Seeded parameters of the MLP, scaled so that the flow is tame. */
  static double[] mlpTheta(int d, int h, long seed) {
    Random r = new Random(seed);
    double[] th = new double[mlpParams(d, h)];
    for (int i = 0; i < th.length; i++) {
      th[i] = 0.5 * r.nextGaussian();
    }
    return th;
  }

  /** Lotka–Volterra {@code x' = αx − βxy, y' = δxy − γy}, θ = (α, β, δ, γ). */
  static TensorFn lotkaVolterra() {
    return in -> {
      Tensor x = in[1].slice(0, 0, 1);
      Tensor y = in[1].slice(0, 1, 2);
      Tensor th = in[2];
      Tensor xy = x.mul(y);
      Tensor dx = th.slice(0, 0, 1).mul(x).sub(th.slice(0, 1, 2).mul(xy));
      Tensor dy = th.slice(0, 2, 3).mul(xy).sub(th.slice(0, 3, 4).mul(y));
      return new Tensor[] {Tensor.concat(0, dx, dy)};
    };
  }

  /** {@code y' = A y + b}, {@code θ = (A row-major, b)}. */
  static TensorFn affine(int n) {
    return in -> {
      Tensor a = in[2].slice(0, 0, n * n).reshape(n, n);
      Tensor b = in[2].slice(0, n * n, n * n + n);
      return new Tensor[] {a.matmul(in[1].reshape(n, 1)).reshape(n).add(b)};
    };
  }

  /**
   * A deep-equilibrium cell as an ODE, {@code y' = tanh(W y + b) − y}, {@code θ = (W row-major,
   * b)}: with {@code ‖W‖ < 1} it has one attracting equilibrium {@code y* = tanh(W y* + b)}.
   */
  static TensorFn equilibriumCell(int n) {
    return in -> {
      Tensor w = in[2].slice(0, 0, n * n).reshape(n, n);
      Tensor b = in[2].slice(0, n * n, n * n + n);
      Tensor pre = w.matmul(in[1].reshape(n, 1)).reshape(n).add(b);
      return new Tensor[] {pre.tanh().sub(in[1])};
    };
  }
}
