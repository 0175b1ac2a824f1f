package org.nde4j.solve.integrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import org.nde4j.kernel.Parallel;

/**
 * Many independent solves of one problem — the paths of an SDE under different Brownian keys, or an
 * ODE under sampled parameters — summarised by streaming statistics per save time and state: mean,
 * standard deviation and quantiles, without holding every path.
 *
 * <pre>{@code
 * EnsembleSummary s = Ensemble.of(10_000, p -> Solve.of(sdeTermWithKey(Key.of(7).foldIn(p)),
 *         new EulerMaruyama(), 0, 1, y0).dt0(1e-3).saveAt(SaveAt.ts(ts)))
 *     .quantiles(0.05, 0.5, 0.95).keepPaths(10).run();
 * }</pre>
 *
 * <p>{@code solveOfPath.apply(p)} builds path {@code p}'s solve (its term, key, parameters, solver
 * and settings); every path must save at the same times ({@code SaveAt.ts}). Paths are solved in
 * chunks on {@link Parallel}'s pool and reduced in path order, so the summary is identical for
 * every thread count. Paths whose solve fails (status not successful) are counted and left out of
 * the statistics; the first failure's diagnosis is kept.
 *
 * <p>Statistics: mean and sample standard deviation by Welford's update (exact up to rounding);
 * quantiles exactly (NumPy's linear interpolation) while {@code paths × times × states} stays
 * within {@link #exactQuantileLimit(long)} values (default 2^22), otherwise by the streaming P²
 * estimator (Jain & Chlamtac 1985), whose error shrinks as the number of paths grows.
 */
public final class Ensemble {
  private final int paths;
  private final IntFunction<Solve> solveOfPath;
  private double[] levels = {0.05, 0.5, 0.95};
  private int threads = Parallel.threads();
  private int keep;
  private long exactLimit = 1L << 22;

  private Ensemble(int paths, IntFunction<Solve> solveOfPath) {
    this.paths = paths;
    this.solveOfPath = solveOfPath;
  }

  /**
   * An ensemble of {@code paths} solves.
   *
   * @throws IllegalArgumentException if {@code paths < 1}
   */
  public static Ensemble of(int paths, IntFunction<Solve> solveOfPath) {
    if (paths < 1) {
      throw new IllegalArgumentException("Ensemble: need at least one path, got " + paths);
    }
    return new Ensemble(paths, Objects.requireNonNull(solveOfPath, "solveOfPath"));
  }

  /**
   * The quantile levels to report (default 0.05, 0.5, 0.95).
   *
   * @throws IllegalArgumentException if a level is outside {@code [0, 1]}
   */
  public Ensemble quantiles(double... levels) {
    for (double q : levels) {
      if (!(q >= 0 && q <= 1)) {
        throw new IllegalArgumentException("Ensemble: quantile levels must be in [0, 1], got " + q);
      }
    }
    this.levels = levels.clone();
    return this;
  }

  /** Threads solving paths (default {@link Parallel#threads()}); the summary does not depend on it. */
  public Ensemble threads(int n) {
    if (n < 1 || n > Parallel.MAX_THREADS) {
      throw new IllegalArgumentException("Ensemble: threads must be in [1, " + Parallel.MAX_THREADS
          + "], got " + n);
    }
    this.threads = n;
    return this;
  }

  /** Keep the trajectories of the first {@code k} successful paths (default 0). */
  public Ensemble keepPaths(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("Ensemble: keepPaths must be >= 0, got " + k);
    }
    this.keep = Math.min(k, paths);
    return this;
  }

  /** Largest {@code paths × times × states} for which quantiles are exact (default 2^22). */
  public Ensemble exactQuantileLimit(long values) {
    if (values < 0) {
      throw new IllegalArgumentException("Ensemble: exactQuantileLimit must be >= 0, got " + values);
    }
    this.exactLimit = values;
    return this;
  }

  /**
   * Solves every path and summarises them.
   *
   * @throws IllegalStateException naming the path if its save times or state size differ from
   *     path 0's
   */
  public EnsembleSummary run() {
    int chunk = Math.max(16, 4 * threads);
    Solution[] batch = new Solution[chunk];
    Accumulator acc = null;
    for (int start = 0; start < paths; start += chunk) {
      int count = Math.min(chunk, paths - start);
      int first = start;
      Parallel.forRange(count, 1, threads, (from, to) -> {
        for (int i = from; i < to; i++) {
          batch[i] = solveOfPath.apply(first + i).run();
        }
      });
      for (int i = 0; i < count; i++) {
        if (acc == null) {
          acc = new Accumulator(batch[i], first + i);
        }
        acc.add(batch[i], first + i);
        batch[i] = null;
      }
    }
    return acc.summary();
  }

  /** The reduction in path order. */
  private final class Accumulator {
    private final double[] ts;
    private final int n;
    private final int cells;
    private final double[] mean;
    private final double[] m2;
    private final double[][] values; // exact quantiles: [cell][path]
    private final P2Quantile[][] p2; // streaming quantiles: [level][cell]
    private final List<double[][]> kept = new ArrayList<>();
    private int successful;
    private int failed;
    private String firstFailure;
    private long evaluations;

    Accumulator(Solution reference, int path) {
      this.ts = reference.ts();
      this.n = reference.size() == 0 ? 0 : reference.y(0).length;
      if (ts.length == 0) {
        throw new IllegalStateException("Ensemble: path " + path + " saved no times; give every"
            + " path's solve saveAt(SaveAt.ts(...))");
      }
      this.cells = ts.length * n;
      this.mean = new double[cells];
      this.m2 = new double[cells];
      boolean exact = (long) paths * cells <= exactLimit;
      this.values = exact ? new double[cells][paths] : null;
      this.p2 = exact ? null : new P2Quantile[levels.length][cells];
      if (!exact) {
        for (int l = 0; l < levels.length; l++) {
          for (int c = 0; c < cells; c++) {
            p2[l][c] = new P2Quantile(levels[l]);
          }
        }
      }
    }

    void add(Solution s, int path) {
      evaluations += s.stats().nfe();
      if (!s.status().isSuccess()) {
        failed++;
        if (firstFailure == null) {
          firstFailure = "path " + path + ": " + s.diagnosis().message();
        }
        return;
      }
      double[] pts = s.ts();
      if (!Arrays.equals(pts, ts) || (s.size() > 0 && s.y(0).length != n)) {
        throw new IllegalStateException("Ensemble: path " + path + " saved " + pts.length
            + " times of " + (s.size() > 0 ? s.y(0).length : 0) + " states, path 0 saved "
            + ts.length + " times of " + n + " states (or at other times); give every path's"
            + " solve the same saveAt(SaveAt.ts(...))");
      }
      int k = ++successful;
      for (int t = 0; t < ts.length; t++) {
        double[] y = s.y(t);
        for (int i = 0; i < n; i++) {
          int c = t * n + i;
          double x = y[i];
          double d = x - mean[c];
          mean[c] += d / k;
          m2[c] += d * (x - mean[c]);
          if (values != null) {
            values[c][k - 1] = x;
          } else {
            for (P2Quantile[] level : p2) {
              level[c].add(x);
            }
          }
        }
      }
      if (kept.size() < keep) {
        kept.add(s.ys());
      }
    }

    EnsembleSummary summary() {
      double[][] meanTn = new double[ts.length][n];
      double[][] std = new double[ts.length][n];
      double[][][] quantiles = new double[levels.length][ts.length][n];
      for (int t = 0; t < ts.length; t++) {
        for (int i = 0; i < n; i++) {
          int c = t * n + i;
          meanTn[t][i] = successful > 0 ? mean[c] : Double.NaN;
          std[t][i] = successful > 1 ? Math.sqrt(m2[c] / (successful - 1)) : Double.NaN;
          double[] sorted = null;
          if (values != null && successful > 0) {
            sorted = Arrays.copyOf(values[c], successful);
            Arrays.sort(sorted);
          }
          for (int l = 0; l < levels.length; l++) {
            quantiles[l][t][i] = successful == 0 ? Double.NaN
                : sorted != null ? Quantiles.linear(sorted, successful, levels[l])
                : p2[l][c].value();
          }
        }
      }
      return new EnsembleSummary(ts.clone(), paths, successful, failed, firstFailure,
          meanTn, std, levels.clone(), quantiles, values != null, List.copyOf(kept), evaluations);
    }
  }
}
