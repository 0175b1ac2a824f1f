package org.nde4j.solve.adjoint;

import org.nde4j.linalg.DenseLu;
import org.nde4j.solve.term.DifferentiableTerm;

/**
 * The forward record of the implicit adjoint: the equilibrium {@code y*} reached at {@code t*}
 * and nothing of the trajectory. The backward pass solves {@code Jᵀ λ = −ȳ} with {@code J =
 * ∂f/∂y (t*, y*, θ)} by dense LU and returns {@code θ̄ = (∂f/∂θ)ᵀ λ} (one VJP).
 */
final class ImplicitRecording extends LoopRecording {
  private final GradientSolve problem;
  private final double[] theta;
  private final DifferentiableTerm.Evaluator f;
  private final double tStar;

  ImplicitRecording(GradientSolve problem, double[] theta, DifferentiableTerm.Evaluator f,
      double tStar, ForwardLoop.Result result) {
    super(result);
    this.problem = problem;
    this.theta = theta;
    this.f = f;
    this.tStar = tStar;
  }



  /** No states are stored: the equilibrium is the output. */
  @Override
  public long peakStoredStates() {
    return 0;
  }

  /**
   * @throws IllegalStateException if the solve did not succeed, if it reached {@code t1} without
   *     meeting the steady-state condition, or if {@code ∂f/∂y} is singular at {@code y*}
   */
  @Override
  public Gradients backward(double[][] ybar) {
    Backward.check(problem, result, ybar);
    long rates0 = f.rateEvaluations();
    long vjps0 = f.vjpEvaluations();
    double[] y = result.ys()[0];
    int n = y.length;
    double[] rate = new double[n];
    f.rate(tStar, y, theta, rate);
    SteadyState steady = problem.steadyState();
    if (!steady.holds(y, rate)) {
      double worst = 0;
      for (int q = 0; q < n; q++) {
        worst = Math.max(worst, Math.abs(rate[q]) / (steady.atol() + steady.rtol()
            * Math.abs(y[q])));
      }
      throw new IllegalStateException("implicit adjoint: the solve reached t1 = " + problem.t1()
          + " without reaching a steady state (max |f_i| / (atol + rtol·|y_i|) = " + worst
          + " > 1); integrate further (a larger t1), loosen the steady-state tolerances, or use"
          + " the discrete adjoint for y(t1)");
    }
    double[] jac = new double[n * n];
    f.jacobian(tStar, y, theta, jac);
    double[] jt = new double[n * n];
    for (int p = 0; p < n; p++) {
      for (int q = 0; q < n; q++) {
        jt[p * n + q] = jac[q * n + p];
      }
    }
    DenseLu lu = new DenseLu(n);
    if (!lu.factor(jt)) {
      throw new IllegalStateException("implicit adjoint: ∂f/∂y is singular at the steady state"
          + " y* = " + java.util.Arrays.toString(y) + " (the equilibrium is not isolated, so"
          + " its gradient is not defined by the implicit-function theorem)");
    }
    double[] lambda = new double[n];
    for (int q = 0; q < n; q++) {
      lambda[q] = -ybar[0][q];
    }
    lu.solve(lambda);
    double[] ay = new double[n];
    double[] thetaBar = new double[theta.length];
    f.vjp(tStar, y, theta, lambda, ay, thetaBar);
    return new Gradients(new double[n], thetaBar, 0, new double[ybar.length], 0,
        f.rateEvaluations() - rates0, f.vjpEvaluations() - vjps0);
  }
}
