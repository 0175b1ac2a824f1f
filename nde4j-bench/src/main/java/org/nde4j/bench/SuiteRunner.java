package org.nde4j.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.nde4j.kernel.Kernels;

/**
 * Prepares and times the cases of a {@link Suite} one after the other on the calling thread and
 * collects a {@link Report} (after {@link Suite#compare} has added its cross-case remarks). Each result's note names the kernels in use, the GFLOP/s where the
 * case counts its floating-point operations, and the number of calls averaged per sample.
 */
public final class SuiteRunner {
  private final Harness harness;

  /** A runner that times with {@code harness}. */
  public SuiteRunner(Harness harness) {
    this.harness = harness;
  }

  /**
   * Runs the cases of {@code suite} whose names are in {@code only} (all of them when {@code only}
   * is empty), reporting each result to {@code progress} as soon as it is measured.
   *
   * @throws IllegalArgumentException if {@code only} names a case the suite does not have
   */
  public Report run(Suite suite, List<String> only, Consumer<CaseResult> progress) {
    List<BenchCase> cases = select(suite, only);
    List<CaseResult> results = new ArrayList<>();
    String kernels = Kernels.get().name();
    for (BenchCase c : cases) {
      c.prepare();
      Timing t = harness.measure(c);
      CaseResult r = CaseResult.of(c, t, note(c, t, kernels));
      results.add(r);
      progress.accept(r);
    }
    List<CaseResult> compared = suite.compare(results);
    return new Report(suite.name(), BuildInfo.version(), System.getProperty("java.version"), 1,
        compared, suite.header());
  }

  /**
   * The cases of {@code suite} whose names are in {@code only}, in the suite's order (all of them
   * when {@code only} is empty).
   *
   * @throws IllegalArgumentException if {@code only} names a case the suite does not have
   */
  public static List<BenchCase> select(Suite suite, List<String> only) {
    List<BenchCase> all = suite.cases();
    if (only.isEmpty()) {
      return all;
    }
    Set<String> wanted = new LinkedHashSet<>(only);
    List<BenchCase> chosen = new ArrayList<>();
    for (BenchCase c : all) {
      if (wanted.remove(c.name())) {
        chosen.add(c);
      }
    }
    if (!wanted.isEmpty()) {
      List<String> names = all.stream().map(BenchCase::name).toList();
      throw new IllegalArgumentException("suite '" + suite.name() + "' has no case(s) " + wanted
          + " (known: " + String.join(" ", names) + ")");
    }
    return chosen;
  }

  private static String note(BenchCase c, Timing t, String kernels) {
    StringBuilder sb = new StringBuilder("kernels=").append(kernels);
    if (c.flops() > 0) {
      sb.append(String.format(Locale.ROOT, "; %.2f GFLOP/s", c.flops() / (t.medianMs() * 1e6)));
    }
    sb.append("; ").append(t.callsPerRun()).append(t.callsPerRun() == 1 ? " call" : " calls")
        .append(" per run");
    if (!t.settled()) {
      sb.append(String.format(Locale.ROOT, "; warm-up did not settle in %.1f s (timings or the JIT"
          + " still changing)", t.warmupMs() / 1e3));
    }
    if (c.note() != null) {
      sb.append("; ").append(c.note());
    }
    return sb.toString();
  }
}
