package org.nde4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.nde4j.bench.CaseResult;
import org.nde4j.bench.Harness;
import org.nde4j.bench.HarnessConfig;
import org.nde4j.bench.PeerRounds;
import org.nde4j.bench.PeerScript;
import org.nde4j.bench.Report;
import org.nde4j.bench.ReportWriter;
import org.nde4j.bench.Suite;
import org.nde4j.bench.SuiteRunner;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every {@code nde4j bench SUITE} subcommand shares: the options {@code --json}, {@code
 * --quick}, {@code --cases}, {@code --peer} and {@code --rounds}, a table of results on standard output (a row as each case
 * finishes) and the JSON report. A subcommand only says which {@link Suite} it runs.
 */
abstract class AbstractSuiteCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Also write the results to FILE in the benchmark JSON format.")
  Path json;

  @Option(names = "--quick",
      description = "Short warm-up and few runs: a smoke test, not a measurement.")
  boolean quick;

  @Option(names = "--cases", paramLabel = "NAME", split = ",",
      description = "Run only these cases (comma-separated).")
  List<String> cases = new ArrayList<>();

  @Option(names = "--peer", paramLabel = "SCRIPT",
      description = "After the cases, run this peer benchmark script (e.g. "
          + "shared/peers/mlp_fwd_vjp.py) and put its medians and the ratios in the notes.")
  Path peer;

  @Option(names = "--python", paramLabel = "PATH", defaultValue = "/usr/bin/python3",
      description = "Interpreter for --peer (default: ${DEFAULT-VALUE}).")
  Path python;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "1",
      description = "With --peer: measure the cases and then the peer N times in turn and report"
          + " the median of the per-round ratios, each round's figures kept in the JSON"
          + " (default: ${DEFAULT-VALUE}). The machine's speed drifts over seconds to minutes;"
          + " pairing each nde4j median with the peer median measured right after it keeps"
          + " that drift out of the ratio.")
  int rounds;

  /** The suite this command runs. */
  abstract Suite suite();

  @Override
  public Integer call() {
    Suite suite = suite();
    requireKnownCases(suite);
    if (json != null) {
      requireWritable(json);
    }
    requireValidRounds();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%-28s %12s %12s %12s %6s %10s  %s%n", "case", "median_ms", "min_ms",
        "max_ms", "runs", "error", "note");
    out.flush();
    Map<String, String> printed = new HashMap<>();
    Report report = measure(suite, r -> {
      printed.put(r.name(), r.note());
      row(out, r);
    });
    if (report.note() != null) {
      out.printf(Locale.ROOT, "%n%s%n", report.note());
    }
    printComparisons(out, report, printed);
    if (peer != null) {
      report = rounds == 1 ? withPeer(suite, report, out) : withPeerRounds(suite, report, out);
    }
    summarise(report, out);
    if (json != null) {
      new ReportWriter().write(report, json);
      spec.commandLine().getErr().println("wrote " + json);
    }
    return 0;
  }

  /**
   * Measures the selected {@link #cases} of {@code suite}, handing each row to {@code progress}
   * as it is measured; by default with the {@link Harness} ({@link HarnessConfig#quick()} under
   * {@code --quick}). A suite timed otherwise overrides this.
   */
  Report measure(Suite suite, Consumer<CaseResult> progress) {
    HarnessConfig config = quick ? HarnessConfig.quick() : HarnessConfig.standard();
    return new SuiteRunner(new Harness(config)).run(suite, cases, progress);
  }

  /**
   * Runs {@link #peer} and sets its figures beside nde4j's; by default a {@link PeerScript} whose
   * last output line maps case names to median ms, with the ratios appended to the notes and
   * printed. A suite whose peer script speaks another format overrides this.
   */
  Report withPeer(Suite suite, Report report, PrintWriter out) {
    return annotateAndPrint(report, peerMedians(), peerName(), out);
  }

  /**
   * Runs {@link #peer} once: case name → the peer's median ms. By default a {@link PeerScript}
   * whose last output line is that map as JSON.
   */
  Map<String, Double> peerMedians() {
    return new PeerScript(python, peer).run();
  }

  /** The peer's name in notes and tables; by default the script's file name. */
  String peerName() {
    return peer.getFileName().toString();
  }

  /**
   * Whether {@code --rounds} applies: the suite is measured by {@link #measure} and its peer
   * answers with {@link #peerMedians}. A subcommand whose peer speaks another format says no.
   */
  boolean supportsRounds() {
    return true;
  }

  /**
   * {@link #rounds} rounds of cases and peer (the first round's cases already measured as
   * {@code first}), combined by {@link PeerRounds}; prints each further round's rows and the
   * per-round ratios.
   */
  private Report withPeerRounds(Suite suite, Report first, PrintWriter out) {
    List<Report> reports = new ArrayList<>();
    List<Map<String, Double>> medians = new ArrayList<>();
    reports.add(first);
    for (int k = 1; k <= rounds; k++) {
      if (k > 1) {
        out.printf(Locale.ROOT, "%nround %d of %d%n", k, rounds);
        reports.add(measure(suite, r -> row(out, r)));
      }
      spec.commandLine().getErr().println("peer, round " + k + " of " + rounds + ": " + peer);
      medians.add(peerMedians());
    }
    Report combined = PeerRounds.combine(reports, medians, peerName());
    out.printf(Locale.ROOT, "%n%-28s %12s %12s %9s  %s%n", "case", "nde4j_ms", "peer_ms",
        "ratio", "per-round ratios");
    for (CaseResult r : combined.results()) {
      if (r.extra().get("ratio_rounds") instanceof double[] ratio) {
        double[] p = (double[]) r.extra().get("peer_rounds_ms");
        out.printf(Locale.ROOT, "%-28s %12.6g %12.6g %8.3gx  %s%n", r.name(), r.medianMs(),
            PeerRounds.median(p), PeerRounds.median(ratio), Arrays.toString(Arrays.stream(ratio)
                .mapToObj(v -> String.format(Locale.ROOT, "%.3g", v)).toArray()));
      }
    }
    out.flush();
    return combined;
  }

  /** Prints what the rows do not show at a glance, after the run and the peer; default nothing. */
  void summarise(Report report, PrintWriter out) {}

  /** Appends the peer's medians and ratios to the notes and prints a comparison table. */
  Report annotateAndPrint(Report report, Map<String, Double> medians, String peerName,
      PrintWriter out) {
    Report annotated = PeerScript.annotate(report, medians, peerName);
    out.printf(Locale.ROOT, "%n%-28s %12s %12s %9s%n", "case", "nde4j_ms", "peer_ms", "ratio");
    for (CaseResult r : annotated.results()) {
      Double p = medians.get(r.name());
      if (p != null) {
        out.printf(Locale.ROOT, "%-28s %12.6g %12.6g %8.3gx%n", r.name(), r.medianMs(), p,
            p / r.medianMs());
      }
    }
    out.flush();
    return annotated;
  }

  private void requireKnownCases(Suite suite) {
    List<String> known = suite.cases().stream().map(c -> c.name()).toList();
    for (String c : cases) {
      if (!known.contains(c)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option "
            + "'--cases': suite '" + suite.name() + "' has no case '" + c + "' (known: "
            + String.join(" ", known) + ")");
      }
    }
  }

  private void requireValidRounds() {
    if (rounds < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option "
          + "'--rounds': must be at least 1, got " + rounds);
    }
    if (rounds > 1 && peer == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option "
          + "'--rounds': " + rounds + " rounds need --peer (rounds alternate nde4j and the peer)");
    }
    if (rounds > 1 && !supportsRounds()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option "
          + "'--rounds': 'bench " + spec.name() + "' measures its peer once; use --rounds 1");
    }
  }

  /** Fails before a long run rather than after it when the report cannot be written. */
  private static void requireWritable(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create directory " + parent + " for --json: "
          + e.getMessage(), e);
    }
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException("--json " + file + " is a directory");
    }
    if (!Files.isWritable(parent) || (Files.exists(file) && !Files.isWritable(file))) {
      throw new IllegalArgumentException("--json " + file + " is not writable");
    }
  }

  /** The remarks the suite added after the whole run (e.g. ratios to a peer case), one per row. */
  static void printComparisons(PrintWriter out, Report report,
      Map<String, String> printed) {
    boolean header = false;
    for (CaseResult r : report.results()) {
      String before = printed.get(r.name());
      if (r.note() == null || r.note().equals(before)) {
        continue;
      }
      String added = before != null && r.note().startsWith(before + "; ")
          ? r.note().substring(before.length() + 2) : r.note();
      if (!header) {
        out.printf(Locale.ROOT, "%n%-28s %s%n", "case", "comparison");
        header = true;
      }
      out.printf(Locale.ROOT, "%-28s %s%n", r.name(), added);
    }
    out.flush();
  }

  static void row(PrintWriter out, CaseResult r) {
    out.printf(Locale.ROOT, "%-28s %12.6g %12.6g %12.6g %6d %10s  %s%n", r.name(), r.medianMs(),
        r.minMs(), r.maxMs(), r.runs(), r.error() == null ? "-" : String.format(Locale.ROOT,
            "%.1e", r.error()), r.note() == null ? "" : r.note());
    out.flush();
  }
}
