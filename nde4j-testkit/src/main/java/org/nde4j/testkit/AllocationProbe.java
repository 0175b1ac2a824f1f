package org.nde4j.testkit;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated on the current thread while a piece of code runs, from
 * {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes} (HotSpot). Used to prove
 * that compiled plans and solver steps allocate nothing after warm-up.
 */
public final class AllocationProbe {
  private static final com.sun.management.ThreadMXBean BEAN =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private AllocationProbe() {}

  /** Whether the JVM can measure per-thread allocation. */
  public static boolean supported() {
    return BEAN.isThreadAllocatedMemorySupported() && BEAN.isThreadAllocatedMemoryEnabled();
  }

  /**
   * Warms {@code body} up until a batch of {@code calls} runs allocates nothing (code that uses the
   * Vector API allocates its vectors until C2 has compiled it), or until {@code maxSeconds} have
   * passed, and returns the bytes per call of the last batch.
   */
  public static double bytesPerCallAfterWarmup(Runnable body, int calls, double maxSeconds) {
    long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
    long overhead = measure(() -> { }, calls);
    double perCall;
    do {
      perCall = Math.max(0, measure(body, calls) - overhead) / (double) calls;
    } while (perCall > 0 && System.nanoTime() < deadline);
    return perCall;
  }

  private static long measure(Runnable body, int calls) {
    long before = BEAN.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < calls; i++) {
      body.run();
    }
    return BEAN.getCurrentThreadAllocatedBytes() - before;
  }
}
