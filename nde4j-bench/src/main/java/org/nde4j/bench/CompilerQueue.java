package org.nde4j.bench;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Whether HotSpot's JIT compilers have work pending, read through the {@code Compiler.queue}
 * diagnostic command ({@code jcmd PID Compiler.queue}) of the platform MBean server.
 *
 * <p>The total compilation time of {@link java.lang.management.CompilationMXBean} changes only when
 * a compilation completes, so a warm-up that watches it alone can end while the C2 compiler is
 * still busy with a long queue: on two cores with the Vector API, C2 may spend seconds compiling
 * the vector classes' Java fallbacks that tier-3 code ran through, and a case's hot kernels then
 * run at tier 3 — several times slower — during part of the measurement. Waiting until both queues
 * are empty and nothing is being compiled removes that source of launch-to-launch variance.
 */
final class CompilerQueue {
  private static final String[] SIGNATURE = {String[].class.getName()};

  private CompilerQueue() {}

  /**
   * True when no compilation is queued or running, or when the JVM cannot tell (no diagnostic
   * command MBean, as on non-HotSpot JVMs): then only the other settling rules apply.
   */
  static boolean idle() {
    String text = queue();
    return text == null || isIdle(text);
  }

  /** Parses the diagnostic command's text: idle when both queues say "Empty" and nothing runs. */
  static boolean isIdle(String text) {
    int current = text.indexOf("Current compiles:");
    int c1 = text.indexOf("C1 compile queue:");
    if (current < 0 || c1 < 0) {
      return true; // a format this parser does not know: do not block the warm-up on it
    }
    String running = text.substring(current + "Current compiles:".length(), c1);
    if (!running.isBlank()) {
      return false;
    }
    String queues = text.substring(c1);
    int lines = 0;
    int empty = 0;
    for (String line : queues.split("\n")) {
      String s = line.strip();
      if (s.isEmpty() || s.endsWith("compile queue:")) {
        continue;
      }
      lines++;
      if (s.equals("Empty")) {
        empty++;
      }
    }
    return lines == empty;
  }

  private static String queue() {
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      ObjectName name = new ObjectName("com.sun.management:type=DiagnosticCommand");
      Object r = server.invoke(name, "compilerQueue", new Object[] {null}, SIGNATURE);
      return r instanceof String s ? s : null;
    } catch (JMException | RuntimeException e) {
      return null;
    }
  }
}
