package org.nde4j.solve.adjoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nde4j.solve.solver.rk.Dopri5;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.DifferentiableTerm;

/**
 * {@link GradientSolve#recycling}: a solve that reuses an earlier recording's storage gives the
 * same states and gradients, bit for bit, as one that allocates its own; the recycled recording
 * refuses to be differentiated again.
 */
class RecyclingTest {
  private static final int BATCH = 4;

  private static double[] ts() {
    double[] ts = new double[10];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = 0.025 * i;
    }
    return ts;
  }

  private static Recording solve(DifferentiableTerm term, double[] y0, double[] theta,
      Adjoint adjoint, Recording previous) {
    double[] ts = ts();
    return GradientSolve.of(term, new Dopri5(), 0, ts[ts.length - 1], y0, theta).saveAt(ts)
        .controller(PidController.of(1e-7, 1e-9)).adjoint(adjoint).recycling(previous)
        .forward();
  }

  /** Batches of start states and cotangents of a few training iterations, seeded. */
  private static double[][] y0s(Random r, int count) {
    double[][] y0 = new double[count][2 * BATCH];
    for (double[] row : y0) {
      for (int i = 0; i < row.length; i++) {
        row[i] = 2 * r.nextDouble() - 1;
      }
    }
    return y0;
  }

  private static double[][] ybar(Random r) {
    double[][] g = new double[10][2 * BATCH];
    for (double[] row : g) {
      for (int i = 0; i < row.length; i++) {
        row[i] = r.nextGaussian();
      }
    }
    return g;
  }

  @Test
  void recycledSolvesMatchFreshOnesExactly() {
    for (Adjoint adjoint : new Adjoint[] {Adjoint.discrete(), Adjoint.checkpointed(4),
        Adjoint.interpolating()}) {
      DifferentiableTerm term = OdeDemoModel.model(BATCH);
      Random r = new Random(3);
      double[][] y0 = y0s(r, 4);
      double[][][] ybar = {ybar(r), ybar(r), ybar(r), ybar(r)};
      Recording previous = null;
      for (int it = 0; it < y0.length; it++) {
        // different θ per iteration, as training changes it
        double[] theta = OdeDemoModel.initialTheta(it);
        Recording fresh = solve(term, y0[it], theta, adjoint, null);
        Recording reused = solve(term, y0[it], theta, adjoint, previous);
        assertThat(reused.ys()).as(adjoint.name()).isDeepEqualTo(fresh.ys());
        Gradients a = fresh.backward(ybar[it]);
        Gradients b = reused.backward(ybar[it]);
        assertThat(b.theta()).as(adjoint.name()).containsExactly(a.theta());
        assertThat(b.y0()).as(adjoint.name()).containsExactly(a.y0());
        assertThat(b.ts()).as(adjoint.name()).containsExactly(a.ts());
        // a second backward of the same recording still agrees
        assertThat(reused.backward(ybar[it]).theta()).containsExactly(a.theta());
        previous = reused;
      }
    }
  }

  @Test
  void aRecycledRecordingRefusesBackward() {
    DifferentiableTerm term = OdeDemoModel.model(BATCH);
    Random r = new Random(5);
    double[] y0 = y0s(r, 1)[0];
    double[] theta = OdeDemoModel.initialTheta(1);
    Recording first = solve(term, y0, theta, Adjoint.discrete(), null);
    double[][] ys = first.ys();
    solve(term, y0, theta, Adjoint.discrete(), first);
    assertThat(first.ys()).isDeepEqualTo(ys);
    assertThatThrownBy(() -> first.backward(ybar(r))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("recycling");
  }

  @Test
  void aRecordingOfAnotherTermIsIgnored() {
    Random r = new Random(7);
    double[] y0 = y0s(r, 1)[0];
    double[] theta = OdeDemoModel.initialTheta(2);
    double[][] g = ybar(r);
    Recording other = solve(OdeDemoModel.model(BATCH), y0, theta, Adjoint.discrete(), null);
    DifferentiableTerm term = OdeDemoModel.model(BATCH);
    Recording fresh = solve(term, y0, theta, Adjoint.discrete(), null);
    Recording r2 = solve(term, y0, theta, Adjoint.discrete(), other);
    assertThat(r2.backward(g).theta()).containsExactly(fresh.backward(g).theta());
    // the other term's recording was not taken, so it can still be differentiated
    assertThat(other.backward(g).theta()).containsExactly(fresh.backward(g).theta());
  }

  @Test
  void aTrainingLoopDoesNotChainItsRecordings() throws InterruptedException {
    // Each recording keeps its GradientSolve; if that kept the recording it recycled, a loop
    // would hold every recording it ever made (a leak of the stored states per iteration).
    DifferentiableTerm term = OdeDemoModel.model(BATCH);
    Random r = new Random(9);
    double[] theta = OdeDemoModel.initialTheta(3);
    Recording first = solve(term, y0s(r, 1)[0], theta, Adjoint.discrete(), null);
    java.lang.ref.WeakReference<Recording> firstRef = new java.lang.ref.WeakReference<>(first);
    Recording last = solve(term, y0s(r, 1)[0], theta, Adjoint.discrete(), first);
    first = null;
    for (int it = 0; it < 3; it++) {
      last = solve(term, y0s(r, 1)[0], theta, Adjoint.discrete(), last);
      last.backward(ybar(r));
    }
    for (int i = 0; i < 20 && firstRef.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(firstRef.get()).as("the first recording, reachable only through the loop's"
        + " later recordings").isNull();
    assertThat(last.ys()).isNotEmpty();
  }
}
