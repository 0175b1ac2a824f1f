package org.nde4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports an exception thrown while a command runs as one line {@code error: message} on the
 * error stream and exits with code 1; with {@code --debug} anywhere on the command line the stack
 * trace follows.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    var err = cl.getErr();
    err.println("error: " + describe(ex));
    if (debugRequested(parsed)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return 1;
  }

  private static String describe(Throwable ex) {
    String m = ex.getMessage();
    if (m == null || m.isBlank()) {
      return ex.getClass().getSimpleName();
    }
    return m;
  }

  private static boolean debugRequested(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }
}
