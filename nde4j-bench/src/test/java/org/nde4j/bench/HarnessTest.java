package org.nde4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HarnessTest {

  /** A call that sleeps 2 ms: the median must be near it, and min ≤ median ≤ max. */
  @Test
  void measuresASleepingCall() {
    BenchCase sleep = new BenchCase() {
      @Override
      public String name() {
        return "sleep";
      }

      @Override
      public double call() {
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return 1;
      }
    };
    Timing t = new Harness(HarnessConfig.quick()).measure(sleep);
    assertThat(t.medianMs()).isBetween(1.9, 30.0);
    assertThat(t.minMs()).isLessThanOrEqualTo(t.medianMs());
    assertThat(t.maxMs()).isGreaterThanOrEqualTo(t.medianMs());
    assertThat(t.runs()).isBetween(HarnessConfig.quick().minRuns(), HarnessConfig.quick().runs());
    assertThat(t.callsPerRun()).isEqualTo(1);
  }
}
