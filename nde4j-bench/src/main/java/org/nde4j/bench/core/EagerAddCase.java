package org.nde4j.bench.core;

import org.nde4j.bench.BenchCase;
import org.nde4j.random.Key;
import org.nde4j.tensor.Tensor;

/** One eager {@code a.add(b)} of two equal-shaped tensors: the per-op overhead of eager mode. */
final class EagerAddCase implements BenchCase {
  private final String name;
  private final int[] dims;
  private Tensor a;
  private Tensor b;

  EagerAddCase(String name, int... dims) {
    this.name = name;
    this.dims = dims.clone();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void prepare() {
    Key[] k = Key.of(7).split(2);
    a = Tensor.normal(k[0], dims);
    b = Tensor.normal(k[1], dims);
  }

  @Override
  public double call() {
    return a.add(b).dataRef()[0];
  }

  @Override
  public String note() {
    return "shape " + a.shape() + ", no gradient recording";
  }
}
