package org.nde4j.solve.integrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nde4j.solve.Fields;
import org.nde4j.solve.solver.SolverCatalogue;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.term.OdeTerm;
import org.nde4j.tensor.Shape;
import org.nde4j.testkit.AllocationProbe;

/**
 * The explicit Runge–Kutta loop allocates nothing per step for a compiled vector field: a solve
 * with 4000 steps allocates what one with 1000 steps does (the difference is per-solve setup).
 */
class AllocationTest {
  @Test
  void noAllocationPerStep() {
    Assumptions.assumeTrue(AllocationProbe.supported());
    OdeTerm term = OdeTerm.of(Fields.lorenzTensor(), Shape.of(3));
    for (String name : new String[] {"tsit5", "dopri5", "rk4", "bosh3"}) {
      var solver = SolverCatalogue.byName(name);
      Runnable shortSolve = () -> Solve.of(term, solver, 0, 1, new double[] {1, 1, 1}).dt0(1e-3)
          .controller(ConstantStepSize.create()).run();
      Runnable longSolve = () -> Solve.of(term, solver, 0, 4, new double[] {1, 1, 1}).dt0(1e-3)
          .controller(ConstantStepSize.create()).run();
      double a = AllocationProbe.bytesPerCallAfterWarmup(shortSolve, 20, 1.0);
      double b = AllocationProbe.bytesPerCallAfterWarmup(longSolve, 20, 1.0);
      assertThat((b - a) / 3000).as("bytes per step, %s", name).isLessThan(1);
    }
  }
}
