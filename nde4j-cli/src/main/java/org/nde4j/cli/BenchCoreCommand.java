package org.nde4j.cli;

import org.nde4j.bench.Suite;
import org.nde4j.bench.core.CoreSuite;
import picocli.CommandLine.Command;

/** {@code nde4j bench core}: tensor-core micro-benchmarks (MLP forward/VJP, op overhead, gemm). */
@Command(name = "core", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Tensor core: compiled and eager MLP forward/VJP, eager op overhead, a traced "
        + "versus hand-written vector field, matrix products.",
        "About 1-2 minutes; --quick takes a few seconds."})
final class BenchCoreCommand extends AbstractSuiteCommand {

  @Override
  Suite suite() {
    return new CoreSuite();
  }
}
