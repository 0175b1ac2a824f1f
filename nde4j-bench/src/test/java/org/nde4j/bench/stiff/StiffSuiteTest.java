package org.nde4j.bench.stiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nde4j.bench.CaseResult;
import org.nde4j.bench.Harness;
import org.nde4j.bench.HarnessConfig;
import org.nde4j.bench.Report;
import org.nde4j.bench.SuiteRunner;
import org.nde4j.solve.term.Jacobian;
import org.nde4j.solve.term.OdeTerm;

/**
 * The {@code stiff} suite's machinery, run while no stiff method is merged: tsit5 (and a failing
 * fixed-step euler) on W2a and W2b cut to {@code [0, 1]}, scored against vern9 at 1e-13. No
 * assertion on wall-clock times.
 */
class StiffSuiteTest {
  private static final StiffProblem A = StiffProblem.W2A.withSpan(1.0);
  private static final StiffProblem B = StiffProblem.W2B.withSpan(1.0);
  private static StiffSuite suite;
  private static Report report;
  private static final Map<String, CaseResult> BY_NAME = new HashMap<>();

  @BeforeAll
  static void runQuick() {
    suite = new StiffSuite(List.of(A, B), List.of("tsit5", "euler"), List.of("rodas5p", "bdf"),
        List.of("nosuchmethod", "vern9"));
    HarnessConfig tiny = new HarnessConfig(10_000_000L, 50_000_000L, 3, 1_000_000L, 50_000_000L, 1);
    report = new SuiteRunner(new Harness(tiny)).run(suite, List.of(), r -> { });
    for (CaseResult r : report.results()) {
      BY_NAME.put(r.name(), r);
    }
  }

  @Test
  void tracedFieldsAreTheTestkitFieldsAndTheirJacobiansThePeersAnalyticOnes() {
    double[][] points = {{0.9, 3e-5, 0.1}, {0.3, 1e-6, 0.7}, {1, 0, 0}};
    for (double[] y : points) {
      check(StiffProblem.W2A, y, roberJacobian(y));
    }
    double[][] vdp = {{2, 0}, {-1.5, 0.7}, {0.3, -20}};
    for (double[] y : vdp) {
      // w2_stiff.py's vdp_jac: [[0, 1], [-2 mu y1 y2 - 1, mu (1 - y1^2)]]
      double mu = 1000;
      check(StiffProblem.W2B, y, new double[] {0, 1, -2 * mu * y[0] * y[1] - 1,
          mu * (1 - y[0] * y[0])});
    }
  }

  /** w2_stiff.py's rober_jac. */
  private static double[] roberJacobian(double[] y) {
    double k1 = 0.04;
    double k2 = 3e7;
    double k3 = 1e4;
    return new double[] {-k1, k3 * y[2], k3 * y[1], k1, -2 * k2 * y[1] - k3 * y[2], -k3 * y[1],
        0, 2 * k2 * y[1], 0};
  }

  private static void check(StiffProblem p, double[] y, double[] jac) {
    OdeTerm term = p.term();
    double[] ours = new double[p.dim()];
    double[] theirs = new double[p.dim()];
    term.rate(0.5, y.clone(), ours);
    p.problem().rhs(0.5, y.clone(), theirs);
    for (int i = 0; i < ours.length; i++) {
      assertThat(ours[i]).as("%s f[%d]", p.prefix(), i)
          .isCloseTo(theirs[i], within(1e-15 * (1 + Math.abs(theirs[i]))));
    }
    Jacobian j = term.jacobian();
    double[] out = new double[p.dim() * p.dim()];
    j.evaluate(0.5, y.clone(), out);
    assertThat(j.rateEvaluations()).isZero();
    for (int i = 0; i < out.length; i++) {
      assertThat(out[i]).as("%s J[%d]", p.prefix(), i)
          .isCloseTo(jac[i], within(1e-12 * (1 + Math.abs(jac[i]))));
    }
  }

  @Test
  void everyMethodGivesOneCasePerProblemWithItsFigures() {
    assertThat(report.suite()).isEqualTo("stiff");
    assertThat(BY_NAME.keySet()).containsExactlyInAnyOrder("w2a_tsit5", "w2b_tsit5", "w2a_euler",
        "w2b_euler");
    for (String name : List.of("w2a_tsit5", "w2b_tsit5")) {
      CaseResult r = BY_NAME.get(name);
      assertThat(r.medianMs()).as(name).isPositive();
      assertThat(r.nfe()).as(name).isPositive();
      assertThat(r.steps()).as(name).isPositive();
      // rtol 1e-6 on [0, 1]; the states are O(1)
      assertThat(r.error()).as(name).isNotNull().isLessThan(1e-4);
      assertThat(r.note()).as(name).contains("jacobians 0, factorizations 0")
          .contains("rejected steps").contains("error vs nde4j vern9 at rtol=1e-13 atol=1e-16")
          .doesNotContain("FAILED");
    }
  }

  @Test
  void aFailedSolveStillReportsWithItsDiagnosis() {
    // euler is fixed-step: without dt0 under a PID controller it cannot run.
    for (String name : List.of("w2a_euler", "w2b_euler")) {
      CaseResult r = BY_NAME.get(name);
      assertThat(r.error()).as(name).isNull();
      assertThat(r.note()).as(name).startsWith("kernels=").contains("FAILED: ")
          .contains("time = time to fail");
    }
  }

  @Test
  void headerNamesMethodsSkippedCandidatesAndReferences() {
    assertThat(report.note()).contains("methods: tsit5 euler")
        .contains("not in the solver catalogue, skipped: rodas5p bdf")
        .contains("w2a reference: nde4j vern9").contains("w2b reference: nde4j vern9");
  }

  @Test
  void missingReferenceMethodLeavesErrorsNullAndSaysWhy() {
    StiffReference none = StiffReference.compute(A, List.of("rodas5p_not_there"));
    assertThat(none.exists()).isFalse();
    assertThat(none.describe()).contains("no reference method (rodas5p_not_there)");
  }

  @Test
  void compareWritesRatiosToEachScipyMethodOfTheSameProblem() {
    List<CaseResult> rows = List.of(
        row("w2a_rodas5p", 2.0, 1.1e-8, "n"),
        row("w2a_scipy_lsoda", 4.0, 1.9e-8, null),
        row("w2a_scipy_bdf", 40.0, 1.1e-7, null),
        row("w2a_scipy_radau", 50.0, null, null),
        row("w2b_rodas5p", 1.0, 3e-6, null));
    List<CaseResult> out = suite.compare(rows);
    assertThat(out.get(0).note()).isEqualTo("n; 0.50× scipy LSODA time, error 1.1e-08 vs 1.9e-08;"
        + " 0.05× scipy BDF time, error 1.1e-08 vs 1.1e-07; 0.04× scipy Radau time, error 1.1e-08"
        + " vs none");
    assertThat(out.get(1).note()).isNull();
    assertThat(out.get(4).note()).isNull();
  }

  private static CaseResult row(String name, double ms, Double error, String note) {
    return new CaseResult(name, ms, null, null, null, null, null, error, null, note, null);
  }

  @Test
  void peerLinesMapToCasesAndAreRescoredAgainstTheNde4jReference() {
    // Two lines in the format of shared/peers/w2_stiff.py (common.emit), and its reference line.
    String out = """
        {"threads": 1, "kind": "reference", "problem": "robertson", "y_ref": [0.1, 0.2, 0.7], \
        "workload": "w2"}
        {"threads": 1, "problem": "robertson", "library": "scipy 1.10.1", "method": "LSODA", \
        "jac": "analytic", "rtol": 1e-06, "atol": 1e-10, "success": true, "nfe": 762, \
        "nfev_scipy": 762, "njev": 20, "nlu": 40, "steps": 300, "y_end": [0.5, 0.25, 0.25], \
        "err_maxabs": 1.9e-08, "err_rel_max": 1e-6, "median_s": 0.0057, "min_s": 0.0055, \
        "max_s": 0.007, "n": 7, "clean": true, "n_clean": 7, "n_dirty": 0, \
        "calls_per_block": 44, "own_cores": 1.0, "foreign_cores": 0.01, "workload": "w2"}
        {"threads": 1, "problem": "vdp1000", "library": "scipy 1.10.1", "method": "Radau", \
        "jac": "fd", "success": true, "nfe": 20000, "njev": 30, "nlu": 400, "steps": 2000, \
        "y_end": [-1.5, 0.001], "err_maxabs": 1.2e-08, "median_s": 0.3, "min_s": 0.29, \
        "max_s": 0.4, "n": 5, "clean": false, "foreign_cores": 0.6, "workload": "w2"}
        """;
    List<ScipyStiffPeer.Run> runs = ScipyStiffPeer.parse(out);
    assertThat(runs).hasSize(2);
    ScipyStiffPeer.Run lsoda = runs.get(0);
    assertThat(lsoda.caseName()).isEqualTo("w2a_scipy_lsoda");
    assertThat(runs.get(1).caseName()).isEqualTo("w2b_scipy_radau_fd");
    assertThat(lsoda.medianMs()).isCloseTo(5.7, within(1e-12));
    assertThat(lsoda.runs()).isEqualTo(7);
    assertThat(lsoda.nfe()).isEqualTo(762);

    StiffSuite s = new StiffSuite(List.of(A, B), List.of("tsit5"), List.of(),
        List.of("vern9"));
    Report base = new Report("stiff", "v", "17", 1, List.of(row("w2a_tsit5", 2.85, 1e-9, "x")));
    Report with = s.withPeer(base, runs);
    Map<String, CaseResult> m = new HashMap<>();
    for (CaseResult r : with.results()) {
      m.put(r.name(), r);
    }
    assertThat(m).containsOnlyKeys("w2a_tsit5", "w2a_scipy_lsoda", "w2b_scipy_radau_fd");
    double[] ref = s.reference(A).y();
    double expected = Math.max(Math.abs(0.5 - ref[0]), Math.max(Math.abs(0.25 - ref[1]),
        Math.abs(0.25 - ref[2])));
    assertThat(m.get("w2a_scipy_lsoda").error()).isEqualTo(expected);
    assertThat(m.get("w2a_scipy_lsoda").steps()).isEqualTo(300);
    assertThat(m.get("w2a_scipy_lsoda").note()).contains("scipy 1.10.1 solve_ivp LSODA, jac=analytic")
        .contains("error vs scipy Radau rtol=1e-13: 1.9e-08");
    assertThat(m.get("w2b_scipy_radau_fd").note()).contains("timing not clean");
    assertThat(m.get("w2a_tsit5").note()).startsWith("x; 0.50× scipy LSODA time, error 1.0e-09 vs 0.47");
    assertThat(with.note()).contains("w2a reference: nde4j vern9");

    // Without any nde4j reference the script's own score (vs scipy's Radau) is kept.
    StiffSuite bare = new StiffSuite(List.of(A), List.of(), List.of(), List.of("absent"));
    CaseResult kept = bare.withPeer(new Report("stiff", "v", "17", 1, List.of()), runs)
        .results().get(0);
    assertThat(kept.error()).isEqualTo(1.9e-8);
    assertThat(kept.note()).contains("error vs scipy's Radau reference (no reference: ");
  }
}
