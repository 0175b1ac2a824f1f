package org.nde4j.solve.term;

import org.nde4j.compile.Function;
import org.nde4j.compile.Graph;
import org.nde4j.compile.PlanRunner;
import org.nde4j.compile.Transforms;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * A tensor diffusion {@code g(t, y, args...)} traced once: the forward plan as a {@link
 * DiffusionField} and its forward-mode derivative (the JVP graph with zero tangents for {@code t}
 * and the arguments) as a {@link DiffusionDerivative}, compiled when first used. One thread, like
 * the compiled fields of {@link OdeTerm}.
 */
final class TracedDiffusion implements DiffusionField, DiffusionDerivative {
  private final Graph forward;
  private final PlanRunner runner;
  private final double[] time = new double[1];
  private final double[][] in;
  private final double[][] out = new double[1][];
  private final double[][] jvpIn;
  private PlanRunner jvpRunner;

  TracedDiffusion(TensorFn g, Shape yShape, Tensor[] args) {
    Shape[] shapes = new Shape[2 + args.length];
    shapes[0] = Shape.scalar();
    shapes[1] = yShape;
    for (int i = 0; i < args.length; i++) {
      shapes[2 + i] = args[i].shape();
    }
    this.forward = Function.of(g).trace(shapes);
    this.runner = forward.compile().runner();
    int k = shapes.length;
    this.in = new double[k][];
    this.jvpIn = new double[2 * k][];
    in[0] = time;
    jvpIn[0] = time;
    jvpIn[k] = new double[1];
    for (int i = 0; i < args.length; i++) {
      in[2 + i] = args[i].toArray();
      jvpIn[2 + i] = in[2 + i];
      jvpIn[k + 2 + i] = new double[args[i].shape().size()];
    }
  }

  /** Shapes of the traced outputs. */
  Shape[] outputShapes() {
    return forward.outputShapes();
  }

  @Override
  public void evaluate(double t, double[] y, double[] g) {
    time[0] = t;
    in[1] = y;
    out[0] = g;
    runner.run(in, out);
  }

  @Override
  public void jvp(double t, double[] y, double[] u, double[] dg) {
    if (jvpRunner == null) {
      // [g, ġ] from [t, y, args..., ṫ, ẏ, args'...]: keep ġ.
      jvpRunner = Transforms.jvp(forward).select(1).compile().runner();
    }
    time[0] = t;
    jvpIn[1] = y;
    jvpIn[in.length + 1] = u;
    out[0] = dg;
    jvpRunner.run(jvpIn, out);
  }
}
