package org.nde4j.solve.adjoint;

import org.nde4j.compile.Function;
import org.nde4j.compile.Graph;
import org.nde4j.compile.PlanRunner;
import org.nde4j.compile.Transforms;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * {@link DifferentiableEvent#of(TensorFn, int)}: the value graph and its value-and-gradient graph
 * traced once, compiled once per thread.
 */
final class TracedEvent implements DifferentiableEvent {
  private final int n;
  private final ThreadLocal<Runners> runners;

  TracedEvent(TensorFn g, int n) {
    this.n = n;
    Graph value = Function.of(in -> new Tensor[] {g.apply(in)[0]})
        .trace(Shape.scalar(), Shape.of(n));
    if (value.outputShapes()[0].size() != 1) {
      throw new ShapeException("differentiable event: g(t, y) must return one value, got shape "
          + value.outputShapes()[0]);
    }
    // valueAndGrad outputs [g, ∂g/∂t, ∂g/∂y].
    Graph gradient = Transforms.valueAndGrad(value);
    this.runners = ThreadLocal.withInitial(() -> new Runners(value.compile().runner(),
        gradient.compile().runner()));
  }

  @Override
  public double value(double t, double[] y) {
    Runners r = runners.get();
    r.time[0] = t;
    r.in[1] = y;
    r.out1[0] = r.g;
    r.value.run(r.in, r.out1);
    return r.g[0];
  }

  @Override
  public double gradient(double t, double[] y, double[] gy) {
    if (gy.length != n) {
      throw new IllegalArgumentException("differentiable event: gradient array has " + gy.length
          + " values, the state " + n);
    }
    Runners r = runners.get();
    r.time[0] = t;
    r.in[1] = y;
    r.out3[0] = r.g;
    r.out3[1] = r.gt;
    r.out3[2] = gy;
    r.gradient.run(r.in, r.out3);
    return r.gt[0];
  }

  /** One thread's plans and argument arrays. */
  private static final class Runners {
    final PlanRunner value;
    final PlanRunner gradient;
    final double[] time = new double[1];
    final double[] g = new double[1];
    final double[] gt = new double[1];
    final double[][] in = new double[2][];
    final double[][] out1 = new double[1][];
    final double[][] out3 = new double[3][];

    Runners(PlanRunner value, PlanRunner gradient) {
      this.value = value;
      this.gradient = gradient;
      in[0] = time;
    }
  }
}
