package org.nde4j.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nde4j.bench.CaseResult;
import org.nde4j.bench.Report;
import org.nde4j.bench.Suite;
import org.nde4j.bench.stiff.ScipyStiffPeer;
import org.nde4j.bench.stiff.StiffSuite;
import picocli.CommandLine.Command;

/**
 * {@code nde4j bench stiff}: workload W2, stiff ODE solves with every stiff method in the solver
 * catalogue; with {@code --peer shared/peers/w2_stiff.py}, scipy's LSODA, BDF and Radau in the
 * same run.
 */
@Command(name = "stiff", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Stiff ODE solves (workload W2) at rtol=1e-6, atol=1e-10: Robertson on"
        + " [0, 1e5] (w2a_<method>) and Van der Pol mu=1000 on [0, 3000] (w2b_<method>), one case"
        + " per stiff method in the solver catalogue (kvaerno3/4/5, kencarp3/4/5, implicit_euler,"
        + " trapezoid, trbdf2, rosenbrock23, rodas4, rodas5p, bdf; absent ones are listed as"
        + " skipped). Jacobians by autodiff. Reports time, function evaluations, accepted steps and"
        + " the max-abs error of y(t_end) against a reference computed once per run by nde4j's most"
        + " accurate available method (rodas5p, else kvaerno5, else bdf) at rtol=1e-13; each note"
        + " gives Jacobians, factorizations, linear solves, Newton iterations and rejected steps.",
        "With --peer .../w2_stiff.py (run by --python, which needs scipy; the script's folder is"
        + " copied to a temporary one first) scipy's LSODA, BDF and Radau become rows"
        + " w2a_scipy_lsoda etc. (_fd: scipy's finite-difference Jacobian), scored against the same"
        + " reference, and each nde4j note gets its time ratio and error beside each of them.",
        "A few seconds per method (the reference solves take longer); --quick is a smoke test; the"
        + " peer adds a few minutes."})
final class BenchStiffCommand extends AbstractSuiteCommand {
  private StiffSuite suite;

  @Override
  Suite suite() {
    if (suite == null) {
      suite = new StiffSuite();
    }
    return suite;
  }

  /** The scipy peer prints one JSON line per solve, not a case → median object. */
  /** The peer is not a map of case medians; it runs once. */
  @Override
  boolean supportsRounds() {
    return false;
  }

  @Override
  Report withPeer(Suite s, Report report, PrintWriter out) {
    spec.commandLine().getErr().println("running " + peer + " with " + python
        + " (scipy LSODA/BDF/Radau; a few minutes)...");
    List<ScipyStiffPeer.Run> runs = new ScipyStiffPeer(python, peer).run();
    Map<String, String> before = new HashMap<>();
    for (CaseResult r : report.results()) {
      before.put(r.name(), r.note());
    }
    Report with = ((StiffSuite) s).withPeer(report, runs);
    out.println();
    for (CaseResult r : with.results()) {
      if (!before.containsKey(r.name())) {
        row(out, r);
        before.put(r.name(), r.note());  // printed in full already: not a comparison
      }
    }
    printComparisons(out, with, before);
    return with;
  }
}
