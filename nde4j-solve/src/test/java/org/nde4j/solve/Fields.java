package org.nde4j.solve;

import org.nde4j.solve.term.OdeTerm;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/** Small vector fields shared by the tests. */
public final class Fields {
  private Fields() {}

  /** Lorenz (σ = 10, ρ = 28, β = 8/3) on plain arrays. */
  public static OdeTerm lorenz() {
    return OdeTerm.of(3, (t, y, dy) -> {
      dy[0] = 10 * (y[1] - y[0]);
      dy[1] = y[0] * (28 - y[2]) - y[1];
      dy[2] = y[0] * y[1] - 8.0 / 3 * y[2];
    });
  }

  /** Lorenz written with tensor ops: inputs (t, y[3]). */
  public static TensorFn lorenzTensor() {
    return in -> {
      Tensor y = in[1];
      Tensor x = y.index(0, 0);
      Tensor v = y.index(0, 1);
      Tensor z = y.index(0, 2);
      Tensor dx = v.sub(x).mul(10);
      Tensor dv = x.mul(z.rsub(28)).sub(v);
      Tensor dz = x.mul(v).sub(z.mul(8.0 / 3));
      return new Tensor[] {Tensor.stack(0, dx, dv, dz)};
    };
  }

  /** Van der Pol {@code y1' = y2, y2' = μ(1 − y1²)y2 − y1}. */
  public static OdeTerm vanDerPol(double mu) {
    return OdeTerm.of(2, (t, y, dy) -> {
      dy[0] = y[1];
      dy[1] = mu * (1 - y[0] * y[0]) * y[1] - y[0];
    });
  }

  /** DETEST A3: {@code y' = y cos t}, {@code y(0) = 1}, exact {@code e^{sin t}}. */
  public static OdeTerm detestA3() {
    return OdeTerm.of(1, (t, y, dy) -> dy[0] = y[0] * Math.cos(t));
  }
}
