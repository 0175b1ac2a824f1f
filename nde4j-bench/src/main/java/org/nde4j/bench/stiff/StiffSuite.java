package org.nde4j.bench.stiff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nde4j.bench.BenchCase;
import org.nde4j.bench.CaseResult;
import org.nde4j.bench.Report;
import org.nde4j.bench.Suite;

/**
 * The {@code stiff} suite: workload W2 of {@code reference/workloads.md}, whole stiff solves at
 * rtol = 1e-6, atol = 1e-10 — W2a Robertson on {@code [0, 1e5]} ({@code w2a_<method>}) and W2b Van
 * der Pol μ = 1000 on {@code [0, 3000]} ({@code w2b_<method>}) — with every method of {@link
 * StiffMethods#CANDIDATES} that the solver catalogue has; absent ones are named in the report's
 * header. Each case reports time, NFE, accepted steps and the max-abs error of {@code y(t1)}
 * against a {@link StiffReference} computed once per run by the first available of {@link
 * StiffMethods#REFERENCE_PREFERENCE} at rtol = 1e-13; its note has the linear-algebra work
 * (Jacobians, factorizations, linear solves, Newton iterations) and the rejected steps.
 *
 * <p>With the scipy peer ({@link #withPeer}), the peer's solves become rows {@code
 * <prefix>_scipy_<method>[_fd]}, scored against the same nde4j reference, and {@link #compare}
 * writes each nde4j case's time and error beside scipy's LSODA, BDF and Radau (analytic Jacobian,
 * same problem) into its note.
 */
public final class StiffSuite implements Suite {
  /** The scipy methods compared with, in note order. */
  static final List<String> SCIPY = List.of("LSODA", "BDF", "Radau");

  private final List<StiffProblem> problems;
  private final List<String> methods;
  private final List<String> absent;
  private final List<String> referencePreference;
  private final Map<String, StiffReference> references = new LinkedHashMap<>();

  /** W2a and W2b with every stiff method in the catalogue. */
  /** Methods that also run at tight tolerances ({@code <case>_tight}). */
  static final java.util.Set<String> TIGHT = java.util.Set.of("rodas4", "rodas5p", "kvaerno5",
      "bdf");

  public StiffSuite() {
    this(List.of(StiffProblem.W2A, StiffProblem.W2B), StiffMethods.present(),
        StiffMethods.absent(), StiffMethods.REFERENCE_PREFERENCE);
  }

  /**
   * A suite over the given problems and catalogue methods (tests use short spans and explicit
   * methods while no stiff method is merged).
   *
   * @param absent candidate names to list as skipped in the header
   * @param referencePreference methods to try for the reference, best first
   */
  StiffSuite(List<StiffProblem> problems, List<String> methods, List<String> absent,
      List<String> referencePreference) {
    this.problems = List.copyOf(problems);
    this.methods = List.copyOf(methods);
    this.absent = List.copyOf(absent);
    this.referencePreference = List.copyOf(referencePreference);
  }

  @Override
  public String name() {
    return "stiff";
  }

  @Override
  public List<BenchCase> cases() {
    List<BenchCase> out = new ArrayList<>();
    for (StiffProblem p : problems) {
      for (String m : methods) {
        out.add(new StiffSolveCase(p, m, () -> reference(p)));
      }
    }
    // The most accurate methods once more at rtol 1e-8, atol 1e-12: scipy's Radau reaches errors
    // (~1e-8 on W2b) at rtol 1e-6 that no method gets there, and ratios belong at equal error.
    for (StiffProblem p : problems) {
      for (String m : methods) {
        if (TIGHT.contains(m)) {
          out.add(new StiffSolveCase(p, m, () -> reference(p), true));
        }
      }
    }
    return out;
  }

  /** The catalogue methods this suite runs. */
  public List<String> methods() {
    return methods;
  }

  /** The reference of {@code problem}, computed on first use and kept for this suite's run. */
  public synchronized StiffReference reference(StiffProblem problem) {
    return references.computeIfAbsent(problem.prefix(),
        k -> StiffReference.compute(problem, referencePreference));
  }

  @Override
  public String header() {
    StringBuilder sb = new StringBuilder("W2 at rtol=1e-6 atol=1e-10 (cases _tight: rtol=1e-8"
        + " atol=1e-12); methods: ");
    sb.append(methods.isEmpty() ? "none" : String.join(" ", methods));
    if (!absent.isEmpty()) {
      sb.append("; not in the solver catalogue, skipped: ").append(String.join(" ", absent));
    }
    for (Map.Entry<String, StiffReference> e : references.entrySet()) {
      sb.append("; ").append(e.getKey()).append(" reference: ").append(e.getValue().describe());
    }
    return sb.toString();
  }

  /**
   * The report with the scipy peer's runs added as rows and the comparisons written: a run's error
   * is re-scored against this suite's nde4j reference (scipy's own error against its Radau
   * reference stays in the note), then {@link #compare} runs over all rows.
   */
  public Report withPeer(Report report, List<ScipyStiffPeer.Run> runs) {
    List<CaseResult> rows = new ArrayList<>(report.results());
    for (ScipyStiffPeer.Run r : runs) {
      String name = r.caseName();
      StiffProblem p = problemOf(name);
      if (p == null) {
        continue;
      }
      StiffReference ref = reference(p);
      Double error;
      String scored;
      if (!r.success()) {
        error = null;
        scored = "no error: the solve failed";
      } else if (ref.exists() && r.yEnd().length == p.dim()) {
        error = StiffProblem.maxAbs(r.yEnd(), ref.y());
        scored = "error vs " + ref.describe();
      } else {
        // no nde4j reference (no stiff method merged): keep the script's own score
        error = Double.isNaN(r.errScipy()) ? null : r.errScipy();
        scored = "error vs scipy's Radau reference (" + ref.describe() + ")";
      }
      String note = String.format(Locale.ROOT, "%s solve_ivp %s, jac=%s, in the same run%s; "
          + "njev %d, nlu %d; %s; error vs scipy Radau rtol=1e-13: %.2g%s",
          r.library(), r.method(), r.jac(), r.success() ? "" : ", FAILED", r.njev(), r.nlu(),
          scored, r.errScipy(), r.clean() ? "" : String.format(Locale.ROOT,
              "; timing not clean (other processes used %.2f cores)", r.foreignCores()));
      rows.add(new CaseResult(name, r.medianMs(), r.minMs(), r.maxMs(), r.runs(), r.nfe(), null,
          error, null, note, r.steps()));
    }
    return new Report(report.suite(), report.nde4jVersion(), report.java(), report.threads(),
        compare(rows), header());
  }

  private StiffProblem problemOf(String caseName) {
    if (caseName == null) {
      return null;
    }
    for (StiffProblem p : problems) {
      if (caseName.startsWith(p.prefix() + "_")) {
        return p;
      }
    }
    for (StiffProblem p : List.of(StiffProblem.W2A, StiffProblem.W2B)) {
      if (caseName.startsWith(p.prefix() + "_")) {
        return p;
      }
    }
    return null;
  }

  /** True for a row measured by a peer rather than nde4j. */
  static boolean isPeer(String caseName) {
    return caseName.contains("_scipy_");
  }

  /**
   * Appends to each nde4j row, for each of scipy's LSODA, BDF and Radau (analytic Jacobian) that
   * has a row for the same problem, e.g. {@code "0.42× scipy LSODA time, error 1.1e-08 vs
   * 1.9e-08"}. Rows without a scipy row of their problem are unchanged.
   */
  @Override
  public List<CaseResult> compare(List<CaseResult> results) {
    Map<String, CaseResult> byName = new HashMap<>();
    for (CaseResult r : results) {
      byName.put(r.name(), r);
    }
    List<CaseResult> out = new ArrayList<>(results.size());
    for (CaseResult r : results) {
      int us = r.name().indexOf('_');
      if (us < 0 || isPeer(r.name())) {
        out.add(r);
        continue;
      }
      String prefix = r.name().substring(0, us);
      CaseResult row = r;
      for (String m : SCIPY) {
        CaseResult peer = byName.get(prefix + "_scipy_" + m.toLowerCase(Locale.ROOT));
        if (peer != null) {
          row = row.withNoteAppended(ratio(r, peer, m));
        }
      }
      out.add(row);
    }
    return out;
  }

  /** E.g. {@code "0.42× scipy LSODA time, error 1.1e-08 vs 1.9e-08"}. */
  static String ratio(CaseResult r, CaseResult peer, String method) {
    String s = String.format(Locale.ROOT, "%.2f× scipy %s time", r.medianMs() / peer.medianMs(),
        method);
    if (r.error() != null || peer.error() != null) {
      s += String.format(Locale.ROOT, ", error %s vs %s", fmt(r.error()), fmt(peer.error()));
    }
    return s;
  }

  private static String fmt(Double e) {
    return e == null ? "none" : String.format(Locale.ROOT, "%.2g", e);
  }
}
