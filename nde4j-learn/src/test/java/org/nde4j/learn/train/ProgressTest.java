package org.nde4j.learn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nde4j.random.Key;

/**
 * The progress line, with a clock that advances 10 ms per reading (so 100 iterations per second
 * exactly) and a loss of 0.5 at every iteration.
 */
class ProgressTest {
  private static String train(boolean terminal, long every) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    long[] now = {0};
    LossAndGradient<Key> constant = (theta, batch, grad) -> {
      java.util.Arrays.fill(grad, 0);
      return 0.5;
    };
    Trainer.<Key>builder(k -> k, constant, Regression.adam())
        .iterations(300).progress(out, every, terminal)
        .clock(() -> now[0] += 10_000_000L).build()
        .run(Regression.start());
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void plainLinesEveryNIterationsOnANonTerminal() {
    assertThat(train(false, 100)).isEqualTo("""
        iter 100/300  loss 5.0000e-01  100.0 it/s  ETA 2s
        iter 200/300  loss 5.0000e-01  100.0 it/s  ETA 1s
        iter 300/300  loss 5.0000e-01  100.0 it/s  ETA 0s
        """);
  }

  @Test
  void theLastIterationIsAlwaysPrinted() {
    assertThat(train(false, 120).lines().map(l -> l.substring(0, 12)))
        .containsExactly("iter 120/300", "iter 240/300", "iter 300/300");
  }

  @Test
  void aTerminalLineIsRedrawnInPlaceTenTimesASecond() {
    String s = train(true, 100);
    // Redrawn at iteration 1 and then each 100 ms (10 iterations), ending with a line break.
    assertThat(s).startsWith("\riter   1/300  loss 5.0000e-01  100.0 it/s  ETA 3s\u001b[K\r");
    assertThat(s).endsWith("\riter 300/300  loss 5.0000e-01  100.0 it/s  ETA 0s\u001b[K\n");
    assertThat(s.chars().filter(c -> c == '\r').count()).isEqualTo(31);
    assertThat(s.chars().filter(c -> c == '\n').count()).isEqualTo(1);
  }

  @Test
  void validationLossAndDurations() {
    assertThat(Progress.line(5, 2000, 0.0123456, 0.5, Double.NaN))
        .isEqualTo("iter    5/2000  loss 1.2346e-02  val 5.0000e-01  - it/s  ETA -");
    assertThat(Progress.duration(42.4)).isEqualTo("42s");
    assertThat(Progress.duration(187)).isEqualTo("3m07s");
    assertThat(Progress.duration(7500)).isEqualTo("2h05m");
  }
}
