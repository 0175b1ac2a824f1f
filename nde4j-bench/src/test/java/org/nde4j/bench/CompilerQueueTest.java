package org.nde4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The parser of {@code jcmd Compiler.queue}'s text, on the output format of JDK 17 and 25. */
class CompilerQueueTest {

  @Test
  void idleOnlyWhenNothingRunsAndBothQueuesAreEmpty() {
    assertThat(CompilerQueue.isIdle("Current compiles: \n\nC1 compile queue:\nEmpty\n\n"
        + "C2 compile queue:\nEmpty\n\n")).isTrue();
    assertThat(CompilerQueue.isIdle("Current compiles: \nC2 CompilerThread0  1445       4       "
        + "java.lang.String::replace (42 bytes)\n\nC1 compile queue:\nEmpty\n\n"
        + "C2 compile queue:\nEmpty\n")).isFalse();
    assertThat(CompilerQueue.isIdle("Current compiles: \n\nC1 compile queue:\nEmpty\n\n"
        + "C2 compile queue:\n1456       4       java.lang.String::startsWith (7 bytes)\n"))
        .isFalse();
  }

  @Test
  void anUnknownFormatDoesNotBlockTheWarmUp() {
    assertThat(CompilerQueue.isIdle("something else entirely")).isTrue();
  }

  @Test
  void theRunningJvmReachesAnIdleCompiler() throws InterruptedException {
    // after start-up work the queues drain: polling must see an idle compiler within seconds
    boolean idle = false;
    for (int i = 0; i < 200 && !idle; i++) {
      idle = CompilerQueue.idle();
      if (!idle) {
        Thread.sleep(50);
      }
    }
    assertThat(idle).isTrue();
  }
}
