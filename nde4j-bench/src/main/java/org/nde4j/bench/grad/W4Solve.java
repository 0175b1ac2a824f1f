package org.nde4j.bench.grad;

import org.nde4j.bench.BenchCase;
import org.nde4j.bench.core.CoreSuite;
import org.nde4j.random.Key;
import org.nde4j.solve.adjoint.Adjoint;
import org.nde4j.solve.adjoint.GradientSolve;
import org.nde4j.solve.adjoint.Gradients;
import org.nde4j.solve.adjoint.Recording;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.solver.rk.Dopri5;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.solve.term.Term;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/**
 * Workload W4: the neural ODE {@code dy/dt = MLP(y)}, MLP 32→128→softplus→128→softplus→32
 * (PyTorch-default initialisation), {@code y0 ~ N(0, 1)} of shape [256, 32], {@code t ∈ [0, 1]},
 * dopri5 rtol 1e-3, atol 1e-6, loss {@code mean(y(1)²)}. Without an adjoint the call is the
 * forward solve alone (no gradient bookkeeping); with one it is forward plus backward, and each
 * forward solve reuses the previous call's storage ({@link GradientSolve#recycling}) as a
 * training loop does: the discrete adjoint's stage residuals are 2 × 256 × 128 doubles per kept
 * stage, about 9 MB per call, which a fresh allocation would zero every time.
 */
final class W4Solve implements BenchCase {
  static final int BATCH = 256;
  static final int DIM = 32;

  private final String name;
  private final Adjoint adjoint;
  private final DifferentiableTerm term;
  private final Term bound;
  private final double[] theta;
  private final double[] y0;
  private final PidController controller = PidController.of(1e-3, 1e-6);
  private final double[][] ybar = new double[1][BATCH * DIM];
  private int nfe;
  private long backward;
  private Recording last;

  /** @param adjoint null for the forward solve only */
  W4Solve(String name, Adjoint adjoint) {
    this.name = name;
    this.adjoint = adjoint;
    MlpField field = new MlpField(CoreSuite.w4Mlp());
    this.term = field.term(Shape.of(BATCH, DIM), y -> y);
    this.theta = field.initialTheta(Key.of(0));
    this.y0 = Tensor.normal(Key.of(1), BATCH, DIM).toArray();
    this.bound = term.bind(theta);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double call() {
    if (adjoint == null) {
      Solution s = Solve.of(bound, new Dopri5(), 0, 1, y0).controller(controller).run();
      nfe = (int) s.stats().nfe();
      return MeanSquare.loss(s.yEnd());
    }
    Recording r = GradientSolve.of(term, new Dopri5(), 0, 1, y0, theta).controller(controller)
        .adjoint(adjoint).recycling(last).forward();
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
  public String note() {
    return adjoint == null ? "forward only" : "adjoint " + adjoint.name()
        + "; backward evaluations (vector field + VJP) " + backward;
  }
}
