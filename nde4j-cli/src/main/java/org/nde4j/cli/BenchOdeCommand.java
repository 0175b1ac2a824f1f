package org.nde4j.cli;

import org.nde4j.bench.Suite;
import org.nde4j.bench.ode.OdeSuite;
import picocli.CommandLine.Command;

/** {@code nde4j bench ode}: workload W1, non-stiff ODE solves beside Hipparchus. */
@Command(name = "ode", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Non-stiff ODE solves (workload W1): Lorenz on [0, 20] at rtol=atol=1e-8 (w1a_*)"
        + " and the Arenstorf orbit over one period at 1e-10 (w1b_*) with dopri5, tsit5, dop853 and"
        + " vern9, beside Hipparchus 4.0.3 DormandPrince54/853 in the same run. Reports time,"
        + " function evaluations, accepted steps and the error of the final state (w1a: against"
        + " vern9 at 1e-14; w1b: max|y(T) - y0|); each note gives the time ratio to Hipparchus's"
        + " method of the same order.",
        "About 1-2 minutes; --quick takes a few seconds."})
final class BenchOdeCommand extends AbstractSuiteCommand {

  @Override
  Suite suite() {
    return new OdeSuite();
  }
}
