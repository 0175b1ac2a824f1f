package org.nde4j.learn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nde4j.learn.io.RunDirectory;

/**
 * Early stopping on a constructed validation curve: validations every 2 iterations return 5, 4,
 * 3, 3.5, 3, 4, 2, … — the best is 3 at validation 3 (iteration 6); validations 4, 5 and 6 do not
 * improve on it strictly (an equal value is no improvement), so with patience 3 the run stops
 * after iteration 12, keeping θ of iteration 6.
 */
class EarlyStoppingTest {
  private static final double[] CURVE = {5, 4, 3, 3.5, 3, 4, 2, 1, 0.5};

  @TempDir Path tmp;

  private final Regression problem = new Regression();
  private final List<double[]> seen = new ArrayList<>();

  private Trainer<int[]> trainer() {
    return Trainer.<int[]>builder(Regression::sample, problem::loss, Regression.adam())
        .iterations(40).validation(theta -> {
          seen.add(theta.clone());
          return CURVE[seen.size() - 1];
        }, 2, 3).checkpointEvery(100).config(Map.of()).build();
  }

  @Test
  void stopsAfterPatienceValidationsWithoutImprovement() throws IOException {
    RunDirectory run = RunDirectory.create(tmp.resolve("run"), false);
    run.writeConfig(Map.of());
    double[] theta = Regression.start();
    TrainResult r = trainer().run(run, theta);

    assertThat(r.reason()).isEqualTo(StopReason.EARLY_STOPPED);
    assertThat(r.iterations()).isEqualTo(12);
    assertThat(seen).hasSize(6);
    assertThat(r.bestIteration()).isEqualTo(6);
    assertThat(r.bestValidationLoss()).isEqualTo(3.0);
    assertThat(r.bestTheta()).isEqualTo(seen.get(2));
    assertThat(theta).isEqualTo(seen.get(5));

    // The stop was checkpointed: resuming the run does nothing more.
    double[] again = new double[Regression.PARAMS];
    TrainResult resumed = trainer().resume(RunDirectory.open(run.path()), again);
    assertThat(resumed.reason()).isEqualTo(StopReason.EARLY_STOPPED);
    assertThat(resumed.iterations()).isEqualTo(12);
    assertThat(again).isEqualTo(theta);
    assertThat(resumed.bestTheta()).isEqualTo(seen.get(2));
    assertThat(seen).hasSize(6);
  }
}
