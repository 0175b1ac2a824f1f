package org.nde4j.solve.solver.sde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.random.Key;
import org.nde4j.solve.brownian.BrownianInterval;
import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.brownian.VirtualBrownianTree;
import org.nde4j.solve.integrate.SaveAt;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.SolverCatalogue;
import org.nde4j.solve.solver.rk.StepDoubling;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.stepsize.StepToGrid;
import org.nde4j.solve.term.SdeTerm;

/**
 * Adaptive SDE stepping through the ordinary solve loop: the Brownian motion is a virtual tree,
 * so rejected steps re-query the same path. Over 100 single-path solves of GBM, the mean error
 * against the exact solution on each path shrinks with the tolerance (measured: 5.3× for SPaRK
 * when the tolerance shrinks 100×; the bound is 4×) — for the embedded estimates of SPaRK and
 * stochastic Heun and for step doubling ({@link SdeStepDoubling}) of methods without one. An
 * embedded estimate can miss the error of a particular path (one of these 100 keeps an error of
 * 0.24 for SPaRK at both tolerances), so fewer paths make the mean a matter of which paths were
 * drawn: over the first 20 the ratio is 3.9×.
 */
class AdaptiveSdeTest {
  private static final int PATHS = 100;

  private static double meanError(Solver solver, boolean ito, double tol) {
    double sum = 0;
    long rejected = 0;
    for (int k = 0; k < PATHS; k++) {
      BrownianMotion bm = VirtualBrownianTree.of(Key.of(100 + k), 0, 1, 1, 1e-9,
          LevyArea.SPACE_TIME);
      SdeTerm term = SdeProblems.gbm(bm, ito);
      Solution s = Solve.of(term, solver, 0, 1, new double[] {SdeProblems.X0}).dt0(0.01)
          .controller(PidController.of(tol, tol)).maxSteps(1_000_000).run();
      assertThat(s.status()).isEqualTo(Status.SUCCESS);
      rejected += s.stats().rejected();
      sum += Math.abs(s.yEnd()[0] - SdeProblems.gbmExact(bm, ito)[0]);
    }
    System.out.printf("adaptive %s tol %.0e: mean error %.3e, %d rejected%n", solver.name(), tol,
        sum / PATHS, rejected);
    assertThat(rejected).as("steps rejected and retried on the same path").isPositive();
    return sum / PATHS;
  }

  private static void shrinks(Solver s, boolean ito) {
    double coarse = meanError(s, ito, 1e-2);
    double fine = meanError(s, ito, 1e-4);
    assertThat(fine).as(s.name()).isLessThan(coarse / 4);
  }

  @Test
  void errorShrinksWithTheTolerance() {
    shrinks(new Spark(), false);
    shrinks(new StochasticHeun(), false);
  }

  @Test
  void stepDoublingErrorShrinksWithTheTolerance() {
    shrinks(new SdeStepDoubling(new ItoMilstein()), true);
    shrinks(new SdeStepDoubling(new Sriw1()), true);
    shrinks(new SdeStepDoubling(new EulerHeun()), false);
  }

  /**
   * A rejected attempt leaves the path as it was: replaying exactly the accepted steps, with no
   * rejections, on the same path gives the same solution — on a fresh virtual tree of the same key
   * (whose values depend on the query time only) and on the same Brownian interval (whose values
   * are fixed once queried).
   */
  @Test
  void rejectedStepsDoNotChangeThePath() {
    Solver solver = new SdeStepDoubling(new Sriw1());
    BrownianMotion interval = BrownianInterval.of(Key.of(7), 0, 1, 1, LevyArea.SPACE_TIME);
    BrownianMotion[][] pairs = {
        {tree(5), tree(5)},
        {interval, interval}};
    for (BrownianMotion[] bms : pairs) {
      Solution adaptive = Solve.of(SdeProblems.gbm(bms[0], true), solver, 0, 1,
          new double[] {SdeProblems.X0}).dt0(0.1).controller(PidController.of(1e-4, 1e-4))
          .saveAt(SaveAt.steps()).run();
      assertThat(adaptive.stats().rejected()).isPositive();
      Solution replay = Solve.of(SdeProblems.gbm(bms[1], true), solver, 0, 1,
          new double[] {SdeProblems.X0}).controller(StepToGrid.of(adaptive.ts()))
          .saveAt(SaveAt.steps()).run();
      assertThat(replay.stats().rejected()).isZero();
      assertThat(replay.ts()).containsExactly(adaptive.ts());
      for (int i = 0; i < adaptive.size(); i++) {
        assertThat(replay.y(i)[0]).isCloseTo(adaptive.y(i)[0],
            within(1e-12 * Math.abs(adaptive.y(i)[0])));
      }
    }
  }

  /**
   * Euler–Maruyama has strong order 1 on additive noise (no iterated integral multiplies a
   * derivative of the diffusion), so step doubling accepts it there: on {@code
   * prob_sde_additivesystem} (four components, one path) its error against the exact solution
   * shrinks with the tolerance.
   */
  @Test
  void stepDoublingMakesEulerMaruyamaAdaptiveOnAdditiveNoise() {
    Solver solver = new SdeStepDoubling(new EulerMaruyama());
    double[] err = new double[2];
    double[] tols = {1e-2, 1e-4};
    for (int i = 0; i < 2; i++) {
      for (int k = 0; k < PATHS; k++) {
        BrownianMotion bm = VirtualBrownianTree.of(Key.of(300 + k), 0, 1, 4, 1e-9);
        Solution s = Solve.of(SdeProblems.additive(bm), solver, 0, 1,
            SdeProblems.filled(4, 1)).dt0(0.01).controller(PidController.of(tols[i], tols[i]))
            .maxSteps(1_000_000).run();
        err[i] += SdeProblems.meanAbsError(s.yEnd(), SdeProblems.additiveExact(bm)) / 20;
      }
    }
    System.out.printf("adaptive %s on additive noise: mean error %.3e, %.3e%n", solver.name(),
        err[0], err[1]);
    assertThat(err[1]).isLessThan(err[0] / 4);
  }

  private static BrownianMotion tree(long seed) {
    return VirtualBrownianTree.of(Key.of(seed), 0, 1, 1, 1e-9, LevyArea.SPACE_TIME);
  }

  @Test
  void stepDoublingTakesTheInnerSolversOrdersAndRefusals() {
    SdeStepDoubling d = new SdeStepDoubling(new Sriw1());
    assertThat(d.name()).isEqualTo("sriw1+doubling");
    assertThat(d.isAdaptive()).isTrue();
    assertThat(d.strongOrders()).isEqualTo(new Sriw1().strongOrders());
    assertThat(d.levyArea()).isEqualTo(LevyArea.SPACE_TIME);
    BrownianMotion noArea = VirtualBrownianTree.of(Key.of(1), 0, 1, 1, 1e-6);
    assertThatThrownBy(() -> Solve.of(SdeProblems.gbm(noArea, true), d, 0, 1,
        new double[] {1}).controller(PidController.of(1e-3, 1e-3)).run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sriw1+doubling").hasMessageContaining("LevyArea.SPACE_TIME");
    BrownianMotion tree = tree(2);
    assertThatThrownBy(() -> Solve.of(SdeProblems.gbm(tree, true),
        new SdeStepDoubling(new EulerMaruyama()), 0, 1, new double[] {1})
        .controller(PidController.of(1e-3, 1e-3)).run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("euler_maruyama+doubling").hasMessageContaining("below 1")
        .hasMessageContaining("ito_milstein");
    assertThat(SolverCatalogue.byName("SRIW1+doubling")).isInstanceOf(SdeStepDoubling.class)
        .extracting(Solver::name).isEqualTo("sriw1+doubling");
    assertThat(SolverCatalogue.byName("rk4+doubling")).isInstanceOf(StepDoubling.class);
    assertThatThrownBy(() -> new StepDoubling(new EulerMaruyama()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("euler_maruyama").hasMessageContaining("SdeStepDoubling");
  }
}
