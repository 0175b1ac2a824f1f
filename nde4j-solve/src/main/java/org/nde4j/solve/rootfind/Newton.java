package org.nde4j.solve.rootfind;

import org.nde4j.linalg.LinearSolver;

/**
 * Simplified Newton iteration for the nonlinear systems {@code G(z) = 0} of implicit methods,
 * {@code z ← z − M⁻¹ G(z)} with a fixed, already factored iteration matrix {@code M ≈ ∂G/∂z}
 * (e.g. {@code I − γhJ}; the "chord" method when {@code M} is reused across steps).
 *
 * <p>Convergence control after Hairer &amp; Wanner, <i>Solving ODEs II</i>, §IV.8: with the
 * contraction rate {@code θ_k = ‖Δ_k‖ / ‖Δ_{k−1}‖} and {@code η_k = θ_k / (1 − θ_k)}, stop when
 * {@code η_k ‖Δ_k‖ ≤ κ}; give up when {@code θ_k ≥ 1} (diverging) or when the rate predicts that
 * {@code maxIterations} will not be enough. Norms are weighted RMS with the caller's weights
 * ({@code 1 / (atol + rtol |y_i|)}), so {@code κ} is a fraction of the tolerance. The first
 * iteration's {@code η} comes from the rate of the previous solve (pass NaN if there is none).
 *
 * <p>A failure is an outcome, not an exception: the caller rejects the step and shrinks it (or
 * refreshes the Jacobian). Allocation-free after construction; not thread-safe.
 */
public final class Newton {
  /** How an iteration ended. */
  public enum Outcome {
    CONVERGED,
    /** {@code θ ≥ 1}: the iteration moves away from a solution. */
    DIVERGED,
    /** Converging too slowly to finish within the iteration budget. */
    TOO_SLOW,
    /** The residual or the update was NaN or infinite. */
    NONFINITE
  }

  /**
   * A norm of an update {@code Δ}, scaled so that 1 is the integration tolerance (e.g. an error
   * norm evaluated at the predicted state); lets a caller whose tolerances live in an opaque norm
   * object use the iteration. Must not allocate or keep {@code delta}.
   */
  @FunctionalInterface
  public interface UpdateNorm {
    double of(double[] delta);
  }

  /** The function whose root is sought. */
  @FunctionalInterface
  public interface Residual {
    /** Writes {@code G(z)} into {@code r}; must not keep references to the arrays. */
    void evaluate(double[] z, double[] r);
  }

  private final int n;
  private final int maxIterations;
  private final double kappa;
  private final double[] delta;
  private int iterations;
  private long totalIterations;
  private double rate = Double.NaN;
  private double lastEta = Double.NaN;
  private double lastNorm = Double.NaN;

  /**
   * @param n system size
   * @param maxIterations iterations per solve (Hairer: 7 for Radau, diffrax: 10)
   * @param kappa tolerance of the iteration as a fraction of the integration tolerance (0.01–0.1)
   * @throws IllegalArgumentException for a non-positive size or budget, or κ outside (0, 1]
   */
  public Newton(int n, int maxIterations, double kappa) {
    if (n < 1 || maxIterations < 1 || !(kappa > 0 && kappa <= 1)) {
      throw new IllegalArgumentException("Newton: need n ≥ 1, maxIterations ≥ 1, 0 < κ ≤ 1; got"
          + " n=" + n + ", maxIterations=" + maxIterations + ", κ=" + kappa);
    }
    this.n = n;
    this.maxIterations = maxIterations;
    this.kappa = kappa;
    this.delta = new double[n];
  }

  /**
   * Iterates from the initial guess in {@code z} (overwritten with the result).
   *
   * @param g the residual
   * @param m the factored iteration matrix
   * @param weights per-component weights of the norm, {@code 1 / (atol + rtol·|y_i|)}
   */
  public Outcome solve(Residual g, LinearSolver m, double[] z, double[] weights) {
    return iterate(g, m, z, weights, null);
  }

  /**
   * As {@link #solve(Residual, LinearSolver, double[], double[])}, measuring updates with the
   * caller's {@code norm} instead of a weighted RMS.
   */
  public Outcome solve(Residual g, LinearSolver m, double[] z, UpdateNorm norm) {
    return iterate(g, m, z, null, norm);
  }

  private Outcome iterate(Residual g, LinearSolver m, double[] z, double[] weights,
      UpdateNorm updateNorm) {
    iterations = 0;
    rate = Double.NaN;
    double previousNorm = Double.NaN;
    double eta = Double.isNaN(lastEta) ? 1 : Math.pow(Math.max(lastEta, 0x1p-52), 0.8);
    while (iterations < maxIterations) {
      g.evaluate(z, delta);
      m.solve(delta);
      iterations++;
      totalIterations++;
      double norm = 0;
      if (updateNorm == null) {
        for (int i = 0; i < n; i++) {
          z[i] -= delta[i];
          double w = delta[i] * weights[i];
          norm += w * w;
        }
        norm = Math.sqrt(norm / n);
      } else {
        for (int i = 0; i < n; i++) {
          z[i] -= delta[i];
        }
        norm = updateNorm.of(delta);
      }
      lastNorm = norm;
      if (!Double.isFinite(norm)) {
        return Outcome.NONFINITE;
      }
      if (iterations > 1) {
        double theta = norm / previousNorm;
        rate = theta;
        if (theta >= 1) {
          return Outcome.DIVERGED;
        }
        eta = theta / (1 - theta);
        double remaining = Math.pow(theta, maxIterations - iterations) / (1 - theta) * norm;
        if (remaining > kappa && eta * norm > kappa) {
          return Outcome.TOO_SLOW;
        }
      }
      if (eta * norm <= kappa || norm == 0) {
        lastEta = eta;
        return Outcome.CONVERGED;
      }
      previousNorm = norm;
    }
    return Outcome.TOO_SLOW;
  }

  /**
   * Weighted RMS norm of the last update of the last solve: lets a caller accept an iteration that
   * stalled at round-off level (NaN before the first iteration).
   */
  public double lastUpdateNorm() {
    return lastNorm;
  }

  /** Iterations of the last solve. */
  public int iterations() {
    return iterations;
  }

  /** Iterations over all solves. */
  public long totalIterations() {
    return totalIterations;
  }

  /** Contraction rate θ of the last solve's last iteration (NaN after a single iteration). */
  public double rate() {
    return rate;
  }

  /** Forget the convergence history (after a new Jacobian or a big change of the step size). */
  public void reset() {
    lastEta = Double.NaN;
    rate = Double.NaN;
  }
}
