package org.nde4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * After warm-up the Vector API kernels allocate nothing per call: packing buffers are reused and
 * vector values never escape into heap boxes once C2 compiles the loops. Warm-up runs until a
 * batch of calls allocates nothing or a time budget is spent (then the assertion fails).
 */
class KernelAllocationTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final long WARM_UP_NANOS = 20_000_000_000L;

  /** m, n, k, ta, tb: one shape for every internal path (packed, blocked, tiny, dot, scalar). */
  private static final int[][] SHAPES = {
      {256, 128, 128, 0, 0}, {256, 128, 32, 1, 0}, {256, 32, 128, 0, 1}, {128, 128, 256, 1, 1},
      {20, 50, 2, 0, 0}, {20, 50, 2, 0, 1}, {20, 2, 50, 1, 0}, {20, 2, 50, 0, 1},
      {20, 2, 50, 0, 0}, {1, 50, 2, 0, 0}, {2, 50, 20, 1, 1}, {5, 17, 7, 0, 0}, {3, 4, 5, 0, 0},
      {50, 2, 20, 1, 0}, {2, 50, 20, 1, 0}, {1, 2, 50, 0, 0}, {1, 2, 50, 0, 1},
      {50, 2, 1, 1, 0}, {2, 50, 1, 1, 0}, {1, 50, 2, 0, 1}, {7, 2, 3, 1, 1}, {2, 2, 9, 0, 1}};

  @Test
  void vectorGemmAllocatesNothingAfterWarmUp() {
    Kernels k = KernelSelection.vectorKernelsOrNull();
    assumeTrue(k != null, "jdk.incubator.vector not present");
    assumeTrue(THREADS.isThreadAllocatedMemorySupported());
    THREADS.setThreadAllocatedMemoryEnabled(true);
    SplittableRandom rnd = new SplittableRandom(1);
    double[] a = new double[256 * 256];
    double[] b = new double[256 * 256];
    double[] c = new double[256 * 256];
    for (int i = 0; i < a.length; i++) {
      a[i] = rnd.nextDouble();
      b[i] = rnd.nextDouble();
    }
    Runnable all = () -> {
      for (int[] s : SHAPES) {
        k.gemm(s[3] == 1, s[4] == 1, s[0], s[1], s[2], a, 1, b, 2, c, 3);
      }
    };
    long perCall = allocatedPerCall(all, SHAPES.length);
    assertThat(perCall).as("bytes allocated per gemm call after warm-up").isZero();
  }

  @Test
  void vectorMathAllocatesNothingAfterWarmUp() {
    Kernels k = KernelSelection.vectorKernelsOrNull();
    assumeTrue(k != null, "jdk.incubator.vector not present");
    assumeTrue(THREADS.isThreadAllocatedMemorySupported());
    THREADS.setThreadAllocatedMemoryEnabled(true);
    double[] x = new double[1003];
    double[] y = new double[1003];
    double[] z = new double[1003];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i - 500) * 0.05;
    }
    Runnable all = () -> {
      k.exp(x, 1, y, 0, 1001);
      k.tanh(x, 0, y, 2, 999);
      k.sigmoid(x, 2, y, 1, 1000);
      k.softplus(x, 0, y, 0, 1003);
      k.softplusSigmoid(x, 1, y, 0, z, 2, 1001);
      k.addRows(x, 3, y, 0, 7, 130);
    };
    assertThat(allocatedPerCall(all, 5)).as("bytes allocated per call after warm-up").isZero();
  }

  /** Warm up until a batch allocates nothing, then measure 1000 rounds; bytes per call. */
  private static long allocatedPerCall(Runnable round, int callsPerRound) {
    long deadline = System.nanoTime() + WARM_UP_NANOS;
    while (System.nanoTime() < deadline) {
      long before = THREADS.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < 50; i++) {
        round.run();
      }
      if (THREADS.getCurrentThreadAllocatedBytes() - before == 0) {
        break;
      }
    }
    long overhead = THREADS.getCurrentThreadAllocatedBytes();
    overhead = THREADS.getCurrentThreadAllocatedBytes() - overhead;
    long before = THREADS.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 1000; i++) {
      round.run();
    }
    long bytes = THREADS.getCurrentThreadAllocatedBytes() - before - overhead;
    return bytes / (1000L * callsPerRound);
  }
}
