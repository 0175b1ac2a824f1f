package org.nde4j.bench.core;

import org.nde4j.bench.BenchCase;

/** The Lorenz vector field hand-written on {@code double[]}: the floor for {@code lorenz_rhs_traced}. */
final class LorenzJavaCase implements BenchCase {
  private final double[] y = {1.0, 2.0, 20.0};
  private final double[] dy = new double[3];

  @Override
  public String name() {
    return "lorenz_rhs_java";
  }

  @Override
  public double call() {
    y[0] = 1.0 + 0.0 * dy[2]; // a data dependency on the previous call (value unchanged: 1.0)
    Lorenz.rhs(y, dy);
    return dy[2];
  }

  @Override
  public Integer nfe() {
    return 1;
  }
}
