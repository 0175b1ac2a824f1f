package org.nde4j.solve.rootfind;

import org.nde4j.linalg.Gmres;
import org.nde4j.linalg.LinearOperator;

/**
 * Inexact Newton–Krylov iteration for large systems {@code G(z) = 0}: each update solves {@code M Δ
 * = G(z)} by restarted GMRES with a matrix-free operator {@code M} (e.g. {@code v ↦ v − γh J v}
 * from Jacobian-vector products), to a relative residual {@code forcing} (Eisenstat–Walker style
 * fixed forcing term; Knoll &amp; Keyes, J. Comput. Phys. 193:357–397, 2004). Convergence control
 * and outcomes as {@link Newton}; a GMRES solve that misses its tolerance by a factor of 100 counts
 * as {@link Newton.Outcome#DIVERGED}. Allocation-free after construction.
 */
public final class NewtonKrylov {
  private final int n;
  private final int maxIterations;
  private final double kappa;
  private final double forcing;
  private final int krylovIterations;
  private final Gmres gmres;
  private final double[] r;
  private final double[] delta;
  private int iterations;
  private long linearIterations;
  private double lastEta = Double.NaN;

  /**
   * @param n system size
   * @param maxIterations Newton iterations per solve
   * @param kappa Newton tolerance as a fraction of the integration tolerance
   * @param forcing relative GMRES tolerance per Newton iteration (e.g. 0.05)
   * @param restart GMRES Krylov dimension
   * @param krylovIterations GMRES iterations per Newton iteration
   */
  public NewtonKrylov(int n, int maxIterations, double kappa, double forcing, int restart,
      int krylovIterations) {
    if (n < 1 || maxIterations < 1 || !(kappa > 0 && kappa <= 1) || !(forcing > 0 && forcing < 1)
        || krylovIterations < 1) {
      throw new IllegalArgumentException("NewtonKrylov: need n ≥ 1, maxIterations ≥ 1, 0 < κ ≤ 1,"
          + " 0 < forcing < 1, krylovIterations ≥ 1; got n=" + n + ", maxIterations="
          + maxIterations + ", κ=" + kappa + ", forcing=" + forcing + ", krylovIterations="
          + krylovIterations);
    }
    this.n = n;
    this.maxIterations = maxIterations;
    this.kappa = kappa;
    this.forcing = forcing;
    this.krylovIterations = krylovIterations;
    this.gmres = new Gmres(n, restart);
    this.r = new double[n];
    this.delta = new double[n];
  }

  /**
   * Iterates from the guess in {@code z} (overwritten).
   *
   * @param g the residual
   * @param m the iteration matrix's action (an approximation of {@code ∂G/∂z}, possibly at {@code
   *     z} itself)
   * @param weights norm weights {@code 1 / (atol + rtol·|y_i|)}
   */
  public Newton.Outcome solve(Newton.Residual g, LinearOperator m, double[] z, double[] weights) {
    iterations = 0;
    double previousNorm = Double.NaN;
    double eta = Double.isNaN(lastEta) ? 1 : Math.pow(Math.max(lastEta, 0x1p-52), 0.8);
    while (iterations < maxIterations) {
      g.evaluate(z, r);
      java.util.Arrays.fill(delta, 0);
      boolean ok = gmres.solve(m, r, delta, forcing, krylovIterations);
      linearIterations += gmres.iterations();
      if (!ok && !(gmres.relativeResidual() < 100 * forcing)) {
        return Double.isFinite(gmres.relativeResidual()) ? Newton.Outcome.DIVERGED
            : Newton.Outcome.NONFINITE;
      }
      iterations++;
      double norm = 0;
      for (int i = 0; i < n; i++) {
        z[i] -= delta[i];
        double w = delta[i] * weights[i];
        norm += w * w;
      }
      norm = Math.sqrt(norm / n);
      if (!Double.isFinite(norm)) {
        return Newton.Outcome.NONFINITE;
      }
      if (iterations > 1) {
        double theta = norm / previousNorm;
        if (theta >= 1) {
          return Newton.Outcome.DIVERGED;
        }
        eta = theta / (1 - theta);
      }
      if (eta * norm <= kappa || norm == 0) {
        lastEta = eta;
        return Newton.Outcome.CONVERGED;
      }
      previousNorm = norm;
    }
    return Newton.Outcome.TOO_SLOW;
  }

  /** Newton iterations of the last solve. */
  public int iterations() {
    return iterations;
  }

  /** GMRES iterations over all solves. */
  public long linearIterations() {
    return linearIterations;
  }
}
