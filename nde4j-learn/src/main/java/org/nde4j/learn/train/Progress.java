package org.nde4j.learn.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The console progress line of a {@link Trainer}: iteration, batch loss, last validation loss,
 * iterations per second and estimated time left, e.g.
 * <pre>
 * iter  200/2000  loss 3.1416e-02  val 2.7183e-02  812.5 it/s  ETA 2s
 * </pre>
 * On a terminal the line is redrawn in place ({@code \r}, then erase to the end of the line) at
 * most ten times a second and ended by a line break when the run ends; otherwise (a file, a pipe,
 * a log) a plain line is printed every {@code every} iterations and at the last one.
 */
final class Progress {
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintStream out;
  private final long every;
  private final boolean terminal;
  private final long total;
  private long lastDraw = Long.MIN_VALUE;
  private boolean drawn;

  Progress(PrintStream out, long every, boolean terminal, long total) {
    this.out = out;
    this.every = every;
    this.terminal = terminal;
    this.total = total;
  }

  /** Reports iteration {@code iteration}; {@code now} is the clock in nanoseconds. */
  void update(long iteration, double loss, double valLoss, double perSecond, long now) {
    boolean last = iteration == total;
    if (terminal) {
      if (last || lastDraw == Long.MIN_VALUE || now - lastDraw >= REDRAW_NANOS) {
        out.print("\r" + line(iteration, total, loss, valLoss, perSecond) + "\u001b[K");
        out.flush();
        lastDraw = now;
        drawn = true;
      }
    } else if (iteration % every == 0 || last) {
      out.println(line(iteration, total, loss, valLoss, perSecond));
    }
  }

  /** Ends the redrawn line, if one is showing. */
  void finish() {
    if (terminal && drawn) {
      out.println();
      drawn = false;
    }
  }

  /**
   * One progress line. {@code valLoss} is left out when NaN, the rate and ETA print as {@code -}
   * when the rate is unknown (NaN or not positive).
   */
  static String line(long iteration, long total, double loss, double valLoss, double perSecond) {
    String t = Long.toString(total);
    StringBuilder sb = new StringBuilder();
    sb.append("iter ").append(String.format(Locale.ROOT, "%" + t.length() + "d", iteration))
        .append('/').append(t)
        .append("  loss ").append(String.format(Locale.ROOT, "%.4e", loss));
    if (!Double.isNaN(valLoss)) {
      sb.append("  val ").append(String.format(Locale.ROOT, "%.4e", valLoss));
    }
    boolean known = perSecond > 0 && Double.isFinite(perSecond);
    sb.append("  ").append(known ? String.format(Locale.ROOT, "%.1f", perSecond) : "-")
        .append(" it/s  ETA ")
        .append(known ? duration((total - iteration) / perSecond) : "-");
    return sb.toString();
  }

  /** {@code 42s}, {@code 3m07s}, {@code 2h05m}. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}
