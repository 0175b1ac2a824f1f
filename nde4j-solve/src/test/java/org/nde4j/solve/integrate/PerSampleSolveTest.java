package org.nde4j.solve.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.solve.Fields;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.BatchTerm;
import org.nde4j.solve.term.OdeTerm;
import org.nde4j.tensor.Tensor;

/**
 * Per-sample batching on 64 Van der Pol oscillators with μ from 0.1 to 10: each sample equals its
 * own separate solve, and the batch costs fewer evaluations than lockstep.
 */
class PerSampleSolveTest {
  private static final int B = 64;
  private static final PidController PID = PidController.of(1e-8, 1e-8);

  private static double mu(int i) {
    return 0.1 + (10 - 0.1) * i / (B - 1);
  }

  private static double[][] initial() {
    double[][] y0 = new double[B][];
    for (int i = 0; i < B; i++) {
      y0[i] = new double[] {2, 0};
    }
    return y0;
  }

  @Test
  void equalsSeparateSolvesAndBeatsLockstep() {
    BatchTerm batch = BatchTerm.perSample(2, B, i -> Fields.vanDerPol(mu(i)).field());
    BatchSolution per = PerSampleSolve.of(batch, new Tsit5(), 0, 10, initial()).controller(PID)
        .saveAt(SaveAt.ts(2.5, 5, 10)).run();
    assertThat(per.allSucceeded()).isTrue();
    long separateNfe = 0;
    for (int i = 0; i < B; i++) {
      Solution alone = Solve.of(Fields.vanDerPol(mu(i)), new Tsit5(), 0, 10, new double[] {2, 0})
          .controller(PID).saveAt(SaveAt.ts(2.5, 5, 10)).run();
      Solution mine = per.sample(i);
      for (int k = 0; k < 3; k++) {
        for (int j = 0; j < 2; j++) {
          assertThat(mine.y(k)[j]).as("sample %d, time %d", i, k)
              .isCloseTo(alone.y(k)[j], within(1e-12 * Math.max(1, Math.abs(alone.y(k)[j]))));
        }
      }
      assertThat(mine.stats().accepted()).isEqualTo(alone.stats().accepted());
      separateNfe += alone.stats().nfe();
    }
    assertThat(per.evaluations()).isEqualTo(separateNfe);

    OdeTerm lock = OdeTerm.of(2 * B, (t, y, dy) -> {
      for (int i = 0; i < B; i++) {
        double mu = mu(i);
        dy[2 * i] = y[2 * i + 1];
        dy[2 * i + 1] = mu * (1 - y[2 * i] * y[2 * i]) * y[2 * i + 1] - y[2 * i];
      }
    });
    double[] flat = new double[2 * B];
    for (int i = 0; i < B; i++) {
      flat[2 * i] = 2;
    }
    Solution lockstep = Solve.of(lock, new Tsit5(), 0, 10, flat).controller(PID).run();
    assertThat(lockstep.status()).isEqualTo(Status.SUCCESS);
    long lockstepRowEvaluations = lockstep.stats().nfe() * B;
    assertThat(per.evaluations()).isLessThan(lockstepRowEvaluations);
    // Batched calls: about as many as the slowest sample needs, far fewer than the row count.
    assertThat(per.calls()).isLessThan(per.evaluations() / 10);
  }

  @Test
  void compiledBatchTermWithPerSampleParameters() {
    double[] mus = new double[B];
    for (int i = 0; i < B; i++) {
      mus[i] = mu(i);
    }
    BatchTerm batch = BatchTerm.compiled(in -> {
      Tensor y = in[1];
      Tensor mu = in[2];
      Tensor x = y.slice(1, 0, 1);
      Tensor v = y.slice(1, 1, 2);
      Tensor dv = mu.mul(x.mul(x).rsub(1)).mul(v).sub(x);
      return new Tensor[] {Tensor.concat(1, v, dv)};
    }, 2, B, Tensor.of(mus, B, 1));
    BatchSolution per = PerSampleSolve.of(batch, new Tsit5(), 0, 5, initial()).controller(PID)
        .run();
    for (int i = 0; i < B; i += 9) {
      Solution alone = Solve.of(Fields.vanDerPol(mu(i)), new Tsit5(), 0, 5, new double[] {2, 0})
          .controller(PID).run();
      assertThat(per.sample(i).yEnd()[0]).isCloseTo(alone.yEnd()[0], within(1e-10));
      assertThat(per.sample(i).yEnd()[1]).isCloseTo(alone.yEnd()[1], within(1e-9));
    }
  }

  @Test
  void samplesFailIndependently() {
    BatchTerm batch = BatchTerm.perSample(1, 3, i -> (t, y, dy) -> dy[0] = i == 1 ? y[0] * y[0]
        : -y[0]);
    BatchSolution r = PerSampleSolve.of(batch, new Tsit5(), 0, 2,
        new double[][] {{1}, {1}, {1}}).controller(PID).run();
    assertThat(r.sample(0).status()).isEqualTo(Status.SUCCESS);
    assertThat(r.sample(0).yEnd()[0]).isCloseTo(Math.exp(-2), within(1e-7));
    assertThat(r.sample(1).status()).isIn(Status.DT_UNDERFLOW, Status.NONFINITE);
    assertThat(r.sample(1).tEnd()).isCloseTo(1, within(1e-3));
    assertThat(r.sample(2).status()).isEqualTo(Status.SUCCESS);
    assertThat(r.allSucceeded()).isFalse();
  }

  @Test
  void badInputIsNamed() {
    BatchTerm batch = BatchTerm.perSample(2, 2, i -> Fields.vanDerPol(1).field());
    assertThatThrownBy(() -> PerSampleSolve.of(batch, new Tsit5(), 0, 1,
        new double[][] {{1, 2}, {1, Double.NaN}})).hasMessageContaining("y0[1][1] is NaN");
    assertThatThrownBy(() -> PerSampleSolve.of(batch, new Tsit5(), 0, 1,
        new double[][] {{1, 2}, {1}})).hasMessageContaining("y0[1] has 1 values");
    assertThatThrownBy(() -> PerSampleSolve.of(batch, new Tsit5(), 0, 1,
        new double[][] {{1, 2}, {1, 2}}).saveAt(SaveAt.steps()))
        .hasMessageContaining("not every step");
    assertThatThrownBy(() -> BatchTerm.compiled(in -> new Tensor[] {in[1]}, 2, 3,
        Tensor.zeros(4, 1))).hasMessageContaining("first axis must be the batch size 3");
  }
}
