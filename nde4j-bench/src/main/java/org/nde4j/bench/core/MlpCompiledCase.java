package org.nde4j.bench.core;

import org.nde4j.autodiff.Autodiff;
import org.nde4j.bench.BenchCase;
import org.nde4j.bench.Mlp;
import org.nde4j.compile.Graph;
import org.nde4j.compile.Plan;
import org.nde4j.compile.Transforms;
import org.nde4j.tensor.Tensor;

/**
 * A traced and compiled MLP: either the forward pass alone, or forward + VJP (outputs and the
 * gradients with respect to the input and every weight and bias, given an output cotangent). The
 * timed call is {@link Plan#run(double[][], double[][])} on preallocated arrays. {@link #error()}
 * is the largest deviation from the same computation on the eager tape.
 */
final class MlpCompiledCase implements BenchCase {
  private final String name;
  private final Mlp mlp;
  private final int batch;
  private final boolean withVjp;
  private Plan plan;
  private double[][] in;
  private double[][] out;
  private double error;

  MlpCompiledCase(String name, Mlp mlp, int batch, boolean withVjp) {
    this.name = name;
    this.mlp = mlp;
    this.batch = batch;
    this.withVjp = withVjp;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void prepare() {
    MlpInputs data = MlpInputs.draw(mlp, batch, 20240601L);
    Graph f = Graph.trace(mlp.fn(), mlp.inputShapes(batch));
    Tensor[] fnIn = data.fnInputs();
    Tensor[] reference;
    if (withVjp) {
      plan = Transforms.vjp(f).compile();
      Tensor[] vjpIn = new Tensor[fnIn.length + 1];
      System.arraycopy(fnIn, 0, vjpIn, 0, fnIn.length);
      vjpIn[fnIn.length] = data.cotangent();
      in = MlpInputs.arrays(vjpIn);
      reference = Autodiff.vjp(mlp.fn(), fnIn, new Tensor[] {data.cotangent()}, false);
    } else {
      plan = f.compile();
      in = MlpInputs.arrays(fnIn);
      reference = mlp.fn().apply(fnIn);
    }
    out = new double[plan.numOutputs()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new double[plan.outputShape(i).size()];
    }
    plan.run(in, out);
    error = MlpInputs.maxAbsDiff(out, reference);
  }

  @Override
  public double call() {
    plan.run(in, out);
    return out[0][0];
  }

  @Override
  public double flops() {
    return (withVjp ? 3 : 1) * mlp.forwardFlops(batch);
  }

  @Override
  public Double error() {
    return error;
  }

  @Override
  public String note() {
    return mlp + ", batch " + batch + ", " + plan.numSteps() + " plan steps"
        + (withVjp ? "; error vs eager tape" : "; error vs eager forward");
  }
}
