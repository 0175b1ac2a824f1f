package org.nde4j.bench.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.nde4j.bench.CaseResult;

/**
 * What one training run measured, iteration by iteration, and its summary as a report row.
 * Timing statistics are over iterations 11 onwards (the first ten are warm-up, as in the peer
 * script {@code w3_ode_demo.py}), or over all iterations when there are ten or fewer; NFE means
 * likewise.
 *
 * @param name the case name
 * @param adjoint the adjoint's name
 * @param iterationMs wall time of each iteration, ms
 * @param batchLoss the batch loss of each iteration (before its step)
 * @param nfeForward vector-field evaluations of each iteration's forward solve
 * @param nfeBackward evaluations of each iteration's backward pass (field replays + VJPs)
 * @param trajectoryLoss mean |prediction − data| over the whole data set from {@code y(0)} after
 *     the last iteration
 * @param stop how the run ended ({@code COMPLETED}, or why it stopped)
 */
public record TrainingRun(String name, String adjoint, double[] iterationMs, double[] batchLoss,
    double[] nfeForward, double[] nfeBackward, double trajectoryLoss, String stop) {
  /** Iterations of warm-up left out of the timing statistics. */
  public static final int WARMUP = 10;

  /** Number of iterations run. */
  public int iterations() {
    return iterationMs.length;
  }

  /** The timed iterations: from 11 on, or all of them when there are ten or fewer. */
  private double[] timed(double[] x) {
    return x.length > WARMUP ? Arrays.copyOfRange(x, WARMUP, x.length) : x.clone();
  }

  /**
   * The {@code q}-quantile ({@code 0 ≤ q ≤ 1}) of the timed iterations' times, interpolated
   * linearly between order statistics.
   */
  public double quantileMs(double q) {
    return quantile(timed(iterationMs), q);
  }

  /** Median time per iteration over iterations 11 onwards. */
  public double medianMs() {
    return quantileMs(0.5);
  }

  /** Median over the last 100 iterations (all of them if fewer). */
  public double medianLast100Ms() {
    int n = iterationMs.length;
    return quantile(Arrays.copyOfRange(iterationMs, Math.max(0, n - 100), n), 0.5);
  }

  /** Mean forward NFE per timed iteration. */
  public double nfeForwardMean() {
    return mean(timed(nfeForward));
  }

  /** Mean backward evaluations per timed iteration. */
  public double nfeBackwardMean() {
    return mean(timed(nfeBackward));
  }

  /** The batch loss of the last iteration. */
  public double lastBatchLoss() {
    return batchLoss.length == 0 ? Double.NaN : batchLoss[batchLoss.length - 1];
  }

  /** Mean batch loss of iterations 1–100, 101–200, …; the last block may be shorter. */
  public double[] lossMeanPer100() {
    return blockMeans(batchLoss, 100);
  }

  /**
   * The report row: median, min and max over iterations 11 onwards, their number as {@code
   * runs}, mean NFE forward and backward, a note with the quartiles, the losses and the
   * trajectory loss, and the extra fields {@code q1_ms}, {@code q3_ms}, {@code
   * median_last100_ms}, {@code iterations}, {@code nfe_fwd_mean}, {@code nfe_bwd_mean}, {@code
   * batch_loss_mean_per_100}, {@code final_batch_loss}, {@code final_trajectory_loss}.
   */
  public CaseResult toCaseResult(String note) {
    double[] t = timed(iterationMs);
    Arrays.sort(t);
    double[] per100 = lossMeanPer100();
    String text = String.format(Locale.ROOT, "%s; %s; %d iterations, median over %s: quartiles"
        + " %.4g / %.4g ms, median of the last 100 %.4g ms; NFE per iteration forward %.1f,"
        + " backward %.1f; final batch loss %.4g, full-trajectory loss %.4g; mean batch loss"
        + " per 100 iterations: %s", note, stop, iterations(), iterations() > WARMUP
            ? "iterations " + (WARMUP + 1) + "-" + iterations() : "all iterations",
        quantileMs(0.25), quantileMs(0.75), medianLast100Ms(), nfeForwardMean(),
        nfeBackwardMean(), lastBatchLoss(), trajectoryLoss, curve(per100));
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("q1_ms", quantileMs(0.25));
    extra.put("q3_ms", quantileMs(0.75));
    extra.put("median_last100_ms", medianLast100Ms());
    extra.put("iterations", iterations());
    extra.put("adjoint", adjoint);
    extra.put("nfe_fwd_mean", nfeForwardMean());
    extra.put("nfe_bwd_mean", nfeBackwardMean());
    extra.put("batch_loss_mean_per_100", per100);
    extra.put("final_batch_loss", lastBatchLoss());
    extra.put("final_trajectory_loss", trajectoryLoss);
    return new CaseResult(name, medianMs(), t[0], t[t.length - 1], t.length,
        (int) Math.round(nfeForwardMean()), (int) Math.round(nfeBackwardMean()), null, null, text,
        null, extra);
  }

  /** A loss curve as text: the values with four significant digits, separated by spaces. */
  static String curve(double[] values) {
    StringBuilder text = new StringBuilder();
    for (double v : values) {
      text.append(text.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4g", v));
    }
    return text.toString();
  }

  /** Means of consecutive blocks of {@code size} values (the last block may be shorter). */
  static double[] blockMeans(double[] x, int size) {
    double[] r = new double[(x.length + size - 1) / size];
    for (int b = 0; b < r.length; b++) {
      int to = Math.min(x.length, (b + 1) * size);
      r[b] = mean(Arrays.copyOfRange(x, b * size, to));
    }
    return r;
  }

  /** The {@code q}-quantile of {@code x} with linear interpolation between order statistics. */
  static double quantile(double[] x, double q) {
    double[] s = x.clone();
    Arrays.sort(s);
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(s.length - 1, lo + 1);
    return s[lo] + (pos - lo) * (s[hi] - s[lo]);
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return x.length == 0 ? Double.NaN : s / x.length;
  }
}
