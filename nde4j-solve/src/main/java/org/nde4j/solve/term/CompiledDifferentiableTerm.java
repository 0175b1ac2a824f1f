package org.nde4j.solve.term;

import org.nde4j.compile.Function;
import org.nde4j.compile.Graph;
import org.nde4j.compile.PlanRunner;
import org.nde4j.compile.Transforms;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.TensorFn;

/**
 * {@link DifferentiableTerm#of(TensorFn, Shape, int)}: the forward, VJP, JVP and Jacobian graphs
 * traced once (immutable, shared), their plans compiled once per thread.
 */
final class CompiledDifferentiableTerm implements DifferentiableTerm {
  private final Shape yShape;
  private final int n;
  private final int p;
  private final Graph forward;
  private final Graph vjp;
  private final Graph jvp;
  private final Graph jacobian;
  private final ThreadLocal<PlanRunner[]> runners;

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
    // VJP outputs [f, t̄, ȳ, θ̄]; keep the cotangents. JVP outputs [f, ḟ]; keep ḟ.
    this.vjp = Transforms.vjp(forward).select(1, 2, 3);
    this.jvp = Transforms.jvp(forward).select(1);
    this.jacobian = Transforms.jacobian(forward, 0, 1);
    this.runners = ThreadLocal.withInitial(() -> new PlanRunner[] {
        forward.compile().runner(), vjp.compile().runner(), jvp.compile().runner(),
        jacobian.compile().runner()});
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
    return new Compiled(runners.get());
  }

  @Override
  public String toString() {
    return "DifferentiableTerm(" + yShape + ", " + p + " parameters)";
  }

  /** One thread's evaluator: the plan runners and the argument arrays they are called with. */
  private final class Compiled implements Evaluator {
    private final PlanRunner forwardRun;
    private final PlanRunner vjpRun;
    private final PlanRunner jvpRun;
    private final PlanRunner jacobianRun;
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

    Compiled(PlanRunner[] r) {
      this.forwardRun = r[0];
      this.vjpRun = r[1];
      this.jvpRun = r[2];
      this.jacobianRun = r[3];
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
      vjpRun.run(in4, out3);
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
      jvpRun.run(in6, out1);
    }

    @Override
    public void jacobian(double t, double[] y, double[] theta, double[] out) {
      time[0] = t;
      in3[1] = y;
      in3[2] = theta;
      out1[0] = out;
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
