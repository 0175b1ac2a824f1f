package org.nde4j.solve.adjoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nde4j.solve.adjoint.SdeGradFields.assertRelative;
import static org.nde4j.solve.adjoint.SdeGradFields.differences;
import static org.nde4j.solve.adjoint.SdeGradFields.loss;

import org.junit.jupiter.api.Test;
import org.nde4j.random.Key;
import org.nde4j.solve.brownian.BrownianGrid;
import org.nde4j.solve.brownian.BrownianInterval;
import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.solve.solver.sde.StochasticReversibleHeun;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.term.DifferentiableSdeTerm;
import org.nde4j.solve.term.SdeType;

/**
 * The reversible adjoint of stochastic reversible Heun: its discrete adjoint against finite
 * differences, the reversible adjoint against the discrete one (to 1e-10), and its stored states
 * flat in the number of steps.
 */
class SdeReversibleAdjointTest {
  private static final double[][] C = {{0.3, -0.2, 0.5, 0.1, -0.4, 0.7}};

  static GradientSolve problem(BrownianMotion bm, int steps, Adjoint adjoint, double... ts) {
    GradientSolve p = GradientSolve.of(SdeGradFields.neural(SdeType.STRATONOVICH), bm,
        new StochasticReversibleHeun(), 0, 1, SdeGradFields.NEURAL_Y0,
        SdeGradFields.neuralTheta()).dt0(1.0 / steps).controller(ConstantStepSize.create())
        .adjoint(adjoint);
    return ts.length == 0 ? p : p.saveAt(ts);
  }

  @Test
  void discreteAdjointOfReversibleHeunMatchesFiniteDifferences() {
    DifferentiableSdeTerm term = SdeGradFields.neural(SdeType.STRATONOVICH);
    BrownianMotion bm = BrownianInterval.of(Key.of(21), 0, 1, term.noiseDim());
    Gradients g = problem(bm, 32, Adjoint.discrete()).forward().backward(C);
    StochasticReversibleHeun rh = new StochasticReversibleHeun();
    double[] theta = SdeGradFields.neuralTheta();
    double[] y0 = SdeGradFields.NEURAL_Y0;
    assertRelative(g.theta(), differences(x -> loss(term, bm, rh, y0, x, 32, C[0]), theta), 1e-6,
        "θ");
    assertRelative(g.y0(), differences(x -> loss(term, bm, rh, x, theta, 32, C[0]), y0), 1e-6,
        "y0");
  }

  @Test
  void reversibleAdjointEqualsTheDiscreteAdjoint() {
    BrownianMotion bm = BrownianInterval.of(Key.of(22), 0, 1, 6);
    double[][] c = {{0.1, 0.2, -0.3, 0.4, 0.5, -0.6}, C[0]};
    Gradients discrete = problem(bm, 64, Adjoint.discrete(), 0.25, 1).forward().backward(c);
    Recording r = problem(bm, 64, Adjoint.reversible(), 0.25, 1).forward();
    Gradients reversible = r.backward(c);
    assertRelative(reversible.theta(), discrete.theta(), 1e-10, "θ");
    assertRelative(reversible.y0(), discrete.y0(), 1e-10, "y0");
    // a second backward pass from the kept end gives the same gradient
    assertThat(r.backward(c).theta()).containsExactly(reversible.theta());
    // the default picks the reversible adjoint for this solver
    Recording auto = problem(bm, 64, Adjoint.auto(), 0.25, 1).forward();
    assertThat(auto).isInstanceOf(ReversibleSdeRecording.class);
    assertThat(auto.backward(c).theta()).containsExactly(reversible.theta());
  }

  @Test
  void storedStatesStayFlatInTheNumberOfSteps() {
    int[] steps = {100, 1000};
    long[] peak = new long[2];
    long[] times = new long[2];
    for (int i = 0; i < 2; i++) {
      BrownianMotion bm = BrownianGrid.of(Key.of(23), 0, 1, 6, 1.0 / steps[i]);
      Recording r = problem(bm, steps[i], Adjoint.reversible()).forward();
      assertThat(r.stats().accepted()).isEqualTo(steps[i]);
      r.backward(C);
      peak[i] = r.peakStoredStates();
      times[i] = ((ReversibleSdeRecording) r).storedTimes();
    }
    assertThat(peak[1]).isEqualTo(peak[0]).isEqualTo(2);
    assertThat(times[1]).isEqualTo(times[0]).isLessThanOrEqualTo(6);
    // the discrete adjoint's count grows with the steps
    BrownianMotion bm = BrownianGrid.of(Key.of(23), 0, 1, 6, 1.0 / 1000);
    assertThat(problem(bm, 1000, Adjoint.discrete()).forward().peakStoredStates())
        .isEqualTo(1000);
  }
}
