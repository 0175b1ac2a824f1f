package org.nde4j.bench.grad;

import org.nde4j.bench.BenchCase;
import org.nde4j.solve.adjoint.Adjoint;
import org.nde4j.solve.adjoint.GradientSolve;
import org.nde4j.solve.adjoint.Gradients;
import org.nde4j.solve.adjoint.Recording;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.tensor.Tensor;

/**
 * The memory series: forward + backward of a small neural field {@code y' = tanh(W y)} (two
 * states, four parameters: cheap, so that 10⁵ steps take well under a second) over {@code steps}
 * constant steps on {@code [0, 1]}, reporting the largest number of states the adjoint held and the heap
 * the forward pass retained (measured around the forward solve after a collection, so indicative
 * only). Time is reported too, but the point is how storage grows with the number of steps.
 */
final class MemoryCase implements BenchCase {
  private final String name;
  private final Adjoint adjoint;
  private final Solver solver;
  private final int steps;
  private final DifferentiableTerm term;
  private final double[] theta;
  private long peakStates;
  private long retainedBytes = -1;

  MemoryCase(Adjoint adjoint, Solver solver, int steps) {
    this.name = "mem_" + adjoint.name().replaceAll("[^a-z0-9]+", "") + "_" + steps;
    this.adjoint = adjoint;
    this.solver = solver;
    this.steps = steps;
    this.term = DifferentiableTerm.of(
        in -> new Tensor[] {in[2].reshape(2, 2).matmul(in[1].reshape(2, 1)).tanh().reshape(2)}, 2,
        4);
    this.theta = new double[] {-0.5, 1.0, -1.0, -0.2};
  }

  @Override
  public String name() {
    return name;
  }

  private Recording forward() {
    return GradientSolve.of(term, solver, 0, 1, new double[] {2, 0}, theta)
        .controller(ConstantStepSize.create()).dt0(1.0 / steps).maxSteps(2L * steps)
        .adjoint(adjoint).forward();
  }

  @Override
  public void prepare() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    Recording r = forward();
    System.gc();
    retainedBytes = rt.totalMemory() - rt.freeMemory() - before;
    r.backward(new double[][] {{1, 1}});
    peakStates = r.peakStoredStates();
  }

  @Override
  public double call() {
    Recording r = forward();
    Gradients g = r.backward(new double[][] {{1, 1}});
    peakStates = r.peakStoredStates();
    return g.theta()[0];
  }

  @Override
  public Integer steps() {
    return steps;
  }

  @Override
  public String note() {
    String heap = retainedBytes > 0
        ? String.format(java.util.Locale.ROOT, "≈ %.1f KiB", retainedBytes / 1024.0)
        : "not measurable (the collection around it freed more than the record holds)";
    return String.format(java.util.Locale.ROOT, "adjoint %s, solver %s: peak stored states %d;"
        + " heap retained by the forward record %s", adjoint.name(), solver.name(), peakStates,
        heap);
  }
}
