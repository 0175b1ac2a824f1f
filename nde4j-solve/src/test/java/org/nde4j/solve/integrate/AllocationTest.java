package org.nde4j.solve.integrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nde4j.solve.Fields;
import org.nde4j.solve.solver.SolverCatalogue;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.term.OdeTerm;
import org.nde4j.solve.term.SecondOrderTerm;
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
    for (String name : new String[] {"tsit5", "dopri5", "rk4", "bosh3", "reversible_heun"}) {
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

  /** The same for the symplectic engine, on a plain-array Kepler force. */
  @Test
  void symplecticStepsDoNotAllocate() {
    Assumptions.assumeTrue(AllocationProbe.supported());
    SecondOrderTerm kepler = SecondOrderTerm.of(2, (t, q, acc) -> {
      double r2 = q[0] * q[0] + q[1] * q[1];
      double inv = 1 / (r2 * Math.sqrt(r2));
      acc[0] = -inv * q[0];
      acc[1] = -inv * q[1];
    });
    double[] y0 = {0.1, 0, 0, Math.sqrt(19)};
    for (String name : new String[] {"verlet", "yoshida4", "semi_implicit_euler"}) {
      var solver = SolverCatalogue.byName(name);
      Runnable shortSolve = () -> Solve.of(kepler, solver, 0, 1, y0).dt0(1e-3)
          .controller(ConstantStepSize.create()).run();
      Runnable longSolve = () -> Solve.of(kepler, solver, 0, 4, y0).dt0(1e-3)
          .controller(ConstantStepSize.create()).run();
      double a = AllocationProbe.bytesPerCallAfterWarmup(shortSolve, 20, 1.0);
      double b = AllocationProbe.bytesPerCallAfterWarmup(longSolve, 20, 1.0);
      assertThat((b - a) / 3000).as("bytes per step, %s", name).isLessThan(1);
    }
  }
}
