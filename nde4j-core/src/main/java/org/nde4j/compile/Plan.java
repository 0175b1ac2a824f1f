package org.nde4j.compile;

import java.util.Arrays;
import org.nde4j.tensor.Kernel;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/**
 * An executable form of a {@link Graph} with every buffer and kernel preallocated:
 * {@link #run(double[][], double[][])} allocates nothing. Input arrays are read in place (not
 * copied) and must not change during the call; outputs are computed in the caller's arrays when
 * their buffers hold nothing else (and the caller's arrays are distinct from each other and from
 * the inputs), otherwise copied into them.
 *
 * <p>A plan owns mutable buffers and is confined to one thread at a time; compile one per thread
 * (or use {@link Function}, which caches plans per thread and per input shapes).
 */
public final class Plan {

  /** One kernel call: reads buffers {@code in}, writes buffer {@code out}. */
  static final class Step {
    final Kernel kernel;
    final int[] in;
    final int out;
    final double[][] args;
    final String label;

    Step(Kernel kernel, int[] in, int out, String label) {
      this.kernel = kernel;
      this.in = in;
      this.out = out;
      this.args = new double[in.length][];
      this.label = label;
    }
  }

  private final Shape[] inShapes;
  private final Shape[] outShapes;
  private final double[][] buffers;
  private final int[] inputBuffers;
  private final int[] outputBuffers;
  private final Step[] steps;
  private final PlanRunner program;
  private final int[] inSizes;
  private final int[] outSizes;
  /** Per output: its buffer belongs to it alone, so the caller's array may stand in for it. */
  private final boolean[] direct;
  /** Per output: the plan's own array of its buffer (restored after a run in place). */
  private final double[][] own;

  Plan(Shape[] inShapes, Shape[] outShapes, double[][] buffers, int[] inputBuffers,
      int[] outputBuffers, boolean[] direct, Step[] steps, PlanRunner program) {
    this.program = program;
    this.inSizes = sizes(inShapes);
    this.outSizes = sizes(outShapes);
    this.inShapes = inShapes;
    this.outShapes = outShapes;
    this.buffers = buffers;
    this.inputBuffers = inputBuffers;
    this.outputBuffers = outputBuffers;
    this.steps = steps;
    this.direct = direct;
    this.own = new double[outputBuffers.length][];
    for (int i = 0; i < own.length; i++) {
      own[i] = buffers[outputBuffers[i]];
    }
  }

  private static int[] sizes(Shape[] shapes) {
    int[] n = new int[shapes.length];
    for (int i = 0; i < n.length; i++) {
      n[i] = shapes[i].size();
    }
    return n;
  }

  public int numInputs() {
    return inShapes.length;
  }

  public int numOutputs() {
    return outShapes.length;
  }

  public Shape inputShape(int i) {
    return inShapes[i];
  }

  public Shape outputShape(int i) {
    return outShapes[i];
  }

  /** Number of kernel calls per run (after fusion, CSE and DCE) of the buffer-based form. */
  public int numSteps() {
    return steps.length;
  }

  /**
   * Whether this plan runs as generated straight-line code (small graphs; see {@link
   * ScalarCodegen}) rather than kernel by kernel.
   */
  public boolean isGenerated() {
    return program != null;
  }

  /**
   * Runs the plan: {@code inputs[i]} holds input i row-major (exactly its size), {@code
   * outputs[i]} receives output i. Allocates nothing.
   *
   * @throws ShapeException if an array has the wrong length
   */
  public void run(double[][] inputs, double[][] outputs) {
    if (inputs.length != inShapes.length || outputs.length != outShapes.length) {
      throw new IllegalArgumentException("plan: expects " + inShapes.length + " inputs and "
          + outShapes.length + " outputs, got " + inputs.length + " and " + outputs.length);
    }
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i].length != inSizes[i]) {
        throw badLength("input " + i + " has ", inputs[i].length, inShapes[i]);
      }
    }
    for (int i = 0; i < outputs.length; i++) {
      if (outputs[i].length != outSizes[i]) {
        throw badLength("output " + i + " array has ", outputs[i].length, outShapes[i]);
      }
    }
    if (program != null) {
      program.run(inputs, outputs);
    } else {
      runKernels(inputs, outputs);
    }
  }

  private static ShapeException badLength(String what, int length, Shape shape) {
    return new ShapeException("plan: " + what + length + " values, shape " + shape + " needs "
        + shape.size());
  }

  /** The kernel-by-kernel form (kept out of {@link #run} so that run stays small to inline). */
  private void runKernels(double[][] inputs, double[][] outputs) {
    for (int i = 0; i < inputs.length; i++) {
      buffers[inputBuffers[i]] = inputs[i];
    }
    // Outputs with a buffer of their own are computed in the caller's arrays (no copy), unless
    // the caller passed an array twice or as an input too.
    boolean inPlace = distinct(inputs, outputs);
    if (inPlace) {
      for (int i = 0; i < outputs.length; i++) {
        if (direct[i]) {
          buffers[outputBuffers[i]] = outputs[i];
        }
      }
    }
    try {
      execute();
    } finally {
      if (inPlace) {
        for (int i = 0; i < outputs.length; i++) {
          if (direct[i]) {
            buffers[outputBuffers[i]] = own[i];
          }
        }
      }
    }
    for (int i = 0; i < outputs.length; i++) {
      if (!inPlace || !direct[i]) {
        double[] src = buffers[outputBuffers[i]];
        System.arraycopy(src, 0, outputs[i], 0, src.length);
      }
    }
  }

  /** Whether no output array is another output's or an input's. */
  private static boolean distinct(double[][] inputs, double[][] outputs) {
    for (int i = 0; i < outputs.length; i++) {
      double[] o = outputs[i];
      for (double[] x : inputs) {
        if (x == o) {
          return false;
        }
      }
      for (int j = 0; j < i; j++) {
        if (outputs[j] == o) {
          return false;
        }
      }
    }
    return true;
  }

  private void execute() {
    double[][] b = buffers;
    for (Step s : steps) {
      double[][] a = s.args;
      int[] in = s.in;
      for (int j = 0; j < in.length; j++) {
        a[j] = b[in[j]];
      }
      s.kernel.run(a, b[s.out]);
    }
  }

  /**
   * The fastest way to run this plan from a hot loop, with the contract of {@link #run}: for a
   * plan lowered to straight-line code, the generated program itself (the JIT then sees one class
   * at the caller's call site and can inline it); otherwise {@code this::run}.
   */
  public PlanRunner runner() {
    return program != null ? program : this::run;
  }

  /** Runs the plan on concrete tensors and returns new output tensors (allocates the outputs). */
  public Tensor[] call(Tensor... inputs) {
    double[][] in = new double[inputs.length][];
    for (int i = 0; i < inputs.length; i++) {
      if (!inputs[i].shape().equals(inShapes[i])) {
        throw new ShapeException("plan: input " + i + " has shape " + inputs[i].shape()
            + ", plan was compiled for " + inShapes[i]);
      }
      in[i] = inputs[i].dataRef();
      if (in[i] == null) {
        throw new IllegalArgumentException("plan: input " + i + " is symbolic");
      }
    }
    double[][] out = new double[outShapes.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new double[outShapes[i].size()];
    }
    run(in, out);
    Tensor[] r = new Tensor[out.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = Tensor.wrap(out[i], outShapes[i]);
    }
    return r;
  }

  /**
   * Runs the kernel-by-kernel form {@code runs} times and reports the mean time of each step, for
   * finding where a plan spends its time (allocates; not for hot loops).
   */
  public String profile(double[][] inputs, int runs) {
    for (int i = 0; i < inputs.length; i++) {
      buffers[inputBuffers[i]] = inputs[i];
    }
    long[] ns = new long[steps.length];
    for (int r = 0; r < runs; r++) {
      for (int k = 0; k < steps.length; k++) {
        Step s = steps[k];
        for (int j = 0; j < s.in.length; j++) {
          s.args[j] = buffers[s.in[j]];
        }
        long t0 = System.nanoTime();
        s.kernel.run(s.args, buffers[s.out]);
        ns[k] += System.nanoTime() - t0;
      }
    }
    StringBuilder sb = new StringBuilder();
    long total = 0;
    for (int k = 0; k < steps.length; k++) {
      total += ns[k];
      sb.append(String.format("%10.2f us  %s%n", ns[k] / 1e3 / runs, steps[k].label));
    }
    return sb.append(String.format("%10.2f us  total%n", total / 1e3 / runs)).toString();
  }

  /** A listing of the steps, for debugging and tests of the compiler passes. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Plan(").append(steps.length)
        .append(program != null ? " steps, generated code" : " steps").append(", inputs ")
        .append(Arrays.toString(inShapes)).append(", outputs ").append(Arrays.toString(outShapes))
        .append(")\n");
    for (Step s : steps) {
      sb.append("  b").append(s.out).append(" = ").append(s.label).append(' ')
          .append(Arrays.toString(s.in)).append('\n');
    }
    return sb.toString();
  }
}
