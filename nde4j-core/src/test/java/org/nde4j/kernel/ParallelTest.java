package org.nde4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link Parallel}: partition, inline path, pool use, failures, nesting, allocation. */
class ParallelTest {

  private int savedThreads;

  @BeforeEach
  void save() {
    savedThreads = Parallel.threads();
  }

  @AfterEach
  void restore() {
    Parallel.setThreads(savedThreads);
  }

  /** Records every (from, to) the body sees and the threads that ran them. */
  private static final class Recorder implements Parallel.RangeBody {
    final List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
    final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void run(int from, int to) {
      ranges.add(new int[] {from, to});
      threads.add(Thread.currentThread());
    }

    List<int[]> sorted() {
      List<int[]> copy = new ArrayList<>(ranges);
      copy.sort((a, b) -> Integer.compare(a[0], b[0]));
      return copy;
    }
  }

  @Test
  void offByDefault() {
    if (System.getProperty(Parallel.THREADS_PROPERTY) == null) {
      // Cannot re-initialise the class here; this checks the default when nothing is set.
      assertThat(savedThreads).isEqualTo(1);
    }
    assertThat(Parallel.threads()).isBetween(1, Parallel.MAX_THREADS);
  }

  @Test
  void setThreadsValidatesAndTakesEffect() {
    Parallel.setThreads(3);
    assertThat(Parallel.threads()).isEqualTo(3);
    assertThatThrownBy(() -> Parallel.setThreads(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads=0");
    assertThatThrownBy(() -> Parallel.setThreads(Parallel.MAX_THREADS + 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads=");
    assertThat(Parallel.threads()).isEqualTo(3);
  }

  @Test
  void badArgumentsAreRejectedByName() {
    Parallel.RangeBody body = (from, to) -> { };
    assertThatThrownBy(() -> Parallel.forRange(-1, 1, body))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n=-1");
    assertThatThrownBy(() -> Parallel.forRange(10, 0, body))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minChunk=0");
    assertThatThrownBy(() -> Parallel.forRange(10, 1, 0, body))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads=0");
    assertThatThrownBy(() -> Parallel.chunks(-5, 1, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n=-5");
    assertThatThrownBy(() -> Parallel.forRange(10, 1, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void runsInlineWithOneThread() {
    Parallel.setThreads(1);
    Recorder r = new Recorder();
    Parallel.forRange(1_000_000, 1, r);
    assertThat(r.ranges).hasSize(1);
    assertThat(r.ranges.get(0)).containsExactly(0, 1_000_000);
    assertThat(r.threads).containsExactly(Thread.currentThread());
  }

  @Test
  void runsInlineWhenRangeIsSmallerThanTwoChunks() {
    Recorder r = new Recorder();
    Parallel.forRange(199, 100, 4, r);
    assertThat(r.ranges).hasSize(1);
    assertThat(r.ranges.get(0)).containsExactly(0, 199);
    assertThat(r.threads).containsExactly(Thread.currentThread());
    assertThat(Parallel.chunks(199, 100, 4)).isEqualTo(1);
    assertThat(Parallel.chunks(200, 100, 4)).isEqualTo(2);
  }

  @Test
  void emptyRangeRunsNothing() {
    Recorder r = new Recorder();
    Parallel.forRange(0, 1, 4, r);
    assertThat(r.ranges).isEmpty();
  }

  @Test
  void partitionIsDeterministicAndCoversEveryIndexOnce() {
    int[][] cases = {{10, 3, 4}, {1000, 1, 2}, {1001, 10, 3}, {7, 1, 7}, {100_003, 4096, 2}};
    for (int[] c : cases) {
      int n = c[0];
      int minChunk = c[1];
      int threads = c[2];
      int chunks = Parallel.chunks(n, minChunk, threads);
      assertThat(chunks).isEqualTo(Math.min(threads, n / minChunk));
      for (int rep = 0; rep < 3; rep++) {
        Recorder r = new Recorder();
        int[] hits = new int[n];
        Parallel.forRange(n, minChunk, threads, (from, to) -> {
          r.run(from, to);
          for (int i = from; i < to; i++) {
            hits[i]++; // disjoint ranges: no two threads touch one index
          }
        });
        List<int[]> ranges = r.sorted();
        assertThat(ranges).hasSize(chunks);
        for (int k = 0; k < chunks; k++) {
          assertThat(ranges.get(k)).as("n=%d chunk %d", n, k).containsExactly(
              Parallel.bound(n, k, chunks), Parallel.bound(n, k + 1, chunks));
        }
        for (int i = 0; i < n; i++) {
          if (hits[i] != 1) {
            fail("n=%d: index %d ran %d times", n, i, hits[i]);
          }
        }
      }
    }
    // A worked example: 10 indices, chunks of at least 3, 4 threads -> 3 chunks.
    Recorder r = new Recorder();
    Parallel.forRange(10, 3, 4, r);
    assertThat(r.sorted()).containsExactly(new int[] {0, 3}, new int[] {3, 6}, new int[] {6, 10});
  }

  @Test
  void usesPoolThreadsWhenParallel() {
    Parallel.setThreads(2);
    Recorder r = new Recorder();
    Parallel.forRange(1000, 10, r);
    assertThat(r.ranges).hasSize(2);
    assertThat(r.threads).contains(Thread.currentThread());
    Thread other = r.threads.get(0) == Thread.currentThread() ? r.threads.get(1) : r.threads.get(0);
    assertThat(other).isNotSameAs(Thread.currentThread());
    assertThat(other.isDaemon()).isTrue();
    assertThat(other.getName()).startsWith("nde4j-parallel-");
  }

  @Test
  void workerExceptionIsRethrownInCallerAfterAllChunksFinish() {
    RuntimeException boom = new IllegalStateException("boom in chunk 2");
    AtomicInteger finished = new AtomicInteger();
    Parallel.RangeBody body = (from, to) -> {
      if (from == Parallel.bound(3000, 2, 3)) {
        throw boom;
      }
      sleep(50); // the other chunks are still running when chunk 2 fails
      finished.incrementAndGet();
    };
    assertThatThrownBy(() -> Parallel.forRange(3000, 1, 3, body)).isSameAs(boom);
    assertThat(finished.get()).isEqualTo(2);
  }

  @Test
  void lowestFailingChunkWinsOthersAreSuppressed() {
    Parallel.RangeBody body = (from, to) -> {
      throw new IllegalArgumentException("chunk at " + from);
    };
    assertThatThrownBy(() -> Parallel.forRange(300, 1, 3, body))
        .hasMessage("chunk at 0")
        .satisfies(t -> assertThat(t.getSuppressed()).extracting(Throwable::getMessage)
            .containsExactly("chunk at 100", "chunk at 200"));
    Error error = new AssertionError("an Error");
    assertThatThrownBy(() -> Parallel.forRange(300, 1, 3, (from, to) -> {
      if (from > 0) {
        throw error;
      }
    })).isSameAs(error);
  }

  @Test
  void nestedCallsFromWorkersDoNotDeadlock() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      AtomicInteger count = new AtomicInteger();
      Parallel.forRange(8, 1, 8, (from, to) -> {
        for (int i = from; i < to; i++) {
          Parallel.forRange(100, 1, 4, (a, b) -> count.addAndGet(b - a));
        }
      });
      assertThat(count.get()).isEqualTo(800);
    });
  }

  private static final Parallel.RangeBody NOTHING = (from, to) -> { };

  @Test
  void inlinePathDoesNotAllocate() {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Parallel.setThreads(1);
    for (int i = 0; i < 10_000; i++) {
      Parallel.forRange(1000, 1, NOTHING);
      Parallel.forRange(100, 64, 4, NOTHING);
    }
    long before = mx.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 10_000; i++) {
      Parallel.forRange(1000, 1, NOTHING);
      Parallel.forRange(100, 64, 4, NOTHING);
    }
    long allocated = mx.getCurrentThreadAllocatedBytes() - before;
    // 20 000 calls: even 16 bytes per call would be 320 kB; allow a little measurement noise.
    assertThat(allocated).isLessThan(4096);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
