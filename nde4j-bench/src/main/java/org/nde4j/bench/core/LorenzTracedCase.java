package org.nde4j.bench.core;

import org.nde4j.bench.BenchCase;
import org.nde4j.compile.Graph;
import org.nde4j.compile.Plan;
import org.nde4j.compile.PlanRunner;
import org.nde4j.tensor.Shape;

/**
 * The Lorenz vector field traced from tensor ops and compiled; one call is one run of the plan's
 * {@link Plan#runner()} (the hot-loop entry point a solver uses). {@link #error()} compares with the hand-written Java.
 */
final class LorenzTracedCase implements BenchCase {
  private Plan plan;
  private PlanRunner runner;
  private final double[][] in = {{1.0, 2.0, 20.0}};
  private final double[][] out = {new double[3]};
  private double error;

  @Override
  public String name() {
    return "lorenz_rhs_traced";
  }

  @Override
  public void prepare() {
    plan = Graph.trace(Lorenz.tensorFn(), Shape.of(3)).compile();
    runner = plan.runner();
    plan.run(in, out);
    double[] want = new double[3];
    Lorenz.rhs(in[0], want);
    error = 0;
    for (int i = 0; i < 3; i++) {
      error = Math.max(error, Math.abs(out[0][i] - want[i]));
    }
  }

  @Override
  public double call() {
    in[0][0] = 1.0 + 0.0 * out[0][2]; // a data dependency on the previous call (value unchanged)
    runner.run(in, out);
    return out[0][2];
  }

  @Override
  public Double error() {
    return error;
  }

  @Override
  public Integer nfe() {
    return 1;
  }

  @Override
  public String note() {
    return plan.numSteps() + " plan steps; error vs hand-written Java";
  }
}
