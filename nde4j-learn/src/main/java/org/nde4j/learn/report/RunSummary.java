package org.nde4j.learn.report;

/**
 * The numbers a report leads with.
 *
 * @param iterations    iterations run
 * @param lastLoss      the training loss at the last logged iteration
 * @param bestLoss      the lowest finite training loss logged ({@code NaN} if none was finite)
 * @param bestIteration the iteration of {@code bestLoss} ({@code -1} if none)
 * @param seconds       wall-clock training time
 */
public record RunSummary(long iterations, double lastLoss, double bestLoss, long bestIteration,
    double seconds) {

  /**
   * The summary of a loss history.
   *
   * @param iterations the logged iteration numbers, in order
   * @param losses     the training loss at each
   * @param seconds    wall-clock training time
   * @throws IllegalArgumentException if the arrays are empty or differ in length
   */
  public static RunSummary of(double[] iterations, double[] losses, double seconds) {
    PlotInput.nonEmpty("run summary", "iterations", iterations);
    PlotInput.sameLength("run summary", "iterations", iterations, "losses", losses);
    int best = -1;
    for (int i = 0; i < losses.length; i++) {
      if (Double.isFinite(losses[i]) && (best < 0 || losses[i] < losses[best])) {
        best = i;
      }
    }
    int last = losses.length - 1;
    return new RunSummary((long) iterations[last], losses[last],
        best < 0 ? Double.NaN : losses[best], best < 0 ? -1 : (long) iterations[best], seconds);
  }
}
