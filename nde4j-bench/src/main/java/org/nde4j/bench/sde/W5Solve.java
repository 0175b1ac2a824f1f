package org.nde4j.bench.sde;

import org.nde4j.bench.BenchCase;
import org.nde4j.bench.Mlp;
import org.nde4j.bench.grad.MeanSquare;
import org.nde4j.bench.grad.MlpField;
import org.nde4j.random.Key;
import org.nde4j.solve.adjoint.Adjoint;
import org.nde4j.solve.adjoint.GradientSolve;
import org.nde4j.solve.adjoint.Gradients;
import org.nde4j.solve.adjoint.Recording;
import org.nde4j.solve.brownian.BrownianGrid;
import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.solver.sde.SdeSolver;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.term.DifferentiableSdeTerm;
import org.nde4j.solve.term.NoiseType;
import org.nde4j.solve.term.SdeType;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/**
 * Workload W5: the neural SDE {@code dy = f(y) dt + g(y) ∘ dW} with diagonal noise, state 16,
 * batch 512, drift MLP 16→64→tanh→16, diffusion MLP 16→64→tanh→16→sigmoid (PyTorch-default
 * initialisation from fixed keys), {@code y0 ~ N(0, 1)}, {@code t ∈ [0, 1]} in 100 constant steps
 * of 0.01, loss {@code mean(y(1)²)}. Each call builds a fresh {@link BrownianGrid} with the same
 * key (the fixed-step fast path: one normal draw per channel per step; the same path every run).
 * Without an adjoint the call is the forward solve alone; with one, forward plus backward, each
 * forward solve reusing the previous call's storage ({@link GradientSolve#recycling}) as a
 * training loop does: the discrete adjoint keeps the drift's and diffusion's stage residuals,
 * about 0.7 MB per step, which a fresh allocation would zero every time.
 */
final class W5Solve implements BenchCase {
  static final int BATCH = 512;
  static final int STATE = 16;
  static final int WIDTH = 64;
  static final double DT = 0.01;
  private static final Key NOISE = Key.of(1234);

  private final String name;
  private final SdeSolver solver;
  private final Adjoint adjoint;
  private final String remark;
  private final DifferentiableSdeTerm term;
  private final double[] theta;
  private final double[] y0;
  private final LevyArea area;
  private final double[][] ybar = new double[1][BATCH * STATE];
  private final ConstantStepSize constant = ConstantStepSize.create();
  private int nfe;
  private long backward;
  /** The previous call's recording, whose storage the next forward solve reuses. */
  private Recording last;

  /**
   * @param adjoint null for the forward solve only
   * @param remark what the note says about the method (e.g. the stand-in for the peer's)
   */
  W5Solve(String name, SdeSolver solver, SdeType type, Adjoint adjoint, String remark) {
    this.name = name;
    this.solver = solver;
    this.adjoint = adjoint;
    this.remark = remark;
    Mlp mlp = Mlp.of(Tensor::tanh, "tanh", STATE, WIDTH, STATE);
    MlpField field = new MlpField(mlp);
    int p = field.numParams();
    this.term = DifferentiableSdeTerm.of(type, NoiseType.DIAGONAL, field.fn(y -> y, y -> y), p,
        field.fn(y -> y, Tensor::sigmoid), p, Shape.of(BATCH, STATE));
    this.theta = new double[2 * p];
    System.arraycopy(field.initialTheta(Key.of(0)), 0, theta, 0, p);
    System.arraycopy(field.initialTheta(Key.of(1)), 0, theta, p, p);
    this.y0 = Tensor.normal(Key.of(2), BATCH, STATE).toArray();
    this.area = solver.levyArea() == LevyArea.SPACE_TIME ? LevyArea.SPACE_TIME : LevyArea.NONE;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double call() {
    BrownianMotion bm = BrownianGrid.of(NOISE, 0, 1, BATCH * STATE, DT, area);
    if (adjoint == null) {
      Solution s = Solve.of(term.bind(theta, bm), solver, 0, 1, y0).dt0(DT).controller(constant)
          .run();
      nfe = (int) s.stats().nfe();
      return MeanSquare.loss(s.yEnd());
    }
    Recording r = GradientSolve.of(term, bm, solver, 0, 1, y0, theta).dt0(DT)
        .controller(constant).adjoint(adjoint).recycling(last).forward();
    last = r;
    double[] y1 = r.ys()[0];
    Gradients g = r.backward(MeanSquare.cotangent(y1, ybar));
    nfe = (int) r.stats().nfe();
    backward = g.rateEvaluations() + g.vjpEvaluations();
    return MeanSquare.loss(y1) + g.theta()[0];
  }

  @Override
  public Integer nfe() {
    return nfe == 0 ? null : nfe;
  }

  @Override
  public Integer steps() {
    return (int) Math.round(1 / DT);
  }

  @Override
  public String note() {
    return solver.name() + (remark == null ? "" : " (" + remark + ")") + ", BrownianGrid"
        + (area == LevyArea.SPACE_TIME ? " with space-time Lévy area" : "") + "; "
        + (adjoint == null ? "forward only" : "adjoint " + adjoint.name()
        + ", backward evaluations (drift + diffusion + VJPs) " + backward);
  }
}
