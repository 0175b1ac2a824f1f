package org.nde4j.learn.optim;

import java.util.Objects;

/**
 * A learning-rate schedule: the learning rate of update {@code k = 0, 1, 2, …} as a pure function
 * of {@code k}, so a resumed run (which restores the step count) continues on the same schedule.
 * The closed forms are those of PyTorch's {@code torch.optim.lr_scheduler} classes when the
 * scheduler is stepped once per optimiser step.
 */
@FunctionalInterface
public interface Schedule {

  /** The learning rate of update {@code step} ({@code >= 0}). */
  double at(long step);

  /** {@code lr} at every step. */
  static Schedule constant(double lr) {
    Checks.rate("lr", lr);
    return step -> lr;
  }

  /**
   * {@code lr · γ^⌊k / stepSize⌋} ({@code StepLR}).
   *
   * @throws IllegalArgumentException naming {@code stepSize} if it is {@code < 1}, {@code gamma}
   *     unless in {@code (0, ∞)}
   */
  static Schedule step(double lr, long stepSize, double gamma) {
    Checks.rate("lr", lr);
    Checks.steps("stepSize", stepSize, 1);
    Checks.factor(gamma);
    return step -> lr * Math.pow(gamma, (double) (step / stepSize));
  }

  /** {@code lr · γ^k} ({@code ExponentialLR}). */
  static Schedule exponential(double lr, double gamma) {
    Checks.rate("lr", lr);
    Checks.factor(gamma);
    return step -> lr * Math.pow(gamma, (double) step);
  }

  /**
   * Cosine annealing from {@code lr} to {@code minLr} over {@code totalSteps} ({@code
   * CosineAnnealingLR}'s closed form; Loshchilov &amp; Hutter, SGDR, arXiv:1608.03983, eq. 5
   * without restarts): {@code minLr + (lr − minLr)(1 + cos(π k / totalSteps)) / 2} for {@code k ≤
   * totalSteps}, then {@code minLr} (PyTorch would rise again; a schedule that ends stays ended).
   */
  static Schedule cosine(double lr, long totalSteps, double minLr) {
    Checks.rate("lr", lr);
    Checks.rate("minLr", minLr);
    Checks.steps("totalSteps", totalSteps, 1);
    return step -> step >= totalSteps ? minLr
        : minLr + (lr - minLr) * (1 + Math.cos(Math.PI * step / totalSteps)) / 2;
  }

  /**
   * Linear warm-up into {@code then}: {@code then.at(0) · (k + 1) / warmupSteps} for {@code k <
   * warmupSteps}, then {@code then.at(k − warmupSteps)}; so the rate rises in equal increments to
   * the peak and {@code then} starts from its own step 0.
   *
   * @throws IllegalArgumentException naming {@code warmupSteps} if it is negative
   */
  static Schedule linearWarmup(long warmupSteps, Schedule then) {
    Checks.steps("warmupSteps", warmupSteps, 0);
    Objects.requireNonNull(then, "then");
    double peak = then.at(0);
    return step -> step < warmupSteps ? peak * (step + 1) / warmupSteps
        : then.at(step - warmupSteps);
  }

  /** Linear warm-up to a constant {@code lr}. */
  static Schedule linearWarmup(long warmupSteps, double lr) {
    return linearWarmup(warmupSteps, constant(lr));
  }

  /**
   * Linear warm-up over {@code warmupSteps}, then cosine annealing to {@code minLr} over the
   * remaining {@code totalSteps − warmupSteps}.
   *
   * @throws IllegalArgumentException naming {@code totalSteps} unless it exceeds {@code
   *     warmupSteps}
   */
  static Schedule cosine(double lr, long warmupSteps, long totalSteps, double minLr) {
    Checks.steps("warmupSteps", warmupSteps, 0);
    if (totalSteps <= warmupSteps) {
      throw new IllegalArgumentException("totalSteps must exceed warmupSteps (" + warmupSteps
          + "), got " + totalSteps);
    }
    return linearWarmup(warmupSteps, cosine(lr, totalSteps - warmupSteps, minLr));
  }
}
