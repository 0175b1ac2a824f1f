package org.nde4j.learn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nde4j.learn.io.RunDirectory;
import org.nde4j.random.Key;

/**
 * Resume (issue 6, Acceptance): a run killed after a checkpoint and resumed ends with the same
 * parameters, bit for bit, as an uninterrupted run; a crash while a checkpoint is being written
 * leaves the previous one intact and the resume uses it; a checkpoint of another configuration
 * is refused with the differences named.
 */
class ResumeTest {
  private static final int N = 60;
  private static final Map<String, Object> CONFIG = Map.of("lr", 0.05, "batch", 8);

  @TempDir Path tmp;

  private final Regression problem = new Regression();

  /** A trainer whose loss throws ("the process is killed") at iteration {@code killAt}. */
  private Trainer<int[]> trainer(int killAt, Object config, UnaryOperator<OutputStream> filter) {
    AtomicInteger calls = new AtomicInteger();
    return Trainer.<int[]>builder(Regression::sample, (theta, rows, grad) -> {
      if (calls.incrementAndGet() == killAt) {
        throw new IllegalStateException("killed");
      }
      return problem.loss(theta, rows, grad);
    }, Regression.adam())
        .key(Key.of(7)).iterations(N).clipNorm(5.0)
        .validation(problem::validation, 5, 1000)
        .checkpointEvery(10).config(config).checkpointFilter(filter)
        .build();
  }

  private RunDirectory newRun(String name) throws IOException {
    RunDirectory run = RunDirectory.create(tmp.resolve(name), false);
    run.writeConfig(CONFIG);
    return run;
  }

  private static List<String> metricsWithoutTime(RunDirectory run) throws IOException {
    // iteration, loss, val_loss, lr — time is wall-clock and differs between runs
    return Files.readAllLines(run.metricsFile()).stream()
        .map(l -> l.substring(0, l.lastIndexOf(','))).toList();
  }

  @Test
  void killedAndResumedEndsBitIdentical() throws IOException {
    RunDirectory straightRun = newRun("straight");
    double[] straight = Regression.start();
    TrainResult expected = trainer(0, CONFIG, UnaryOperator.identity())
        .run(straightRun, straight);
    assertThat(expected.reason()).isEqualTo(StopReason.COMPLETED);
    assertThat(expected.iterations()).isEqualTo(N);
    // The problem is learnt (so the comparison is not between two untouched vectors).
    assertThat(problem.validation(straight)).isLessThan(0.05);

    RunDirectory run = newRun("killed");
    double[] theta = Regression.start();
    assertThatThrownBy(() -> trainer(37, CONFIG, UnaryOperator.identity()).run(run, theta))
        .hasMessage("killed");
    assertThat(Checkpoint.read(run.checkpointsDirectory().resolve(Checkpoint.FILE_NAME))
        .iteration()).isEqualTo(30);

    double[] resumed = new double[Regression.PARAMS];
    TrainResult r = trainer(0, CONFIG, UnaryOperator.identity())
        .resume(RunDirectory.open(run.path()), resumed);
    assertThat(r.iterations()).isEqualTo(N);
    assertThat(resumed).isEqualTo(straight);
    assertThat(r.bestTheta()).isEqualTo(expected.bestTheta());
    assertThat(r.bestValidationLoss()).isEqualTo(expected.bestValidationLoss());
    assertThat(r.bestIteration()).isEqualTo(expected.bestIteration());
    // metrics.csv: the rows 31–36 of the killed session were replaced by the resumed ones.
    assertThat(metricsWithoutTime(run)).isEqualTo(metricsWithoutTime(straightRun));
  }

  @Test
  void crashWhileWritingACheckpointKeepsTheLastGoodOne() throws IOException {
    double[] straight = Regression.start();
    trainer(0, CONFIG, UnaryOperator.identity()).run(newRun("straight"), straight);

    RunDirectory run = newRun("crashed");
    AtomicInteger writes = new AtomicInteger();
    UnaryOperator<OutputStream> failThird = out -> writes.incrementAndGet() < 3 ? out
        : new OutputStream() {
          private int written;

          @Override
          public void write(int b) throws IOException {
            if (++written > 100) {
              throw new IOException("disk full (injected)");
            }
            out.write(b);
          }
        };
    assertThatThrownBy(() -> trainer(0, CONFIG, failThird).run(run, Regression.start()))
        .isInstanceOf(IOException.class).hasMessage("disk full (injected)");
    Path dir = run.checkpointsDirectory();
    assertThat(Checkpoint.read(dir.resolve(Checkpoint.FILE_NAME)).iteration()).isEqualTo(20);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactly(Checkpoint.FILE_NAME);
    }
    // A process killed mid-write leaves a partial temporary file beside the checkpoint.
    Files.write(dir.resolve("." + Checkpoint.FILE_NAME + ".x1y2.tmp"), new byte[] {1, 2, 3});

    double[] resumed = new double[Regression.PARAMS];
    trainer(0, CONFIG, UnaryOperator.identity()).resume(RunDirectory.open(run.path()), resumed);
    assertThat(resumed).isEqualTo(straight);
  }

  @Test
  void aCheckpointOfAnotherConfigurationIsRefused() throws IOException {
    RunDirectory run = newRun("other");
    trainer(0, CONFIG, UnaryOperator.identity()).run(run, Regression.start());

    Map<String, Object> changed = Map.of("lr", 0.02, "batch", 8);
    assertThatThrownBy(() -> trainer(0, changed, UnaryOperator.identity())
        .resume(RunDirectory.open(run.path()), new double[Regression.PARAMS]))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot resume run directory " + run.path() + ": its checkpoint (iteration 60)"
            + " belongs to a different configuration: config.lr: 0.05 in the checkpoint, 0.02 now");

    Trainer<int[]> otherClip = Trainer.<int[]>builder(Regression::sample, problem::loss,
        Regression.adam()).key(Key.of(8)).iterations(N).clipNorm(1.0)
        .validation(problem::validation, 5, 1000).checkpointEvery(10).config(CONFIG).build();
    assertThatThrownBy(() -> otherClip.resume(RunDirectory.open(run.path()),
        new double[Regression.PARAMS]))
        .hasMessageContaining("trainer.clip_norm: 5.0 in the checkpoint, 1.0 now")
        .hasMessageContaining("trainer.key: [7,0] in the checkpoint, [8,0] now");
  }

  @Test
  void aRunWithoutCheckpointCannotResume() throws IOException {
    RunDirectory run = newRun("empty");
    assertThatThrownBy(() -> trainer(0, CONFIG, UnaryOperator.identity())
        .resume(RunDirectory.open(run.path()), new double[Regression.PARAMS]))
        .hasMessage("cannot resume run directory " + run.path() + ": it has no checkpoint "
            + "(checkpoints/last.safetensors); the run stopped before its first one");
  }

  @Test
  void aFileThatIsNoCheckpointIsNamed() throws IOException {
    RunDirectory run = newRun("foreign");
    Path file = run.checkpointsDirectory().resolve(Checkpoint.FILE_NAME);
    org.nde4j.learn.io.Safetensors.write(file,
        Map.of("theta", org.nde4j.tensor.Tensor.of(new double[4], 4)), Map.of());
    assertThatThrownBy(() -> trainer(0, CONFIG, UnaryOperator.identity())
        .resume(RunDirectory.open(run.path()), new double[Regression.PARAMS]))
        .isInstanceOf(IOException.class)
        .hasMessage(file + ": metadata 'format' is null, expected nde4j-checkpoint-1: not an "
            + "nde4j training checkpoint");
  }

  @Test
  void progressGoesToTheGivenStream() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    double[] theta = Regression.start();
    Trainer.<int[]>builder(Regression::sample, problem::loss, Regression.adam())
        .iterations(N).progress(out, 20, false).build().run(theta);
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()
        .map(l -> l.substring(0, 9))).containsExactly("iter 20/6", "iter 40/6", "iter 60/6");
  }
}
