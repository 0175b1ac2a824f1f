package org.nde4j.bench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nde4j.bench.CaseResult;
import org.nde4j.bench.Report;
import org.nde4j.bench.ReportWriter;
import org.nde4j.learn.data.SpiralData;
import org.nde4j.learn.data.WindowSampler;
import org.nde4j.learn.models.NeuralOde;
import org.nde4j.random.Key;
import org.nde4j.solve.adjoint.Adjoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The {@code train} suite's report structure on a short run (no assertion on wall-clock times):
 * every row has its figures and loss curve, the first batch loss is the model's loss at the
 * initial parameters computed directly, and the peer's JSON line is turned into a row and ratios.
 */
class TrainSuiteTest {
  private static final int ITERATIONS = 130;
  private static Report report;

  @BeforeAll
  static void runShort() {
    report = new TrainSuite(ITERATIONS, 0, 0).run(List.of(), r -> { });
  }

  @Test
  void everyCaseHasItsFiguresAndLossCurve() {
    assertThat(report.suite()).isEqualTo("train");
    assertThat(report.results()).extracting(CaseResult::name)
        .containsExactly(TrainSuite.DIRECT, TrainSuite.ADJOINT);
    for (CaseResult r : report.results()) {
      assertThat(r.runs()).as(r.name()).isEqualTo(ITERATIONS - TrainingRun.WARMUP);
      assertThat(r.minMs()).as(r.name()).isPositive().isLessThanOrEqualTo(r.medianMs());
      assertThat(r.maxMs()).as(r.name()).isGreaterThanOrEqualTo(r.medianMs());
      assertThat((double) r.extra().get("q1_ms")).isLessThanOrEqualTo(r.medianMs());
      assertThat((double) r.extra().get("q3_ms")).isGreaterThanOrEqualTo(r.medianMs());
      assertThat(r.nfe()).as(r.name()).isPositive();
      assertThat(r.nfeBwd()).as(r.name()).isPositive();
      double[] curve = (double[]) r.extra().get("batch_loss_mean_per_100");
      assertThat(curve).hasSize(2);
      assertThat(curve[1]).as("training lowers the loss").isLessThan(curve[0]);
      assertThat((double) r.extra().get("final_trajectory_loss")).isPositive();
      assertThat(r.note()).contains("mean batch loss per 100 iterations");
    }
    // The continuous adjoint re-integrates backwards: more evaluations than backpropagation.
    assertThat(report.results().get(1).nfeBwd()).isGreaterThan(report.results().get(0).nfeBwd());
  }

  @Test
  void firstBatchLossIsTheModelsLossAtTheInitialParameters() {
    NeuralOde ode = W3Training.model(Adjoint.discrete());
    Key root = Key.of(0);
    double[] theta = ode.init(root.foldIn(0)).values();
    WindowSampler sampler = new WindowSampler(SpiralData.panel(), W3Training.BATCH_TIME,
        W3Training.BATCH_SIZE);
    double first = ode.loss(theta, sampler.sample(root.foldIn(1).foldIn(1)),
        new double[theta.length]);
    TrainingRun run = new W3Training("w", Adjoint.discrete(), 1, 0).run();
    assertThat(run.batchLoss()).containsExactly(first);
    assertThat(run.iterationMs()).hasSize(1);
  }

  @Test
  void quantilesAndBlockMeansAgainstHandCounts() {
    double[] x = {4, 1, 3, 2, 5};
    assertThat(TrainingRun.quantile(x, 0.5)).isEqualTo(3);
    assertThat(TrainingRun.quantile(x, 0.25)).isEqualTo(2);
    assertThat(TrainingRun.quantile(new double[] {1, 2}, 0.5)).isEqualTo(1.5);
    assertThat(TrainingRun.blockMeans(new double[] {1, 3, 5, 7, 9}, 2))
        .containsExactly(2, 6, 9);
  }

  /** One line of w3_ode_demo.py's output, shortened to the fields the suite reads. */
  private static final String PEER_LINE = "{\"threads\": 1, \"versions\": {\"torch\": \"1.13.1\","
      + " \"torchdiffeq\": \"0.2.5\"}, \"config\": \"f64_direct\", \"niters\": 130, \"seed\": 0,"
      + " \"iter_time\": {\"median_s\": 0.025, \"min_s\": 0.02, \"max_s\": 0.04, \"n\": 120,"
      + " \"clean\": true}, \"iter_time_last100_median_s\": 0.026, \"nfe_forward_mean\": 50.2,"
      + " \"nfe_backward_mean\": 0.0, \"batch_loss_mean_per_100\": [0.0371, 0.0088],"
      + " \"final_batch_loss\": 0.009, \"final_test_loss\": 0.4, \"workload\": \"w3\"}";

  @Test
  void peerLineBecomesARowAndTheRatio() {
    JsonNode line = new ObjectMapper().readTree(PEER_LINE);
    Report merged = TorchdiffeqTraining.merge(report, Map.of(TrainSuite.DIRECT, line));
    assertThat(merged.results()).extracting(CaseResult::name).containsExactly(TrainSuite.DIRECT,
        TrainSuite.ADJOINT, TrainSuite.DIRECT + TorchdiffeqTraining.SUFFIX);
    CaseResult peer = merged.results().get(2);
    assertThat(peer.medianMs()).isCloseTo(25, within(1e-12));
    assertThat(peer.runs()).isEqualTo(120);
    assertThat(peer.nfe()).isEqualTo(50);
    assertThat(peer.nfeBwd()).isZero();
    assertThat((double[]) peer.extra().get("batch_loss_mean_per_100"))
        .containsExactly(0.0371, 0.0088);
    assertThat(peer.extra().get("final_trajectory_loss")).isEqualTo(0.4);
    CaseResult nde4j = merged.results().get(0);
    double ms = report.results().get(0).medianMs();
    assertThat((double) nde4j.extra().get("speedup")).isCloseTo(25 / ms, within(1e-9));
    assertThat((double[]) nde4j.extra().get("peer_batch_loss_mean_per_100"))
        .containsExactly(0.0371, 0.0088);
    assertThat(nde4j.note()).contains("torchdiffeq 25.00 ms per iteration in the same run");
    assertThat(merged.results().get(1)).isEqualTo(report.results().get(1));
  }

  @Test
  void jsonCarriesTheLossCurvesAfterTheStandardFields() {
    JsonNode j = new ReportWriter().toJson(report);
    JsonNode r = j.get("results").get(0);
    assertThat(r.get("case").asString()).isEqualTo(TrainSuite.DIRECT);
    assertThat(r.get("batch_loss_mean_per_100").size()).isEqualTo(2);
    assertThat(r.get("nfe_fwd_mean").asDouble()).isPositive();
    List<String> names = new java.util.ArrayList<>();
    r.propertyNames().forEach(names::add);
    assertThat(names.subList(0, 11)).containsExactly("case", "median_ms", "min_ms", "max_ms",
        "runs", "nfe", "nfe_bwd", "steps", "error", "peak_bytes", "note");
    assertThatThrownBy(() -> new CaseResult("x", 1, null, null, null, null, null, null, null,
        null, null, Map.of("note", "y"))).hasMessageContaining("extra field 'note'");
  }
}
