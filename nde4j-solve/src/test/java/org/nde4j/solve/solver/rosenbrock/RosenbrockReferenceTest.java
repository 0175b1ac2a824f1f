package org.nde4j.solve.solver.rosenbrock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nde4j.solve.Fields;
import org.nde4j.solve.integrate.SaveAt;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.solver.SolverCatalogue;
import org.nde4j.solve.solver.Work;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.OdeTerm;
import org.nde4j.solve.term.Term;
import org.nde4j.tensor.Shape;
import org.nde4j.testkit.AllocationProbe;
import org.nde4j.testkit.problems.Accuracy;
import org.nde4j.testkit.problems.OdeProblem;
import org.nde4j.testkit.problems.Rober;
import org.nde4j.testkit.problems.VanDerPolStiff;

/**
 * The Bari stiff problems against their published references (RADAU at 1.1e-18; F. Mazzia, C.
 * Magherini, Test Set for IVP Solvers 2.4, Bari 2008), scored by mescd, with autodiff Jacobians.
 *
 * <p>Tolerances: ROBER at atol = 1e-14 (deTestSet's default; y2 ~ 1e-13 at the end, so any looser
 * atol leaves y2 uncontrolled) and atol = 1e-10 at rtol = 1e-6 (workload W2a's); VDPOL at atol =
 * rtol (all components are O(1), the Bari convention).
 */
class RosenbrockReferenceTest {
  /** method, problem index (0 ROBER, 1 VDPOL ε = 1e-6, 2 VDPOL μ = 1000), rtol, atol, mescd floor. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("rodas5p", 0, 1e-8, 1e-14, 7.0), Arguments.of("rodas5p", 0, 1e-6, 1e-10, 5.0),
        Arguments.of("rodas5p", 1, 1e-8, 1e-8, 7.0), Arguments.of("rodas5p", 1, 1e-6, 1e-6, 5.0),
        Arguments.of("rodas5p", 2, 1e-8, 1e-8, 7.0), Arguments.of("rodas5p", 2, 1e-6, 1e-6, 5.0),
        Arguments.of("rodas4", 0, 1e-8, 1e-14, 7.0), Arguments.of("rodas4", 0, 1e-6, 1e-10, 5.0),
        Arguments.of("rodas4", 1, 1e-8, 1e-8, 7.0), Arguments.of("rodas4", 1, 1e-6, 1e-6, 5.0),
        Arguments.of("rodas4", 2, 1e-8, 1e-8, 7.0), Arguments.of("rodas4", 2, 1e-6, 1e-6, 5.0),
        // second order with local error control: the global error is ~N·tol (N ~ tol^(-1/3))
        Arguments.of("rosenbrock23", 0, 1e-8, 1e-14, 5.5), Arguments.of("rosenbrock23", 0, 1e-6,
            1e-10, 4.5),
        Arguments.of("rosenbrock23", 1, 1e-8, 1e-8, 5.5), Arguments.of("rosenbrock23", 1, 1e-6,
            1e-6, 4.0),
        Arguments.of("rosenbrock23", 2, 1e-8, 1e-8, 5.5), Arguments.of("rosenbrock23", 2, 1e-6,
            1e-6, 4.0));
  }

  private static OdeProblem problem(int i) {
    return i == 0 ? new Rober() : i == 1 ? VanDerPolStiff.scaled() : VanDerPolStiff.unscaled();
  }

  private static OdeTerm term(int i) {
    return i == 0 ? StiffTerms.rober() : i == 1 ? StiffTerms.vanDerPol(true, 1e-6)
        : StiffTerms.vanDerPol(false, 1000);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void barisReference(String name, int which, double rtol, double atol, double floor) {
    OdeProblem p = problem(which);
    Solution s = Solve.of(term(which), SolverCatalogue.byName(name), p.t0(), p.t1(), p.y0())
        .controller(PidController.of(rtol, atol)).saveAt(SaveAt.steps()).run();
    assertThat(s.status()).isEqualTo(Status.SUCCESS);
    double mescd = Accuracy.mescd(s.yEnd(), p.reference(), rtol, atol);
    System.out.printf("%s %s rtol=%.0e atol=%.0e: mescd %.2f, %d steps (%d rejected), nfe %d, %s%n",
        name, p.name(), rtol, atol, mescd, s.stats().accepted(), s.stats().rejected(),
        s.stats().nfe(), s.stats().work());
    assertThat(mescd).as("%s on %s at %s", name, p.name(), rtol).isGreaterThanOrEqualTo(floor);
    if (which == 0) {
      // y1 + y2 + y3 = 1 on every step: the method is linear in f, whose components sum to 0
      for (int k = 0; k < s.size(); k++) {
        double[] y = s.y(k);
        assertThat(Math.abs(y[0] + y[1] + y[2] - 1)).as("invariant at t = %s", s.t(k))
            .isLessThan(1e-10);
      }
    }
  }

  /**
   * Work counters add up: one Jacobian per accepted step (a rejected attempt keeps the Jacobian of
   * its start), one factorization per attempt, s linear solves per attempt, and evaluations = (s
   * per attempt, less one per attempt for the first stage when it is carried over) + 1 for ∂f/∂t
   * per Jacobian + the two of the initial-step heuristic.
   */
  @Test
  void workCountersAddUp() {
    Rober p = new Rober(1e5);
    for (String name : new String[] {"rosenbrock23", "rodas4", "rodas5p"}) {
      AbstractRosenbrock solver = (AbstractRosenbrock) SolverCatalogue.byName(name);
      int s = solver.tableau().stages();
      Solution sol = Solve.of(StiffTerms.rober(), solver, p.t0(), p.t1(), p.y0())
          .controller(PidController.of(1e-6, 1e-10)).run();
      Work w = sol.stats().work();
      long attempts = sol.stats().steps();
      long accepted = sol.stats().accepted();
      assertThat(w.jacobians()).as(name).isEqualTo(accepted);
      assertThat(w.factorizations()).as(name).isEqualTo(attempts);
      assertThat(w.linearSolves()).as(name).isEqualTo(s * attempts);
      assertThat(w.newtonIterations()).isZero();
      assertThat(w.newtonFailures()).isZero();
      // stages 2..s per attempt; f0 per accepted step (carried over from the last stage instead
      // for the FSAL rosenbrock23, plus once at the start); ∂f/∂t per Jacobian; 2 for h0
      long f0 = solver.tableau().isFsal() ? 1 : accepted;
      assertThat(sol.stats().nfe()).as(name)
          .isEqualTo((s - 1) * attempts + f0 + w.jacobians() + 2);
    }
  }

  /** Like the explicit engine, a Rosenbrock step allocates nothing (compiled field, autodiff J). */
  @Test
  void noAllocationPerStep() {
    Assumptions.assumeTrue(AllocationProbe.supported());
    OdeTerm term = OdeTerm.of(Fields.lorenzTensor(), Shape.of(3));
    for (String name : new String[] {"rosenbrock23", "rodas4", "rodas5p"}) {
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

  /** The same with a plain-array field and the finite-difference Jacobian. */
  @Test
  void noAllocationPerStepWithFiniteDifferences() {
    Assumptions.assumeTrue(AllocationProbe.supported());
    Term term = Fields.vanDerPol(5);
    for (String name : new String[] {"rosenbrock23", "rodas5p"}) {
      var solver = SolverCatalogue.byName(name);
      Runnable shortSolve = () -> Solve.of(term, solver, 0, 1, new double[] {2, 0}).dt0(1e-3)
          .controller(ConstantStepSize.create()).run();
      Runnable longSolve = () -> Solve.of(term, solver, 0, 4, new double[] {2, 0}).dt0(1e-3)
          .controller(ConstantStepSize.create()).run();
      double a = AllocationProbe.bytesPerCallAfterWarmup(shortSolve, 20, 1.0);
      double b = AllocationProbe.bytesPerCallAfterWarmup(longSolve, 20, 1.0);
      assertThat((b - a) / 3000).as("bytes per step, %s", name).isLessThan(1);
    }
  }
}
