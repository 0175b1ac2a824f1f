package org.nde4j.solve.solver.sde;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nde4j.random.Key;
import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.brownian.VirtualBrownianTree;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.SdeTerm;

/**
 * Adaptive SDE stepping through the ordinary solve loop: the Brownian motion is a virtual tree,
 * so rejected steps re-query the same path. Over 20 single-path solves of Stratonovich GBM, the
 * error against the exact solution on each path shrinks with the tolerance (measured: about 9×
 * for SPaRK when the tolerance shrinks 100×; the bound is 4×).
 */
class AdaptiveSdeTest {
  private static double meanError(Solver solver, double tol) {
    double sum = 0;
    long rejected = 0;
    for (int k = 0; k < 20; k++) {
      BrownianMotion bm = VirtualBrownianTree.of(Key.of(100 + k), 0, 1, 1, 1e-9,
          LevyArea.SPACE_TIME);
      SdeTerm term = SdeProblems.gbm(bm, false);
      Solution s = Solve.of(term, solver, 0, 1, new double[] {SdeProblems.X0}).dt0(0.01)
          .controller(PidController.of(tol, tol)).maxSteps(1_000_000).run();
      assertThat(s.status()).isEqualTo(Status.SUCCESS);
      rejected += s.stats().rejected();
      sum += Math.abs(s.yEnd()[0] - SdeProblems.gbmExact(bm, false)[0]);
    }
    System.out.printf("adaptive %s tol %.0e: mean error %.3e, %d rejected%n", solver.name(), tol,
        sum / 20, rejected);
    assertThat(rejected).as("steps rejected and retried on the same path").isPositive();
    return sum / 20;
  }

  @Test
  void errorShrinksWithTheTolerance() {
    for (Solver s : new Solver[] {new Spark(), new StochasticHeun()}) {
      double coarse = meanError(s, 1e-2);
      double fine = meanError(s, 1e-4);
      assertThat(fine).as(s.name()).isLessThan(coarse / 4);
    }
  }
}
