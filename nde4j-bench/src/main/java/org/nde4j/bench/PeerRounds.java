package org.nde4j.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Combines several rounds of "nde4j's cases, then the peer script" measured in one run into one
 * report. The machines these benchmarks run on change speed by up to 1.6× for seconds to minutes
 * at a time, so a single nde4j median and a single peer median taken a few seconds apart can fall
 * in different speed states and move the ratio by as much. Alternating the two and taking the
 * median of the per-round ratios (each from an nde4j median and the peer median measured right
 * after it) pairs measurements taken close together; every round's figures stay in the report.
 *
 * <p>Per case that the peer measured: {@code median_ms} is the median over rounds of nde4j's
 * round medians, {@code min_ms}/{@code max_ms} the extremes over all rounds, {@code runs} the
 * total; the extra fields {@code rounds_ms}, {@code peer_rounds_ms} and {@code ratio_rounds} hold
 * the per-round figures, and the note ends with the peer's median over rounds and the median of
 * the per-round ratios. Other fields and the rest of the note are round 1's. Cases the peer did
 * not measure are combined the same way without the peer fields.
 */
public final class PeerRounds {
  private PeerRounds() {}

  /**
   * One report from {@code rounds} (the same cases in the same order in every round) and the
   * peer's medians measured after each.
   *
   * @throws IllegalArgumentException if the lists are empty, differ in length, or the rounds do
   *     not hold the same cases
   */
  public static Report combine(List<Report> rounds, List<Map<String, Double>> peer,
      String peerName) {
    if (rounds.isEmpty() || rounds.size() != peer.size()) {
      throw new IllegalArgumentException("peer rounds: " + rounds.size() + " reports and "
          + peer.size() + " peer results; expected the same number, at least one");
    }
    Report first = rounds.get(0);
    int n = rounds.size();
    List<CaseResult> rows = new ArrayList<>();
    for (int c = 0; c < first.results().size(); c++) {
      CaseResult r = first.results().get(c);
      double[] ms = new double[n];
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      int runs = 0;
      for (int k = 0; k < n; k++) {
        List<CaseResult> results = rounds.get(k).results();
        CaseResult x = c < results.size() ? results.get(c) : null;
        if (x == null || !x.name().equals(r.name())) {
          throw new IllegalArgumentException("peer rounds: round " + (k + 1)
              + " does not have case " + r.name() + " at position " + (c + 1));
        }
        ms[k] = x.medianMs();
        min = Math.min(min, x.minMs() != null ? x.minMs() : x.medianMs());
        max = Math.max(max, x.maxMs() != null ? x.maxMs() : x.medianMs());
        runs += x.runs() != null ? x.runs() : 0;
      }
      CaseResult combined = new CaseResult(r.name(), median(ms), r.minMs() != null ? min : null,
          r.maxMs() != null ? max : null, r.runs() != null ? runs : null, r.nfe(), r.nfeBwd(),
          r.error(), r.peakBytes(), r.note(), r.steps(), r.extra());
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("rounds_ms", ms);
      double[] p = peerRounds(peer, r.name());
      if (p != null) {
        double[] ratio = new double[n];
        for (int k = 0; k < n; k++) {
          ratio[k] = p[k] / ms[k];
        }
        extra.put("peer_rounds_ms", p);
        extra.put("ratio_rounds", ratio);
        combined = combined.withNoteAppended(String.format(Locale.ROOT,
            "%s %.4g ms (median of %d rounds, each right after nde4j's): nde4j %.3gx faster"
            + " (median of the per-round ratios %s)", peerName, median(p), n, median(ratio),
            list(ratio)));
      }
      rows.add(combined.withExtra(extra));
    }
    return new Report(first.suite(), first.nde4jVersion(), first.java(), first.threads(), rows,
        first.note());
  }

  /** The peer's median of {@code name} in every round, or {@code null} if one round lacks it. */
  private static double[] peerRounds(List<Map<String, Double>> peer, String name) {
    double[] p = new double[peer.size()];
    for (int k = 0; k < p.length; k++) {
      Double v = peer.get(k).get(name);
      if (v == null) {
        return null;
      }
      p[k] = v;
    }
    return p;
  }

  /** The median (mean of the middle two for an even count). */
  public static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
  }

  private static String list(double[] ratio) {
    StringBuilder sb = new StringBuilder();
    for (double v : ratio) {
      sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3g", v));
    }
    return sb.toString();
  }
}
