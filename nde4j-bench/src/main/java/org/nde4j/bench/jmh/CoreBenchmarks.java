package org.nde4j.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.nde4j.bench.BenchCase;
import org.nde4j.bench.core.CoreSuite;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH versions of the {@code core} suite's cases, for cross-checking the built-in harness and for
 * profiling ({@code -prof gc}, {@code -prof perfasm}). Run from the shaded jar:
 *
 * <pre>{@code
 * java -cp nde4j-cli/target/nde4j.jar org.openjdk.jmh.Main CoreBenchmarks -p name=mlp_w4_fwd_vjp
 * }</pre>
 *
 * <p>Not {@code final}: JMH generates subclasses of benchmark classes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class CoreBenchmarks {

  /** The core-suite case to run. */
  @Param({"mlp_tiny_b20_fwd_vjp", "mlp_w4_fwd_vjp", "op_overhead_eager_scalar",
      "lorenz_rhs_traced", "dgemm_256x128x128"})
  public String name;

  private BenchCase target;

  /** Builds and prepares the chosen case. */
  @Setup
  public void setUp() {
    target = new CoreSuite().cases().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("core suite has no case " + name));
    target.prepare();
  }

  /** One call of the case. */
  @Benchmark
  public double call() {
    return target.call();
  }
}
