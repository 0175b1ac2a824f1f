package org.nde4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nde4j bench SUITE}: groups the benchmark suites, one subcommand class per suite. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Run a benchmark suite and report timings (optionally as JSON).",
    subcommands = {BenchCoreCommand.class, BenchOdeCommand.class, BenchStiffCommand.class,
        BenchGradCommand.class, BenchSdeCommand.class, BenchTrainCommand.class})
final class BenchCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing required subcommand (one of: "
            + String.join(", ", spec.subcommands().keySet()) + ")");
  }
}
