package org.nde4j.solve.term;

import org.nde4j.compile.Function;
import org.nde4j.compile.Graph;
import org.nde4j.compile.PlanRunner;
import org.nde4j.compile.Transforms;
import org.nde4j.compile.VjpSplit;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.TensorFn;

/**
 * {@link DifferentiableTerm#of(TensorFn, Shape, int)}: the forward, VJP, JVP and Jacobian graphs
 * traced once when first needed (immutable, shared), their plans compiled once per thread when
 * first needed (a large state's dense Jacobian is never built unless a stiff solver asks). The
 * residual methods of the evaluator run the two halves of the VJP's {@link VjpSplit} ({@code t}
 * and {@code θ} kept): a forward pass that also outputs the values the backward pass reads, and
 * a backward pass from them.
 */
final class CompiledDifferentiableTerm implements DifferentiableTerm {
  private static final int FORWARD = 0;
  private static final int VJP = 1;
  private static final int JVP = 2;
  private static final int JACOBIAN = 3;
  private static final int SAVING = 4;
  private static final int FROM_RESIDUALS = 5;

  private final Shape yShape;
  private final int n;
  private final int p;
  private final Graph forward;
  private final Graph[] graphs = new Graph[6];
  private final ThreadLocal<PlanRunner[]> runners = ThreadLocal.withInitial(() -> new PlanRunner[6]);
  private VjpSplit split;

  CompiledDifferentiableTerm(TensorFn f, Shape yShape, int numParams) {
    this.yShape = yShape;
    this.n = yShape.size();
    this.p = numParams;
    Shape theta = Shape.of(numParams);
    this.forward = Function.of(in -> new org.nde4j.tensor.Tensor[] {f.apply(in)[0]})
        .trace(Shape.scalar(), yShape, theta);
    if (!forward.outputShapes()[0].equals(yShape)) {
      throw new ShapeException("differentiable term: the vector field must return a tensor of the"
          + " state's shape " + yShape + ", got " + forward.outputShapes()[0]);
    }
    graphs[FORWARD] = forward;
  }

  private synchronized Graph graph(int kind) {
    if (graphs[kind] == null) {
      graphs[kind] = switch (kind) {
        // VJP outputs [f, t̄, ȳ, θ̄]: keep the cotangents. JVP outputs [f, ḟ]: keep ḟ.
        case VJP -> Transforms.vjp(forward).select(1, 2, 3);
        case JVP -> Transforms.jvp(forward).select(1);
        // [f, residuals...] from [t, y, θ]; [t̄, ȳ, θ̄] from [t, θ, residuals..., ā]
        case SAVING -> split().forward();
        case FROM_RESIDUALS -> split().backward();
        default -> Transforms.jacobian(forward, 0, 1);
      };
    }
    return graphs[kind];
  }

  private synchronized VjpSplit split() {
    if (split == null) {
      split = VjpSplit.of(forward, 0, 2);
    }
    return split;
  }

  /** The calling thread's runner of a plan, compiled on first use. */
  private PlanRunner runner(int kind) {
    PlanRunner[] r = runners.get();
    if (r[kind] == null) {
      r[kind] = graph(kind).compile().runner();
    }
    return r[kind];
  }

  @Override
  public int size() {
    return n;
  }

  @Override
  public int numParams() {
    return p;
  }

  @Override
  public Evaluator evaluator() {
    return new Compiled();
  }

  @Override
  public String toString() {
    return "DifferentiableTerm(" + yShape + ", " + p + " parameters)";
  }

  /** One thread's evaluator: the plan runners and the argument arrays they are called with. */
  private final class Compiled implements Evaluator {
    private final PlanRunner forwardRun = runner(FORWARD);
    private PlanRunner vjpRun;
    private PlanRunner jvpRun;
    private PlanRunner jacobianRun;
    private PlanRunner savingRun;
    private PlanRunner fromResidualsRun;
    private double[][] savingOut;
    private double[][] fromResidualsIn;
    private int[] residualSizes;
    private final double[] time = new double[1];
    private final double[] timeBar = new double[1];
    private final double[] timeDot = new double[1];
    private final double[] zeroTheta = new double[p];
    private final double[] unusedThetaBar = new double[p];
    private final double[][] in3 = new double[3][];
    private final double[][] in4 = new double[4][];
    private final double[][] in6 = new double[6][];
    private final double[][] out1 = new double[1][];
    private final double[][] out3 = new double[3][];
    private long rates;
    private long vjps;

    Compiled() {
      in3[0] = time;
      in4[0] = time;
      in6[0] = time;
      in6[3] = timeDot;
    }

    @Override
    public void rate(double t, double[] y, double[] theta, double[] dy) {
      rates++;
      time[0] = t;
      in3[1] = y;
      in3[2] = theta;
      out1[0] = dy;
      forwardRun.run(in3, out1);
    }

    @Override
    public double vjp(double t, double[] y, double[] theta, double[] a, double[] ay,
        double[] ap) {
      vjps++;
      time[0] = t;
      in4[1] = y;
      in4[2] = theta;
      in4[3] = a;
      out3[0] = timeBar;
      out3[1] = ay;
      out3[2] = ap == null ? unusedThetaBar : ap;
      if (vjpRun == null) {
        vjpRun = runner(VJP);
      }
      vjpRun.run(in4, out3);
      return timeBar[0];
    }

    @Override
    public double[][] residuals(int size) {
      if (residualSizes == null) {
        Shape[] shapes = split().residualShapes();
        residualSizes = new int[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
          residualSizes[i] = shapes[i].size();
        }
      }
      double[][] r = new double[residualSizes.length][];
      for (int i = 0; i < r.length; i++) {
        r[i] = new double[residualSizes[i]];
      }
      return r;
    }

    @Override
    public void rate(double t, double[] y, double[] theta, double[] dy, double[][] residuals) {
      rates++;
      if (savingRun == null) {
        savingRun = runner(SAVING);
        savingOut = new double[1 + split().numResiduals()][];
      }
      time[0] = t;
      in3[1] = y;
      in3[2] = theta;
      savingOut[0] = dy;
      System.arraycopy(residuals, 0, savingOut, 1, residuals.length);
      savingRun.run(in3, savingOut);
    }

    @Override
    public double vjp(double t, double[][] residuals, double[] theta, double[] a, double[] ay,
        double[] ap) {
      vjps++;
      if (fromResidualsRun == null) {
        fromResidualsRun = runner(FROM_RESIDUALS);
        fromResidualsIn = new double[3 + split().numResiduals()][];
        fromResidualsIn[0] = time;
      }
      double[][] in = fromResidualsIn;
      time[0] = t;
      in[1] = theta;
      System.arraycopy(residuals, 0, in, 2, residuals.length);
      in[in.length - 1] = a;
      out3[0] = timeBar;
      out3[1] = ay;
      out3[2] = ap == null ? unusedThetaBar : ap;
      fromResidualsRun.run(in, out3);
      return timeBar[0];
    }

    @Override
    public void jvp(double t, double[] y, double[] theta, double vt, double[] vy, double[] vp,
        double[] out) {
      time[0] = t;
      timeDot[0] = vt;
      in6[1] = y;
      in6[2] = theta;
      in6[4] = vy;
      in6[5] = vp == null ? zeroTheta : vp;
      out1[0] = out;
      if (jvpRun == null) {
        jvpRun = runner(JVP);
      }
      jvpRun.run(in6, out1);
    }

    @Override
    public void jacobian(double t, double[] y, double[] theta, double[] out) {
      time[0] = t;
      in3[1] = y;
      in3[2] = theta;
      out1[0] = out;
      if (jacobianRun == null) {
        jacobianRun = runner(JACOBIAN);
      }
      jacobianRun.run(in3, out1);
    }

    @Override
    public long rateEvaluations() {
      return rates;
    }

    @Override
    public long vjpEvaluations() {
      return vjps;
    }
  }
}
