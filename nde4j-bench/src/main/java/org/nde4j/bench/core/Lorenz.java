package org.nde4j.bench.core;

import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * The Lorenz vector field {@code (σ(y−x), x(ρ−z)−y, xy−βz)} with σ = 10, ρ = 28, β = 8/3 (Lorenz,
 * J. Atmos. Sci. 20:130–141, 1963), written twice: with tensor ops for tracing, and by hand on
 * {@code double[]} as the baseline a compiled plan should approach.
 */
final class Lorenz {
  static final double SIGMA = 10;
  static final double RHO = 28;
  static final double BETA = 8.0 / 3;

  private Lorenz() {}

  /** Input {@code y [3]}, output {@code dy/dt [3]}. */
  static TensorFn tensorFn() {
    return in -> {
      Tensor y = in[0];
      Tensor x = y.index(0, 0);
      Tensor v = y.index(0, 1);
      Tensor z = y.index(0, 2);
      Tensor dx = v.sub(x).mul(SIGMA);
      Tensor dv = x.mul(z.rsub(RHO)).sub(v);
      Tensor dz = x.mul(v).sub(z.mul(BETA));
      return new Tensor[] {Tensor.stack(0, dx, dv, dz)};
    };
  }

  /** Writes {@code dy/dt} of state {@code y} into {@code dy}. */
  static void rhs(double[] y, double[] dy) {
    double x = y[0];
    double v = y[1];
    double z = y[2];
    dy[0] = SIGMA * (v - x);
    dy[1] = x * (RHO - z) - v;
    dy[2] = x * v - BETA * z;
  }
}
