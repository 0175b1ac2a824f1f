package org.nde4j.bench;

/**
 * One benchmark case: a named, self-contained body that is timed by a {@link Harness}. All
 * set-up (tracing, compiling, allocating buffers, drawing weights) happens in the constructor or
 * in {@link #prepare()}, never in {@link #call()}.
 */
public interface BenchCase {

  /** The case name as it appears in reports, e.g. {@code "mlp_w4_fwd_vjp"}. */
  String name();

  /** One-off set-up before timing; also the place to compute {@link #error()}. */
  default void prepare() {}

  /**
   * One timed invocation. Returns a value that depends on the result, so that the JIT cannot
   * remove the work.
   */
  double call();

  /** Floating-point operations per call, or 0 when not meaningful (no GFLOP/s is reported). */
  default double flops() {
    return 0;
  }

  /** A correctness figure (largest absolute deviation from a reference), or {@code null}. */
  default Double error() {
    return null;
  }

  /** Function evaluations per call, or {@code null} when not applicable. */
  default Integer nfe() {
    return null;
  }

  /** Accepted steps per call (for a solve), or {@code null} when not applicable. */
  default Integer steps() {
    return null;
  }

  /** Free-text remark added to the report's {@code note}, or {@code null}. */
  default String note() {
    return null;
  }
}
