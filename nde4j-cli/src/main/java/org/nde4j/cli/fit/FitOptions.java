package org.nde4j.cli.fit;

import java.nio.file.Path;

/**
 * The options of {@code nde4j fit} as given; {@code null} where an option was not given (each
 * kind of model fills in its own default).
 *
 * @param data        the CSV file
 * @param seed        the seed of the initialisation, the split and the batches
 * @param hidden      hidden width of a neural ODE
 * @param depth       number of hidden layers of a neural ODE
 * @param activation  hidden activation of a neural ODE
 * @param solver      solver name
 * @param rtol        relative tolerance
 * @param atol        absolute tolerance
 * @param adjoint     gradient method name
 * @param optimizer   {@code adam}, {@code rmsprop} or {@code lbfgs}
 * @param lr          learning rate
 * @param iterations  training iterations
 * @param lbfgsIterations L-BFGS iterations after the first-order ones (model files)
 * @param batchSize   windows per batch (neural ODE)
 * @param batchTime   points per window (neural ODE)
 * @param valFraction fraction of the data held out for validation; 0 for none
 * @param validateEvery iterations between validations
 * @param patience    validations without improvement before stopping early
 */
public record FitOptions(Path data, long seed, Integer hidden, Integer depth, String activation,
    String solver, Double rtol, Double atol, String adjoint, String optimizer, Double lr,
    Long iterations, Long lbfgsIterations, Integer batchSize, Integer batchTime,
    double valFraction, long validateEvery, int patience) {

  /**
   * @throws IllegalArgumentException naming the option if a value is out of range
   */
  public FitOptions {
    positive("--hidden", hidden);
    if (depth != null && depth < 0) {
      throw new IllegalArgumentException("--depth must be >= 0, got " + depth);
    }
    if (rtol != null && !(rtol > 0 && rtol < 1)) {
      throw new IllegalArgumentException("--rtol must be in (0, 1), got " + rtol);
    }
    if (atol != null && !(atol >= 0 && Double.isFinite(atol))) {
      throw new IllegalArgumentException("--atol must be finite and >= 0, got " + atol);
    }
    if (lr != null && !(lr > 0 && Double.isFinite(lr))) {
      throw new IllegalArgumentException("--lr must be finite and > 0, got " + lr);
    }
    if (iterations != null && iterations < 1) {
      throw new IllegalArgumentException("--iters must be >= 1, got " + iterations);
    }
    if (lbfgsIterations != null && lbfgsIterations < 0) {
      throw new IllegalArgumentException("--lbfgs-iters must be >= 0, got " + lbfgsIterations);
    }
    positive("--batch-size", batchSize);
    if (batchTime != null && batchTime < 2) {
      throw new IllegalArgumentException("--batch-time must be >= 2 (a window needs a start and "
          + "an end), got " + batchTime);
    }
    if (!(valFraction >= 0 && valFraction < 1)) {
      throw new IllegalArgumentException("--val-fraction must be in [0, 1) (0: no validation), "
          + "got " + valFraction);
    }
    if (validateEvery < 1) {
      throw new IllegalArgumentException("--validate-every must be >= 1, got " + validateEvery);
    }
    if (patience < 1) {
      throw new IllegalArgumentException("--patience must be >= 1, got " + patience);
    }
  }

  private static void positive(String option, Integer v) {
    if (v != null && v < 1) {
      throw new IllegalArgumentException(option + " must be >= 1, got " + v);
    }
  }

  /** {@code v}, or {@code otherwise} when the option was not given. */
  static <T> T or(T v, T otherwise) {
    return v != null ? v : otherwise;
  }
}
