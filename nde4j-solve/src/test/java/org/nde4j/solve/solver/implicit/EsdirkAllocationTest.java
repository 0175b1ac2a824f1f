package org.nde4j.solve.solver.implicit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nde4j.solve.Fields;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.MultiTerm;
import org.nde4j.solve.term.OdeTerm;
import org.nde4j.solve.term.Term;
import org.nde4j.tensor.Shape;
import org.nde4j.testkit.AllocationProbe;

/**
 * The ESDIRK engine allocates nothing per step (Newton iterations, Jacobians, factorizations
 * included): a solve with 4000 steps allocates what one with 1000 steps does.
 */
class EsdirkAllocationTest {
  @Test
  void noAllocationPerStep() {
    Assumptions.assumeTrue(AllocationProbe.supported());
    OdeTerm lorenz = OdeTerm.of(Fields.lorenzTensor(), Shape.of(3));
    Term split = MultiTerm.of(OdeTerm.of(3, (t, y, dy) -> {
      dy[0] = 0.1 * y[1];
      dy[1] = 0;
      dy[2] = 0;
    }), lorenz);
    Solver[] solvers = {new Kvaerno5(), new TrBdf2(), new ImplicitEuler(),
        new Kvaerno3(JacobianReuse.EVERY_STAGE)};
    for (Solver solver : solvers) {
      check(solver.name(), lorenz, solver);
    }
    check("kencarp4 split", split, new KenCarp4());
  }

  private static void check(String label, Term term, Solver solver) {
    Runnable shortSolve = () -> Solve.of(term, solver, 0, 1, new double[] {1, 1, 1}).dt0(1e-3)
        .controller(ConstantStepSize.create()).run();
    Runnable longSolve = () -> Solve.of(term, solver, 0, 4, new double[] {1, 1, 1}).dt0(1e-3)
        .controller(ConstantStepSize.create()).run();
    double a = AllocationProbe.bytesPerCallAfterWarmup(shortSolve, 10, 1.0);
    double b = AllocationProbe.bytesPerCallAfterWarmup(longSolve, 10, 1.0);
    assertThat((b - a) / 3000).as("bytes per step, %s", label).isLessThan(1);
  }

  /** The same with the adaptive controller's norm (the Newton weights come from it). */
  @Test
  void adaptiveStepsDoNotAllocate() {
    Assumptions.assumeTrue(AllocationProbe.supported());
    OdeTerm lorenz = OdeTerm.of(Fields.lorenzTensor(), Shape.of(3));
    Solver solver = new Kvaerno5();
    Runnable one = () -> Solve.of(lorenz, solver, 0, 1, new double[] {1, 1, 1})
        .controller(PidController.of(1e-8, 1e-8)).run();
    Runnable four = () -> Solve.of(lorenz, solver, 0, 4, new double[] {1, 1, 1})
        .controller(PidController.of(1e-8, 1e-8)).run();
    double a = AllocationProbe.bytesPerCallAfterWarmup(one, 10, 1.0);
    double b = AllocationProbe.bytesPerCallAfterWarmup(four, 10, 1.0);
    assertThat(b - a).as("bytes for three times the steps").isLessThan(2000);
  }
}
