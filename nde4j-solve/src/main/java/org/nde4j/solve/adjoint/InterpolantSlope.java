package org.nde4j.solve.adjoint;

import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.StageAccess;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.solver.rk.AbstractExplicitRk;
import org.nde4j.solve.solver.rk.RkInterpolant;

/**
 * The time derivative of an explicit Runge–Kutta step's dense output, {@code dy/dt(t_k + θh) = Σ_j
 * b_j'(θ) k_j}, from the stages of the step just taken: the derivative of an interpolated save with
 * respect to its save time.
 */
final class InterpolantSlope {
  private final RkInterpolant interpolant;
  private final double[] w;

  private InterpolantSlope(RkInterpolant interpolant) {
    this.interpolant = interpolant;
    this.w = new double[interpolant.totalStages()];
  }

  /**
   * The slope of {@code solver}'s dense output, or null if it is not an explicit Runge–Kutta method
   * whose dense output reads the step's own stages alone.
   */
  static InterpolantSlope of(Solver solver) {
    return solver instanceof AbstractExplicitRk rk && rk.interpolant().extraStages() == 0
        ? new InterpolantSlope(rk.interpolant()) : null;
  }

  /**
   * The slope at {@code θ} of the step {@code stepper} just took (before it is told of the
   * acceptance), or null if the stepper does not show its stages.
   */
  double[] at(Stepper stepper, double theta) {
    if (!(stepper instanceof StageAccess stages) || stages.stages() != w.length) {
      return null;
    }
    interpolant.weightDerivatives(theta, w);
    double[] out = null;
    for (int j = 0; j < w.length; j++) {
      double[] kj = stages.stage(j);
      if (out == null) {
        out = new double[kj.length];
      }
      if (w[j] != 0) {
        for (int q = 0; q < kj.length; q++) {
          out[q] += w[j] * kj[q];
        }
      }
    }
    return out;
  }
}
