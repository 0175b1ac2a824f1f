package org.nde4j.bench.core;

import org.nde4j.autodiff.Autodiff;
import org.nde4j.bench.BenchCase;
import org.nde4j.bench.Mlp;
import org.nde4j.tensor.Tensor;

/**
 * Forward + VJP of an MLP on the eager tape ({@link Autodiff#vjp}): every call runs the ops,
 * records them, and sweeps the tape backwards, allocating as it goes.
 */
final class MlpEagerVjpCase implements BenchCase {
  private final String name;
  private final Mlp mlp;
  private final int batch;
  private Tensor[] fnIn;
  private Tensor[] cotangent;

  MlpEagerVjpCase(String name, Mlp mlp, int batch) {
    this.name = name;
    this.mlp = mlp;
    this.batch = batch;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void prepare() {
    MlpInputs data = MlpInputs.draw(mlp, batch, 20240601L);
    fnIn = data.fnInputs();
    cotangent = new Tensor[] {data.cotangent()};
  }

  @Override
  public double call() {
    Tensor[] r = Autodiff.vjp(mlp.fn(), fnIn, cotangent, false);
    return r[r.length - 1].dataRef()[0];
  }

  @Override
  public double flops() {
    return 3 * mlp.forwardFlops(batch);
  }

  @Override
  public String note() {
    return mlp + ", batch " + batch + ", eager tape";
  }
}
