package org.nde4j.bench.core;

import java.util.function.DoubleUnaryOperator;
import org.nde4j.bench.BenchCase;
import org.nde4j.kernel.Kernels;
import org.nde4j.random.Key;

/**
 * One call of an elementwise kernel ({@code Kernels.get()}) on {@code n} values drawn from
 * N(0, 2²), or one single-thread fill of {@code n} standard normals from a key: the per-element
 * costs that, with the products' ({@link GemmCase}), add up to a workload's floor. Named {@code
 * KERNEL_N}, e.g. {@code tanh_32768}. {@link #error()} is the largest absolute deviation from
 * {@link Math}'s function (none for the normal fill).
 */
final class KernelCase implements BenchCase {
  /** The kernels measured; {@code normal} is {@code Key.normal} with one thread. */
  enum Fn {
    TANH("tanh", Math::tanh),
    SIGMOID("sigmoid", x -> 1 / (1 + Math.exp(-x))),
    SOFTPLUS("softplus", x -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)))),
    SOFTPLUS_SLOPE("softplus_slope", x -> -Math.expm1(-x)),
    NORMAL("normal", null);

    final String label;
    final DoubleUnaryOperator reference;

    Fn(String label, DoubleUnaryOperator reference) {
      this.label = label;
      this.reference = reference;
    }
  }

  private final Fn fn;
  private final int n;
  private final Kernels kernels = Kernels.get();
  private final Key key = Key.of(13);
  private double[] x;
  private double[] y;
  private Double error;
  private long calls;

  KernelCase(Fn fn, int n) {
    this.fn = fn;
    this.n = n;
  }

  @Override
  public String name() {
    return fn.label + "_" + n;
  }

  @Override
  public void prepare() {
    x = new double[n];
    y = new double[n];
    key.normal(x, 0, n, 1);
    for (int i = 0; i < n; i++) {
      // softplus_slope is applied to a softplus layer's output, which is positive
      x[i] = fn == Fn.SOFTPLUS_SLOPE ? Math.abs(2 * x[i]) : 2 * x[i];
    }
    call();
    if (fn.reference != null) {
      double e = 0;
      for (int i = 0; i < n; i++) {
        e = Math.max(e, Math.abs(y[i] - fn.reference.applyAsDouble(x[i])));
      }
      error = e;
    }
  }

  @Override
  public double call() {
    switch (fn) {
      case TANH -> kernels.tanh(x, 0, y, 0, n);
      case SIGMOID -> kernels.sigmoid(x, 0, y, 0, n);
      case SOFTPLUS -> kernels.softplus(x, 0, y, 0, n);
      case SOFTPLUS_SLOPE -> kernels.softplusSlope(x, 0, y, 0, n);
      case NORMAL -> key.normal(n * calls++, y, 0, n, 1); // the next n of the stream
      default -> throw new AssertionError(fn);
    }
    return y[n - 1];
  }

  @Override
  public Double error() {
    return error;
  }

  @Override
  public String note() {
    return n + " values" + (fn == Fn.NORMAL
        ? ", one thread, the next values of the stream each call" : "; error vs java.lang.Math");
  }
}
