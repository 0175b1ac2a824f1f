package org.nde4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code nde4j} command. Each subcommand is its own class, registered in the {@code
 * subcommands} list below. Exit codes: 0 success, 1 error while running (reported as one {@code
 * error: …} line; the stack trace only with {@code --debug}), 2 bad command line (picocli's usage
 * message).
 */
@Command(name = "nde4j", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Differential equations with gradients and neural differential equations.",
    subcommands = {DemoCommand.class, FitCommand.class, PredictCommand.class, SolveCommand.class,
        BenchCommand.class, CommandLine.HelpCommand.class},
    usageHelpAutoWidth = true)
public final class Main implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error.")
  private boolean debug;

  /** Runs the command with the process's arguments and exits with its exit code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the command writing to {@code out} and {@code err}; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return commandLine(out, err).execute(args);
  }

  /** The configured command line (for embedding and tests). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return new CommandLine(new Main())
        .setOut(out)
        .setErr(err)
        .setExecutionExceptionHandler(new ErrorReporter());
  }

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }
}
