package org.nde4j.learn.data;

import java.util.HashSet;
import java.util.List;
import org.nde4j.random.Key;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/**
 * Draws mini-batches of windows of {@code batchTime} consecutive points, "batch_time ×
 * batch_size" as in torchdiffeq's ode_demo ({@code get_batch}): a window is a (series, first
 * point) pair with {@code batchTime} points from there on; every such window of the panel is
 * equally likely, and one batch holds {@code batchSize} distinct windows (drawn without
 * replacement, as ode_demo's {@code np.random.choice(…, replace=False)}). The windows of a batch
 * depend only on the key, so a training run that derives one key per iteration is reproducible.
 *
 * <p>Series shorter than {@code batchTime} contribute no windows. Windows of irregular series
 * have their own times; see {@link WindowBatch#relativeTimes()}.
 */
public final class WindowSampler {
  private final Panel panel;
  private final int batchTime;
  private final int batchSize;
  /** cumulative[s] = number of windows in series 0..s-1. */
  private final long[] cumulative;

  /**
   * @throws IllegalArgumentException naming the parameter: {@code batchTime < 2},
   *     {@code batchSize < 1}, or more windows asked for than the panel has
   */
  public WindowSampler(Panel panel, int batchTime, int batchSize) {
    if (batchTime < 2) {
      throw new IllegalArgumentException("batchTime must be >= 2 (a window needs a start and "
          + "an end), got " + batchTime);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    List<Series> series = panel.series();
    cumulative = new long[series.size() + 1];
    int longest = 0;
    for (int s = 0; s < series.size(); s++) {
      int n = series.get(s).length();
      longest = Math.max(longest, n);
      cumulative[s + 1] = cumulative[s] + Math.max(0, n - batchTime + 1);
    }
    if (cumulative[series.size()] == 0) {
      throw new IllegalArgumentException("batchTime " + batchTime + " is longer than every series"
          + " of " + panel.source() + " (longest: " + longest + " points)");
    }
    if (batchSize > cumulative[series.size()]) {
      throw new IllegalArgumentException("batchSize " + batchSize + " is more than the "
          + cumulative[series.size()] + " distinct windows of " + batchTime + " points in "
          + panel.source());
    }
    this.panel = panel;
    this.batchTime = batchTime;
    this.batchSize = batchSize;
  }

  /** The number of distinct windows. */
  public long windows() {
    return cumulative[cumulative.length - 1];
  }

  /** One batch, determined by {@code key}. */
  public WindowBatch sample(Key key) {
    long total = windows();
    long[] chosen = new long[batchSize];
    // Floyd's algorithm draws batchSize distinct windows with batchSize uniforms and no array of
    // all windows; the result is then shuffled so that its order is uniform too (Bentley & Floyd,
    // "Programming pearls: a sample of brilliance", CACM 30(9), 1987, doi:10.1145/30401.315746).
    HashSet<Long> taken = new HashSet<>();
    int filled = 0;
    for (long j = total - batchSize; j < total; j++) {
      long t = (long) Math.min(j, Math.floor(key.uniformAt(filled) * (j + 1)));
      long pick = taken.contains(t) ? j : t;
      taken.add(pick);
      chosen[filled++] = pick;
    }
    for (int i = batchSize - 1; i > 0; i--) {
      int r = (int) Math.min(i, Math.floor(key.uniformAt(batchSize + (batchSize - 1 - i))
          * (i + 1)));
      long tmp = chosen[i];
      chosen[i] = chosen[r];
      chosen[r] = tmp;
    }
    int c = panel.channels().size();
    int k = batchTime;
    double[] times = new double[batchSize * k];
    double[] values = new double[batchSize * k * c];
    double[] mask = new double[batchSize * k * c];
    int[] seriesIndex = new int[batchSize];
    int[] start = new int[batchSize];
    for (int b = 0; b < batchSize; b++) {
      int s = seriesOf(chosen[b]);
      int first = (int) (chosen[b] - cumulative[s]);
      Series sr = panel.series().get(s);
      seriesIndex[b] = s;
      start[b] = first;
      for (int j = 0; j < k; j++) {
        times[b * k + j] = sr.time(first + j);
        for (int ch = 0; ch < c; ch++) {
          int at = (b * k + j) * c + ch;
          boolean observed = sr.isObserved(first + j, ch);
          values[at] = observed ? sr.value(first + j, ch) : 0.0;
          mask[at] = observed ? 1.0 : 0.0;
        }
      }
    }
    return new WindowBatch(Tensor.wrap(times, Shape.of(batchSize, k)),
        Tensor.wrap(values, Shape.of(batchSize, k, c)), Tensor.wrap(mask, Shape.of(batchSize, k, c)),
        seriesIndex, start);
  }

  private int seriesOf(long window) {
    int lo = 0;
    int hi = cumulative.length - 2;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (cumulative[mid] <= window) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
