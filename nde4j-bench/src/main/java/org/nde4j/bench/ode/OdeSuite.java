package org.nde4j.bench.ode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nde4j.bench.BenchCase;
import org.nde4j.bench.CaseResult;
import org.nde4j.bench.Suite;
import org.nde4j.solve.term.OdeTerm;
import org.nde4j.tensor.Shape;

/**
 * The {@code ode} suite: workload W1 of {@code reference/workloads.md}, non-stiff whole solves by
 * nde4j's explicit Runge–Kutta solvers beside Hipparchus 4.0.3 measured in the same run. W1a is
 * Lorenz on {@code [0, 20]} at 1e-8, W1b the Arenstorf orbit over one period at 1e-10. After the
 * run each nde4j case's note gets its time as a ratio of the Hipparchus case of the same method
 * family (5th order: dopri5, tsit5 against {@code hipparchus_dp54}; 8th/9th order: dop853, vern9
 * against {@code hipparchus_dp853}) and both errors.
 */
public final class OdeSuite implements Suite {

  @Override
  public String name() {
    return "ode";
  }

  @Override
  public List<BenchCase> cases() {
    Workload a = Workload.W1A;
    Workload b = Workload.W1B;
    return List.of(
        SolveCase.plain(a, "dopri5"),
        SolveCase.plain(a, "tsit5"),
        new HipparchusCase(a, HipparchusCase.Method.DP54),
        SolveCase.plain(a, "dop853"),
        new HipparchusCase(a, HipparchusCase.Method.DP853),
        new SolveCase(a, "dopri5", "_traced",
            () -> OdeTerm.of(Workload.lorenzTensorFn(), Shape.of(3)),
            "Lorenz written with tensor ops, traced and compiled"),
        SolveCase.plain(b, "dop853"),
        SolveCase.plain(b, "dopri5"),
        SolveCase.plain(b, "tsit5"),
        SolveCase.plain(b, "vern9"),
        new HipparchusCase(b, HipparchusCase.Method.DP853),
        new HipparchusCase(b, HipparchusCase.Method.DP54));
  }

  /**
   * The Hipparchus case an nde4j case is compared with: same workload, same method family
   * ({@code dopri5}/{@code tsit5} → {@code hipparchus_dp54}, {@code dop853}/{@code vern9} → {@code
   * hipparchus_dp853}), or {@code null} for a Hipparchus case or another solver.
   */
  static String peerOf(String caseName) {
    int us = caseName.indexOf('_');
    if (us < 0 || caseName.contains("hipparchus")) {
      return null;
    }
    String prefix = caseName.substring(0, us);
    String rest = caseName.substring(us + 1);
    String method = rest.contains("_") ? rest.substring(0, rest.indexOf('_')) : rest;
    return switch (method) {
      case "dopri5", "tsit5" -> prefix + "_hipparchus_dp54";
      case "dop853", "vern9" -> prefix + "_hipparchus_dp853";
      default -> null;
    };
  }

  @Override
  public List<CaseResult> compare(List<CaseResult> results) {
    Map<String, CaseResult> byName = new HashMap<>();
    for (CaseResult r : results) {
      byName.put(r.name(), r);
    }
    List<CaseResult> out = new ArrayList<>(results.size());
    for (CaseResult r : results) {
      String peerName = peerOf(r.name());
      CaseResult peer = peerName == null ? null : byName.get(peerName);
      out.add(peer == null ? r : r.withNoteAppended(ratio(r, peer)));
    }
    return out;
  }

  /** E.g. {@code "0.42× w1a_hipparchus_dp54 time, error 1.2e-06 vs 3.3e-06"}. */
  static String ratio(CaseResult r, CaseResult peer) {
    String s = String.format(Locale.ROOT, "%.2f× %s time", r.medianMs() / peer.medianMs(),
        peer.name());
    if (r.error() != null && peer.error() != null) {
      s += String.format(Locale.ROOT, ", error %.2g vs %.2g", r.error(), peer.error());
    }
    return s;
  }
}
