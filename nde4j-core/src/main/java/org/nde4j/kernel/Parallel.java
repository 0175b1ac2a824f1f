package org.nde4j.kernel;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits an index range {@code [0, n)} into contiguous chunks and runs them on a small shared pool
 * of daemon threads, the calling thread taking the first chunk.
 *
 * <p><b>Off by default.</b> {@link #threads()} is 1 unless the system property
 * {@code nde4j.threads} holds a positive integer (read once, when this class initialises) or a
 * program calls {@link #setThreads(int)}. With one thread, or when the range is too small to give
 * every chunk at least {@code minChunk} indices, the body runs inline on the caller as
 * {@code body.run(0, n)} and nothing is allocated.
 *
 * <p><b>Deterministic partition.</b> The chunks depend only on {@code (n, minChunk, threads)}:
 * {@code k = min(threads, n / minChunk)} chunks, chunk {@code c} being
 * {@code [floor(c n / k), floor((c + 1) n / k))}. Which thread runs which chunk is not specified;
 * bodies that must give the same result for every thread count (see §1.8 of the design) should
 * make each index's result depend on the index only, as {@code org.nde4j.random.Key} does.
 *
 * <p><b>Failures.</b> {@code forRange} returns only after every chunk has finished, so no worker is
 * still writing when it returns or throws. If chunks threw, the exception of the lowest-numbered
 * failing chunk is rethrown in the caller (the very instance, so its stack trace shows where it
 * happened), with the others attached as suppressed exceptions.
 *
 * <p><b>Nesting.</b> A {@code forRange} called from inside a pool thread runs its chunks one after
 * another on that thread (same partition), because blocking a worker on further pool work could
 * exhaust the pool and deadlock.
 */
public final class Parallel {

  /** Upper bound for {@link #setThreads(int)}; a guard against typos, far above useful values. */
  public static final int MAX_THREADS = 256;

  /** Name of the system property read at class initialisation. */
  public static final String THREADS_PROPERTY = "nde4j.threads";

  private static volatile int threads = initialThreads();

  private static final Object POOL_LOCK = new Object();
  private static ThreadPoolExecutor pool; // guarded by POOL_LOCK; created on first parallel use
  private static final AtomicInteger WORKER_IDS = new AtomicInteger();

  private Parallel() {
  }

  /** Work on the half-open index range {@code [from, to)}. */
  @FunctionalInterface
  public interface RangeBody {
    /**
     * Processes indices {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @param from first index, {@code 0 <= from < to}
     * @param to   one past the last index, {@code to <= n}
     */
    void run(int from, int to);
  }

  /** The number of threads {@link #forRange(int, int, RangeBody)} may use, at least 1. */
  public static int threads() {
    return threads;
  }

  /**
   * Sets the number of threads (caller included) that {@link #forRange(int, int, RangeBody)}
   * uses. Affects later calls only.
   *
   * @param threads between 1 and {@link #MAX_THREADS}
   * @throws IllegalArgumentException naming {@code threads} if it is out of range
   */
  public static void setThreads(int threads) {
    Parallel.threads = checkThreads(threads);
  }

  /**
   * Runs {@code body} over {@code [0, n)} with {@link #threads()} threads.
   *
   * @param n        range length, {@code >= 0}; nothing runs when it is 0
   * @param minChunk smallest chunk worth a thread, {@code >= 1}
   * @param body     the work; must be safe to run concurrently on disjoint ranges
   * @throws IllegalArgumentException naming the argument if {@code n < 0} or {@code minChunk < 1}
   */
  public static void forRange(int n, int minChunk, RangeBody body) {
    forRange(n, minChunk, threads, body);
  }

  /**
   * Runs {@code body} over {@code [0, n)} with an explicit thread count, ignoring
   * {@link #threads()}. The pool grows to {@code threads - 1} workers if it is smaller.
   *
   * @param threads between 1 and {@link #MAX_THREADS}
   * @throws IllegalArgumentException naming the argument if {@code n < 0}, {@code minChunk < 1}
   *                                  or {@code threads} is out of range
   * @see #forRange(int, int, RangeBody)
   */
  public static void forRange(int n, int minChunk, int threads, RangeBody body) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got n=" + n);
    }
    if (minChunk < 1) {
      throw new IllegalArgumentException("minChunk must be >= 1, got minChunk=" + minChunk);
    }
    checkThreads(threads);
    if (body == null) {
      throw new NullPointerException("body");
    }
    int chunks = chunksUnchecked(n, minChunk, threads);
    if (chunks <= 1) {
      if (n > 0) {
        body.run(0, n);
      }
      return;
    }
    if (Thread.currentThread() instanceof Worker) {
      for (int c = 0; c < chunks; c++) {
        body.run(bound(n, c, chunks), bound(n, c + 1, chunks));
      }
      return;
    }
    runOnPool(n, chunks, body);
  }

  /**
   * The number of chunks {@link #forRange(int, int, int, RangeBody)} makes for these arguments:
   * 1 (the body runs inline as {@code run(0, n)}) when {@code threads == 1} or
   * {@code n < 2 * minChunk}, else {@code min(threads, n / minChunk)}. Lets a caller skip building
   * a body (a capturing lambda allocates) when the work will run inline anyway, or size
   * per-chunk partial results.
   *
   * @throws IllegalArgumentException naming the argument if {@code n < 0}, {@code minChunk < 1}
   *                                  or {@code threads} is out of range
   */
  public static int chunks(int n, int minChunk, int threads) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got n=" + n);
    }
    if (minChunk < 1) {
      throw new IllegalArgumentException("minChunk must be >= 1, got minChunk=" + minChunk);
    }
    checkThreads(threads);
    return chunksUnchecked(n, minChunk, threads);
  }

  /**
   * Start of chunk {@code c} (0-based) of {@code chunks} over {@code [0, n)}:
   * {@code floor(c n / chunks)}; chunk {@code c} is {@code [bound(c), bound(c + 1))}.
   */
  public static int bound(int n, int c, int chunks) {
    return (int) ((long) n * c / chunks);
  }

  private static int chunksUnchecked(int n, int minChunk, int threads) {
    if (threads == 1 || n < 2L * minChunk) {
      return 1;
    }
    return Math.min(threads, n / minChunk);
  }

  private static void runOnPool(int n, int chunks, RangeBody body) {
    ThreadPoolExecutor executor = ensurePool(chunks - 1);
    CountDownLatch done = new CountDownLatch(chunks - 1);
    Task[] tasks = new Task[chunks];
    for (int c = 1; c < chunks; c++) {
      tasks[c] = new Task(body, bound(n, c, chunks), bound(n, c + 1, chunks), done);
      executor.execute(tasks[c]);
    }
    Throwable first = null;
    try {
      body.run(0, bound(n, 1, chunks));
    } catch (Throwable t) { // collected, rethrown after the workers finish
      first = t;
    }
    awaitUninterruptibly(done);
    for (int c = 1; c < chunks; c++) {
      Throwable t = tasks[c].error;
      if (t != null) {
        if (first == null) {
          first = t;
        } else if (first != t) {
          first.addSuppressed(t);
        }
      }
    }
    if (first != null) {
      rethrow(first);
    }
  }

  /** Waits for all workers even if interrupted: returning early would leave them writing. */
  private static void awaitUninterruptibly(CountDownLatch done) {
    boolean interrupted = false;
    while (true) {
      try {
        done.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void rethrow(Throwable t) {
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    // Only reachable through a "sneaky" checked exception, which RangeBody does not declare.
    throw new IllegalStateException("parallel range body threw a checked exception", t);
  }

  private static ThreadPoolExecutor ensurePool(int workers) {
    synchronized (POOL_LOCK) {
      if (pool == null) {
        pool = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), Worker::new);
        // Idle workers exit, so a program that parallelised once does not keep threads.
        pool.allowCoreThreadTimeOut(true);
      } else if (pool.getMaximumPoolSize() < workers) {
        // Raise the maximum first: core size may never exceed it.
        pool.setMaximumPoolSize(workers);
        pool.setCorePoolSize(workers);
      }
      return pool;
    }
  }

  private static int checkThreads(int threads) {
    if (threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException(
          "threads must be in [1, " + MAX_THREADS + "], got threads=" + threads);
    }
    return threads;
  }

  private static int initialThreads() {
    Integer value = Integer.getInteger(THREADS_PROPERTY);
    // A bad property value must not make class initialisation fail; it falls back to 1.
    if (value == null || value < 1 || value > MAX_THREADS) {
      return 1;
    }
    return value;
  }

  /** Pool thread; its type lets nested calls detect that they already run on the pool. */
  private static final class Worker extends Thread {
    Worker(Runnable r) {
      super(r, "nde4j-parallel-" + WORKER_IDS.incrementAndGet());
      setDaemon(true);
    }
  }

  private static final class Task implements Runnable {
    private final RangeBody body;
    private final int from;
    private final int to;
    private final CountDownLatch done;
    /** Written before {@code done.countDown()}, read after {@code await}: the latch orders them. */
    Throwable error;

    Task(RangeBody body, int from, int to, CountDownLatch done) {
      this.body = body;
      this.from = from;
      this.to = to;
      this.done = done;
    }

    @Override
    public void run() {
      try {
        body.run(from, to);
      } catch (Throwable t) { // handed to the caller, never lost in the pool
        error = t;
      } finally {
        done.countDown();
      }
    }
  }
}
