package org.nde4j.solve.adjoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nde4j.solve.solver.rk.ButcherTableau;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * Checkpointing stores no more than its budget and gives the full-storage gradient; the discrete
 * adjoint equals eager backpropagation through the unrolled solver.
 */
class CheckpointedAdjointTest {
  private static final double[] THETA = {1.5, 1.0, 1.0, 3.0};
  private static final double[] Y0 = {1.0, 1.0};
  private static final double[] TS = {3, 7.5, 12};
  private static final double[][] C = {{0.2, 0.1}, {-0.3, 0.4}, {0.6, -0.5}};

  private static Recording lotkaVolterra(Adjoint adjoint) {
    DifferentiableTerm term = DifferentiableTerm.of(GradFields.lotkaVolterra(), 2, 4);
    return GradientSolve.of(term, new Tsit5(), 0, 12, Y0, THETA).saveAt(TS)
        .controller(PidController.of(1e-9, 1e-9)).adjoint(adjoint).forward();
  }

  private static double maxRelDiff(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(1e-300, Math.abs(b[i])));
    }
    return m;
  }

  @Test
  void budgetIsNeverExceededAndGradientsEqualFullStorage() {
    Recording full = lotkaVolterra(Adjoint.discrete());
    Gradients reference = full.backward(C);
    long steps = full.stats().accepted();
    assertThat(steps).isGreaterThan(200);
    assertThat(full.peakStoredStates()).isEqualTo(steps);
    for (int budget : new int[] {1, 2, 3, 5, 8, 20, 64}) {
      Recording r = lotkaVolterra(Adjoint.checkpointed(budget));
      Gradients g = r.backward(C);
      assertThat(r.peakStoredStates()).as("budget %d", budget).isLessThanOrEqualTo(budget);
      assertThat(maxRelDiff(g.y0(), reference.y0())).as("y0, budget %d", budget)
          .isLessThan(1e-12);
      assertThat(maxRelDiff(g.theta(), reference.theta())).as("θ, budget %d", budget)
          .isLessThan(1e-12);
      assertThat(maxRelDiff(g.ts(), reference.ts())).isLessThan(1e-12);
      // Fewer states cost more replays; the binomial schedule keeps that near steps × log.
      if (budget >= 8) {
        assertThat(g.rateEvaluations()).as("budget %d", budget)
            .isLessThan(12 * 7 * steps);
      }
    }
  }

  @Test
  void budgetMustBePositive() {
    assertThatThrownBy(() -> Adjoint.checkpointed(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("budget");
  }

  /** The binomial split: C(s + r, s) steps fit s states and r replays; both halves fit. */
  @Test
  void binomialSplitKeepsBothHalvesReversible() {
    assertThat(DiscreteRecording.binomial(2, 3)).isEqualTo(10);
    assertThat(DiscreteRecording.binomial(3, 3)).isEqualTo(20);
    for (int s = 1; s <= 6; s++) {
      for (int length = 2; length <= 300; length++) {
        int r = 0;
        while (DiscreteRecording.binomial(s, r) < length) {
          r++;
        }
        int m = DiscreteRecording.split(length, s);
        assertThat(m).isBetween(1, length - 1);
        assertThat((double) length - m).isLessThanOrEqualTo(DiscreteRecording.binomial(s - 1, r));
        assertThat((double) m).isLessThanOrEqualTo(Math.max(1, DiscreteRecording.binomial(s,
            r - 1)));
      }
    }
  }

  /**
   * The discrete adjoint is the gradient of the discretised solve: eager backpropagation through
   * the same Tsit5 steps (unrolled on tensors, the tape doing the work) agrees to 1e-12.
   */
  @Test
  void discreteAdjointEqualsBackpropagationThroughTheUnrolledSolver() {
    int d = 2;
    int hidden = 8;
    TensorFn f = GradFields.mlp(d, hidden);
    double[] theta = GradFields.mlpTheta(d, hidden, 5);
    double[] y0 = {0.4, -0.7};
    double dt = 0.05;
    int steps = 30;
    double[] w = {0.9, -0.4};
    DifferentiableTerm term = DifferentiableTerm.of(f, d, theta.length);
    Recording r = GradientSolve.of(term, new Tsit5(), 0, dt * steps, y0, theta)
        .controller(ConstantStepSize.create()).dt0(dt).adjoint(Adjoint.discrete()).forward();
    assertThat(r.stats().accepted()).isEqualTo(steps);
    Gradients g = r.backward(new double[][] {w});

    ButcherTableau tb = new Tsit5().tableau();
    Tensor y = Tensor.vector(y0).requiresGrad(true);
    Tensor th = Tensor.vector(theta).requiresGrad(true);
    Tensor cur = y;
    for (int n = 0; n < steps; n++) {
      Tensor t = Tensor.scalar(n * dt);
      Tensor[] k = new Tensor[tb.stages()];
      for (int i = 0; i < k.length; i++) {
        Tensor z = cur;
        for (int j = 0; j < i; j++) {
          if (tb.a(i, j) != 0) {
            z = z.add(k[j].mul(dt * tb.a(i, j)));
          }
        }
        k[i] = f.apply(t, z, th)[0];
      }
      Tensor next = cur;
      for (int i = 0; i < k.length; i++) {
        if (tb.b(i) != 0) {
          next = next.add(k[i].mul(dt * tb.b(i)));
        }
      }
      cur = next;
    }
    cur.mul(Tensor.vector(w)).sum().backward();
    assertThat(maxRelDiff(g.y0(), y.grad().toArray())).isLessThan(1e-12);
    assertThat(maxRelDiff(g.theta(), th.grad().toArray())).isLessThan(1e-12);
  }
}
