package org.nde4j.bench.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nde4j.bench.CaseResult;
import org.nde4j.bench.Report;
import org.nde4j.bench.grad.TorchdiffeqPeer;
import tools.jackson.databind.JsonNode;

/**
 * torchdiffeq's side of the {@code train} suite: for each nde4j case of a report, {@code
 * w3_ode_demo.py} with the matching float64 config ({@code w3_train_iter} → {@code f64_direct},
 * {@code w3_train_iter_adjoint} → {@code f64_adjoint}) and the same number of iterations, run
 * after nde4j's cases. Each becomes a row {@code <case>_torchdiffeq} (median, min, max over the
 * peer's iterations 11 onwards that ran on a quiet machine, or all of them when fewer than 100
 * did; NFE means; its loss curve and final full-trajectory loss as extra fields), and the nde4j
 * row gets {@code peer_median_ms}, {@code speedup} (peer median / nde4j median, same run) and
 * {@code peer_batch_loss_mean_per_100} beside its own curve.
 */
public final class TorchdiffeqTraining {
  /** Suffix of the peer's rows. */
  public static final String SUFFIX = "_torchdiffeq";

  private final TorchdiffeqPeer peer;

  /** Runs torchdiffeq through {@code peer} (whose W3 iteration count is the suite's). */
  public TorchdiffeqTraining(TorchdiffeqPeer peer) {
    this.peer = peer;
  }

  /** The peer's config for an nde4j case, or {@code null} if it has none. */
  static String configOf(String caseName) {
    return switch (caseName) {
      case TrainSuite.DIRECT -> "f64_direct";
      case TrainSuite.ADJOINT -> "f64_adjoint";
      default -> null;
    };
  }

  /**
   * The report with the peer's rows after nde4j's and the comparison fields added.
   *
   * @throws IllegalStateException naming the script if the peer fails
   */
  public Report compare(Report report) {
    Map<String, JsonNode> runs = new LinkedHashMap<>();
    for (CaseResult r : report.results()) {
      String config = configOf(r.name());
      if (config != null) {
        runs.put(r.name(), peer.w3(config));
      }
    }
    return merge(report, runs);
  }

  /**
   * The report with the peer results {@code runs} (nde4j case name → the script's JSON) merged.
   */
  static Report merge(Report report, Map<String, JsonNode> runs) {
    List<CaseResult> rows = new ArrayList<>();
    List<CaseResult> peerRows = new ArrayList<>();
    for (CaseResult r : report.results()) {
      JsonNode n = runs.get(r.name());
      if (n == null) {
        rows.add(r);
        continue;
      }
      CaseResult p = row(r.name() + SUFFIX, n);
      peerRows.add(p);
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("peer_median_ms", p.medianMs());
      extra.put("speedup", p.medianMs() / r.medianMs());
      extra.put("peer_batch_loss_mean_per_100", p.extra().get("batch_loss_mean_per_100"));
      extra.put("peer_final_trajectory_loss", p.extra().get("final_trajectory_loss"));
      rows.add(r.withNoteAppended(String.format(Locale.ROOT,
          "torchdiffeq %.4g ms per iteration in the same run: nde4j %.3gx faster",
          p.medianMs(), p.medianMs() / r.medianMs())).withExtra(extra));
    }
    rows.addAll(peerRows);
    return new Report(report.suite(), report.nde4jVersion(), report.java(), report.threads(),
        rows, report.note());
  }

  /** A report row from one JSON object of {@code w3_ode_demo.py}. */
  static CaseResult row(String name, JsonNode n) {
    JsonNode it = n.path("iter_time");
    JsonNode losses = n.path("batch_loss_mean_per_100");
    double[] per100 = new double[losses.size()];
    for (int i = 0; i < per100.length; i++) {
      per100[i] = losses.get(i).asDouble();
    }
    int iterations = n.path("niters").asInt();
    double lastMedian = 1e3 * n.path("iter_time_last100_median_s").asDouble();
    double fwd = n.path("nfe_forward_mean").asDouble();
    double bwd = n.path("nfe_backward_mean").asDouble();
    String note = String.format(Locale.ROOT, "torchdiffeq %s (torch %s) %s, %d iterations,"
        + " seed %d; median over %d of iterations 11-%d%s; median of the last 100 %.4g ms; NFE per"
        + " iteration forward %.1f, backward %.1f; final batch loss %.4g, full-trajectory loss"
        + " %.4g; mean batch loss per 100 iterations: %s",
        n.path("versions").path("torchdiffeq").asString("?"),
        n.path("versions").path("torch").asString("?"), n.path("config").asString("?"),
        iterations, n.path("seed").asInt(), it.path("n").asInt(), iterations,
        it.path("clean").asBoolean(false) ? " (those that ran on a quiet machine)"
            : " (fewer than 100 ran on a quiet machine: all of them)", lastMedian, fwd, bwd,
        n.path("final_batch_loss").asDouble(),
        n.path("final_test_loss").asDouble(), TrainingRun.curve(per100));
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("median_last100_ms", lastMedian);
    extra.put("iterations", iterations);
    extra.put("nfe_fwd_mean", fwd);
    extra.put("nfe_bwd_mean", bwd);
    extra.put("batch_loss_mean_per_100", per100);
    extra.put("final_batch_loss", n.path("final_batch_loss").asDouble());
    extra.put("final_trajectory_loss", n.path("final_test_loss").asDouble());
    return new CaseResult(name, 1e3 * it.path("median_s").asDouble(),
        1e3 * it.path("min_s").asDouble(), 1e3 * it.path("max_s").asDouble(),
        it.path("n").asInt(), (int) Math.round(fwd), (int) Math.round(bwd), null, null, note,
        null, extra);
  }
}
