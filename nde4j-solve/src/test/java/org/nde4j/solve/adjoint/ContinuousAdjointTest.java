package org.nde4j.solve.adjoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nde4j.solve.solver.rk.Dopri5;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.PidController;

class ContinuousAdjointTest {
  static List<Adjoint> adjoints() {
    return List.of(Adjoint.backsolve(), Adjoint.backsolve().withSeminorm(),
        Adjoint.backsolve().withNorm(BackwardNorm.STATE_ONLY),
        Adjoint.backsolve().withCheckpointEvery(5), Adjoint.backsolve().withoutCheckpoints(),
        Adjoint.interpolating(), Adjoint.interpolating().withSeminorm(),
        Adjoint.interpolating().withCheckpointEvery(4), Adjoint.quadrature(),
        Adjoint.quadrature().withCheckpointEvery(4));
  }

  @Test
  void explore() {
    for (double tol : new double[] {1e-6, 1e-7, 1e-8, 1e-9, 1e-10}) {
      for (Adjoint a : adjoints()) {
        double worst = 0;
        for (double rel : new double[] {1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10,
            1e-11, 1e-12}) {
          try {
            DiscreteAdjointTest.checkLinear(
                DiscreteAdjointTest.linear(a, PidController.of(tol, tol)).forward(), rel);
            worst = rel;
          } catch (AssertionError e) {
            break;
          }
        }
        System.out.println("linear tol " + tol + " " + a + " passes rel " + worst);
      }
    }
  }
}
